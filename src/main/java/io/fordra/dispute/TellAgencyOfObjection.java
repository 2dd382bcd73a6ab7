package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Tell agency of objection" (asyncBefore, retried): the agency pauses its case at once. */
@Component
class TellAgencyOfObjection implements JavaDelegate {

  private final DisputeService disputes;

  public TellAgencyOfObjection(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disputes.tellAgencyOfObjection(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
