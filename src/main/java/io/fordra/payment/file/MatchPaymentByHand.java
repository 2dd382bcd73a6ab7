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

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final PaymentService payments;

  public MatchPaymentByHand(PaymentService payments) {
    this.payments = payments;
  }

  /** The checklist's answer: a list (Java or JSON, as Tasklist submits it) of invoice numbers; none if not given. */
  static List<String> ticked(Object answer) {
    if (answer == null || "".equals(answer)) {
      return List.of();
    }
    if (answer instanceof java.util.Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    try {
      return List.of(JSON.readValue(answer.toString(), String[].class));
    } catch (java.io.IOException e) {
      throw new ProcessEngineException("The suggested invoices ticked are not a list of invoice numbers");
    }
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
        // The ticked suggestions first (in the list's order), then the numbers typed.
        List<String> invoiceNumbers = new java.util.ArrayList<>(ticked(MatchPaymentForm.SUGGESTED_INVOICES.from(task)));
        String numbers = PaymentFileImport.INVOICE_NUMBERS.from(task);
        if (numbers != null) {
          Arrays.stream(numbers.split("[,;\\s]+")).filter(n -> !n.isBlank()).forEach(invoiceNumbers::add);
        }
        invoiceNumbers = invoiceNumbers.stream().distinct().toList();
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
