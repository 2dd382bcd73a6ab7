package io.fordra.payment.file;

import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.task.TaskForm;
import io.fordra.task.TaskHeadings;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Match payment" created: what the bank said about the payment, on the task (task-local, for the form); named after
 * the payer and the amount (there is no invoice yet) and due in the configured working days.
 */
@Component
class MatchPaymentContext implements TaskListener {

  private final PaymentService payments;
  private final MatchPaymentForm form;
  private final TaskHeadings headings;

  public MatchPaymentContext(PaymentService payments, MatchPaymentForm form, TaskHeadings headings) {
    this.payments = payments;
    this.form = form;
    this.headings = headings;
  }

  @Override
  public void notify(DelegateTask task) {
    Payment p = payments.get(PaymentFileImport.PAYMENT_ID.from(task));
    values(p).showOn(task);
    // Each task's answer stays with its own payment: the parallel tasks would otherwise share (and could reuse)
    // one another's submitted variables at the process level.
    form.clearAnswer(task.getExecution());
    task.setDescription(p.amount().toPlainString() + " " + p.currency() + " paid " + p.paidAt());
    String payer = payments.payerName(p.id());
    headings.name(task, payer == null || payer.isBlank() ? "unknown payer" : payer.strip(),
        headings.amount(p.amount(), p.currency()), p.paymentReference() == null ? null : "ref " + p.paymentReference());
    headings.dueAsConfigured(task, form);
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
