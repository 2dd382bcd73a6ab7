package io.fordra.payment.file;

import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.payment.PaymentService;
import io.fordra.payment.file.PaymentFileImport.MatchAction;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Match payment" completed: books the payment on the invoices the person named, or as an unallocated credit. A
 * wrong answer is refused with its reasons (shown in Tasklist; the task stays open and nothing is booked).
 */
@Component
class MatchPaymentByHand implements TaskListener {

  private final PaymentService payments;

  public MatchPaymentByHand(PaymentService payments) {
    this.payments = payments;
  }

  @Override
  public void notify(DelegateTask task) {
    String answer = PaymentFileImport.MATCH_ACTION.from(task);
    MatchAction action = Arrays.stream(MatchAction.values()).filter(a -> a.name().equals(answer)).findFirst()
        .orElseThrow(() -> new ProcessEngineException("Choose: book on invoices (MATCH) or as unallocated credit "
            + "(UNALLOCATED)"));
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = task.getAssignee() != null ? task.getAssignee() : auth == null ? null : auth.getUserId();
    long paymentId = PaymentFileImport.PAYMENT_ID.from(task);
    try {
      if (action == MatchAction.MATCH) {
        String numbers = PaymentFileImport.INVOICE_NUMBERS.from(task);
        List<String> invoiceNumbers = numbers == null ? List.of()
            : Arrays.stream(numbers.split("[,;\\s]+")).filter(n -> !n.isBlank()).distinct().toList();
        payments.matchByHand(paymentId, invoiceNumbers, user);
      } else {
        payments.bookUnallocated(paymentId, PaymentFileImport.MATCH_COMMENT.from(task), user);
      }
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException(e.violations().stream()
          .map(v -> (v.field().equals("matchComment") ? "The comment " : "") + v.message())
          .map(m -> Character.toUpperCase(m.charAt(0)) + m.substring(1))
          .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
    } catch (ConflictException e) {
      throw new ProcessEngineException(e.getMessage());
    }
  }
}
