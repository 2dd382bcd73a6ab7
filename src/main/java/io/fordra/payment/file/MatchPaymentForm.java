package io.fordra.payment.file;

import io.fordra.process.ProcessVariable;
import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/** forms/match-payment.form: what the bank said about a payment no rule placed, and where finance books it. */
@Component
public class MatchPaymentForm extends TaskForm {

  static final ProcessVariable<String> PAYMENT_AMOUNT = ProcessVariable.of("paymentAmount", String.class);
  static final ProcessVariable<String> PAID_AT = ProcessVariable.of("paidAt", String.class);
  static final ProcessVariable<String> BANK_TRANSACTION_ID = ProcessVariable.of("bankTransactionId", String.class);
  static final ProcessVariable<String> STATED_REFERENCE = ProcessVariable.of("statedReference", String.class);
  static final ProcessVariable<String> WHY_UNMATCHED = ProcessVariable.of("whyUnmatched", String.class);

  public MatchPaymentForm() {
    super("match-payment",
        List.of(PAYMENT_AMOUNT, PAID_AT, BANK_TRANSACTION_ID, STATED_REFERENCE, WHY_UNMATCHED),
        List.of(PaymentFileImport.MATCH_ACTION, PaymentFileImport.INVOICE_NUMBERS, PaymentFileImport.MATCH_COMMENT));
  }
}
