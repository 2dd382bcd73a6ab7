package io.fordra.dunning;

import io.fordra.invoice.InvoiceToCash;
import io.fordra.process.ProcessVariable;
import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/** forms/review-dunning.form: what "Review dunning of priority customer" shows, and the case handler's decision. */
@Component
public class ReviewDunningForm extends TaskForm {

  static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  static final ProcessVariable<String> OPEN_AMOUNT = ProcessVariable.of("openAmount", String.class);
  static final ProcessVariable<String> DUE_DATE = ProcessVariable.of("dueDate", String.class);
  static final ProcessVariable<String> TOTAL_AMOUNT = ProcessVariable.of("totalAmount", String.class);
  static final ProcessVariable<String> PAID_AMOUNT = ProcessVariable.of("paidAmount", String.class);
  static final ProcessVariable<String> DUNNING_HISTORY = ProcessVariable.of("dunningHistory", String.class);

  public ReviewDunningForm() {
    super("review-dunning",
        List.of(CUSTOMER_NAME, OPEN_AMOUNT, DUE_DATE, TOTAL_AMOUNT, PAID_AMOUNT, DUNNING_HISTORY),
        List.of(InvoiceToCash.REVIEW_DECISION, InvoiceToCash.POSTPONE_DAYS, InvoiceToCash.REVIEW_COMMENT));
  }
}
