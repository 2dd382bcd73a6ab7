package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Send the answer to the customer" (asyncBefore, retried): the written reply by e-mail. */
@Component
class SendObjectionReply implements JavaDelegate {

  private final DisputeService disputes;

  public SendObjectionReply(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disputes.sendReply(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
