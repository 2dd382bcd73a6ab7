package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Close for missing response" (asyncBefore, retried): the reply deadline passed unanswered. */
@Component
class CloseObjectionNoResponse implements JavaDelegate {

  private final DisputeService disputes;

  public CloseObjectionNoResponse(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String invoiceNumber = InvoiceToCash.INVOICE_NUMBER.from(execution);
    boolean ended = disputes.closeForMissingResponse(invoiceNumber, InvoiceToCash.HANDED_OFF.from(execution, false));
    InvoiceToCash.FOLLOW_UP_ENDED.set(execution, ended);
    InvoiceToCash.FOLLOW_UP_ON_HOLD.set(execution, disputes.isOnHold(invoiceNumber));
  }
}
