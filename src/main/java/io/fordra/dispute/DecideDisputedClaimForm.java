package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * forms/decide-disputed-claim.form: the rejected objection and the reply sent (read-only), and what becomes of the
 * disputed part. The objection's fields are those of {@link RespondToObjectionForm}.
 */
@Component
public class DecideDisputedClaimForm extends TaskForm {

  public DecideDisputedClaimForm() {
    super("decide-disputed-claim",
        List.of(InvoiceToCash.INVOICE_NUMBER, RespondToObjectionForm.CUSTOMER_NAME, RespondToObjectionForm.OPEN_AMOUNT,
            RespondToObjectionForm.DISPUTED_AMOUNT, RespondToObjectionForm.OBJECTION_REASON, InvoiceToCash.REPLY_TEXT,
            RespondToObjectionForm.INVOICE_HISTORY),
        List.of(InvoiceToCash.DISPUTED_CLAIM_DECISION, InvoiceToCash.DECISION_COMMENT));
  }
}
