package io.fordra.payment.file;

import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.task.TaskForm;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Match payment" created: what the bank said about the payment, on the task (task-local, for the form). */
@Component
class MatchPaymentContext implements TaskListener {

  private final PaymentService payments;
  private final MatchPaymentForm form;

  public MatchPaymentContext(PaymentService payments, MatchPaymentForm form) {
    this.payments = payments;
    this.form = form;
  }

  @Override
  public void notify(DelegateTask task) {
    Payment p = payments.get(PaymentFileImport.PAYMENT_ID.from(task));
    values(p).showOn(task);
    // Each task's answer stays with its own payment: the parallel tasks would otherwise share (and could reuse)
    // one another's submitted variables at the process level.
    form.clearAnswer(task.getExecution());
    task.setDescription(p.amount().toPlainString() + " " + p.currency() + " paid " + p.paidAt());
  }

  /** What "Match payment" shows about the payment. */
  TaskForm.Values values(Payment p) {
    String note = payments.note(p.id());
    return form.values()
        .put(MatchPaymentForm.PAYMENT_AMOUNT, p.amount().toPlainString() + " " + p.currency())
        .put(MatchPaymentForm.PAID_AT, p.paidAt().toString())
        .put(MatchPaymentForm.BANK_TRANSACTION_ID, p.bankTransactionId())
        .put(MatchPaymentForm.STATED_REFERENCE, p.paymentReference() == null ? "(none)" : p.paymentReference())
        .put(MatchPaymentForm.WHY_UNMATCHED, note == null ? "No invoice matched" : note);
  }
}
