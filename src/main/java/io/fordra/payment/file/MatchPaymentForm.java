package io.fordra.payment.file;

import io.fordra.process.ProcessVariable;
import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * forms/match-payment.form: what the bank said about a payment no rule placed, the open invoices it most likely
 * pays, and where finance books it.
 */
@Component
public class MatchPaymentForm extends TaskForm {

  static final ProcessVariable<String> PAYMENT_AMOUNT = ProcessVariable.of("paymentAmount", String.class);
  static final ProcessVariable<String> PAID_AT = ProcessVariable.of("paidAt", String.class);
  static final ProcessVariable<String> BANK_TRANSACTION_ID = ProcessVariable.of("bankTransactionId", String.class);
  static final ProcessVariable<String> STATED_REFERENCE = ProcessVariable.of("statedReference", String.class);
  static final ProcessVariable<String> WHY_UNMATCHED = ProcessVariable.of("whyUnmatched", String.class);
  static final ProcessVariable<String> PAYER = ProcessVariable.of("payer", String.class);
  static final ProcessVariable<String> PAYER_ACCOUNT = ProcessVariable.of("payerAccount", String.class);
  static final ProcessVariable<String> REMITTANCE_TEXT = ProcessVariable.of("remittanceText", String.class);
  /** The ticked suggestions (a checklist: a list of invoice numbers). */
  static final ProcessVariable<Object> SUGGESTED_INVOICES = ProcessVariable.of("suggestedInvoices", Object.class);
  /**
   * The checklist's options (its valuesKey), task-local JSON [{label, value}]: not a field, so no answer may set it.
   */
  static final String INVOICE_SUGGESTIONS = "invoiceSuggestions";

  public MatchPaymentForm() {
    super("match-payment",
        List.of(PAYMENT_AMOUNT, PAID_AT, BANK_TRANSACTION_ID, STATED_REFERENCE, WHY_UNMATCHED, PAYER, PAYER_ACCOUNT,
            REMITTANCE_TEXT),
        List.of(PaymentFileImport.MATCH_ACTION, SUGGESTED_INVOICES, PaymentFileImport.INVOICE_NUMBERS,
            PaymentFileImport.MATCH_COMMENT));
  }
}
