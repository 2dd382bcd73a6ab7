package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import io.fordra.process.ProcessVariable;
import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/** forms/respond-to-objection.form: the objection as "Respond to objection" shows it, and the case handler's answer. */
@Component
public class RespondToObjectionForm extends TaskForm {

  static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  static final ProcessVariable<String> TOTAL_AMOUNT = ProcessVariable.of("totalAmount", String.class);
  static final ProcessVariable<String> OPEN_AMOUNT = ProcessVariable.of("openAmount", String.class);
  static final ProcessVariable<String> DISPUTED_AMOUNT = ProcessVariable.of("disputedAmount", String.class);
  static final ProcessVariable<String> OBJECTION_REASON = ProcessVariable.of("objectionReason", String.class);
  static final ProcessVariable<String> RAISED_BY = ProcessVariable.of("raisedBy", String.class);
  static final ProcessVariable<String> RECEIVED_AT = ProcessVariable.of("receivedAt", String.class);
  static final ProcessVariable<String> REPLY_DEADLINE = ProcessVariable.of("replyDeadline", String.class);
  static final ProcessVariable<String> INVOICE_HISTORY = ProcessVariable.of("invoiceHistory", String.class);

  public RespondToObjectionForm() {
    super("respond-to-objection",
        List.of(InvoiceToCash.INVOICE_NUMBER, CUSTOMER_NAME, TOTAL_AMOUNT, OPEN_AMOUNT, DISPUTED_AMOUNT,
            OBJECTION_REASON, RAISED_BY, RECEIVED_AT, REPLY_DEADLINE, INVOICE_HISTORY),
        List.of(InvoiceToCash.OBJECTION_DECISION, InvoiceToCash.CREDIT_AMOUNT, InvoiceToCash.REPLY_TEXT));
  }
}
