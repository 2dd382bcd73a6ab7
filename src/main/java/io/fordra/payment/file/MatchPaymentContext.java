package io.fordra.payment.file;

import io.fordra.invoice.Money;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.payment.Remitter;
import io.fordra.task.TaskForm;
import io.fordra.task.TaskHeadings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Match payment" created: what the bank said about the payment and the open invoices it most likely pays, on the
 * task (task-local, for the form); named after the payer and the amount (there is no invoice yet) and due in the
 * configured working days.
 */
@Component
class MatchPaymentContext implements TaskListener {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final PaymentService payments;
  private final PaymentCandidates candidates;
  private final MatchPaymentForm form;
  private final TaskHeadings headings;

  public MatchPaymentContext(PaymentService payments, PaymentCandidates candidates, MatchPaymentForm form,
                             TaskHeadings headings) {
    this.payments = payments;
    this.candidates = candidates;
    this.form = form;
    this.headings = headings;
  }

  @Override
  public void notify(DelegateTask task) {
    Payment p = payments.get(PaymentFileImport.PAYMENT_ID.from(task));
    values(p).showOn(task);
    // JSON, which Tasklist hands to the form as the checklist's options ({label, value}).
    task.setVariableLocal(MatchPaymentForm.INVOICE_SUGGESTIONS,
        SpinValues.jsonValue(suggestions(candidates.forPayment(p.id()))).create());
    // Each task's answer stays with its own payment: the parallel tasks would otherwise share (and could reuse)
    // one another's submitted variables at the process level.
    form.clearAnswer(task.getExecution());
    // Tasklist submits a checklist with the type of the variable it finds under the field's key: a null there would
    // make it send the ticked list as type Null, which the engine refuses. An empty JSON list makes it send JSON.
    task.getExecution().setVariableLocal(MatchPaymentForm.SUGGESTED_INVOICES.name(),
        SpinValues.jsonValue("[]").create());
    task.setDescription(headings.amount(p.amount(), p.currency()) + " paid " + p.paidAt());
    String payer = payments.remitter(p.id()).payerName();
    headings.name(task, payer == null || payer.isBlank() ? "unknown payer" : payer.strip(),
        headings.amount(p.amount(), p.currency()), p.paymentReference() == null ? null : "ref " + p.paymentReference());
    headings.dueAsConfigured(task, form);
  }

  /** What "Match payment" shows about the payment. */
  TaskForm.Values values(Payment p) {
    String note = payments.note(p.id());
    Remitter from = payments.remitter(p.id());
    return form.values()
        .put(MatchPaymentForm.PAYMENT_AMOUNT, headings.amount(p.amount(), p.currency()))
        .put(MatchPaymentForm.PAID_AT, p.paidAt().toString())
        .put(MatchPaymentForm.BANK_TRANSACTION_ID, p.bankTransactionId())
        .put(MatchPaymentForm.STATED_REFERENCE, p.paymentReference() == null ? "(none)" : p.paymentReference())
        .put(MatchPaymentForm.WHY_UNMATCHED, note == null ? "No invoice matched" : note)
        .put(MatchPaymentForm.PAYER, from.payerName() == null ? "(not given)" : from.payerName())
        .put(MatchPaymentForm.PAYER_ACCOUNT, account(from))
        .put(MatchPaymentForm.REMITTANCE_TEXT, from.remittanceText() == null ? "(none)" : from.remittanceText());
  }

  private static String account(Remitter from) {
    List<String> parts = new java.util.ArrayList<>();
    if (from.account() != null) {
      parts.add(from.account());
    }
    if (from.organisationNumber() != null) {
      parts.add("org. no. " + from.organisationNumber());
    }
    return parts.isEmpty() ? "(not given)" : String.join(", ", parts);
  }

  /** The checklist's options: the invoice number as the value, what speaks for it as the label. */
  static String suggestions(List<PaymentCandidates.Candidate> found) {
    List<Map<String, String>> options = new java.util.ArrayList<>();
    for (PaymentCandidates.Candidate c : found) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", c.invoiceNumber() + " · " + c.customerName() + " · open "
          + Money.format(c.openAmount(), "sv") + " " + c.currency() + " · due " + c.dueDate() + " · "
          + String.join(", ", c.reasons()));
      option.put("value", c.invoiceNumber());
      options.add(option);
    }
    try {
      return JSON.writeValueAsString(options);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
