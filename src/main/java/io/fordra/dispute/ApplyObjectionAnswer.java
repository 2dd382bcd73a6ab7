package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Apply the answer": credit notes for what was accepted; the rejected part stays disputed. */
@Component
class ApplyObjectionAnswer implements JavaDelegate {

  private final DisputeService disputes;

  public ApplyObjectionAnswer(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String invoiceNumber = InvoiceToCash.INVOICE_NUMBER.from(execution);
    String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
        : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    ObjectionCredit credit = disputes.answer(invoiceNumber, InvoiceToCash.OBJECTION_DECISION.from(execution),
        InvoiceToCash.CREDIT_AMOUNT.from(execution), InvoiceToCash.REPLY_TEXT.from(execution), user);
    // The model routes on it: a credit in part's note is sent next, a credit in full ends follow-up.
    InvoiceToCash.CREDITED_IN_PART.set(execution, credit == ObjectionCredit.IN_PART);
    InvoiceToCash.CREDITED_IN_FULL.set(execution, credit == ObjectionCredit.IN_FULL);
    InvoiceToCash.FOLLOW_UP_ON_HOLD.set(execution, disputes.isOnHold(invoiceNumber));
  }
}
