package io.fordra.payment.file;

import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Match payment" created: what the bank said about the payment, on the task (task-local, for the form). */
@Component
class MatchPaymentContext implements TaskListener {

  private final PaymentService payments;

  public MatchPaymentContext(PaymentService payments) {
    this.payments = payments;
  }

  @Override
  public void notify(DelegateTask task) {
    Payment p = payments.get(PaymentFileImport.PAYMENT_ID.from(task));
    Map<String, Object> context = new HashMap<>();
    context.put("paymentAmount", p.amount().toPlainString() + " " + p.currency());
    context.put("paidAt", p.paidAt().toString());
    context.put("bankTransactionId", p.bankTransactionId());
    context.put("statedReference", p.paymentReference() == null ? "(none)" : p.paymentReference());
    String note = payments.note(p.id());
    context.put("whyUnmatched", note == null ? "No invoice matched" : note);
    task.setVariablesLocal(context);
    // Each task's answer stays with its own payment: the parallel tasks would otherwise share (and could reuse)
    // one another's submitted variables at the process level.
    PaymentFileImport.MATCH_ACTION.setLocal(task.getExecution(), null);
    PaymentFileImport.INVOICE_NUMBERS.setLocal(task.getExecution(), null);
    PaymentFileImport.MATCH_COMMENT.setLocal(task.getExecution(), null);
    task.setDescription(p.amount().toPlainString() + " " + p.currency() + " paid " + p.paidAt());
  }
}
