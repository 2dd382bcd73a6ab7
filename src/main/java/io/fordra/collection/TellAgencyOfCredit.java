package io.fordra.collection;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Tell agency the claim is credited" (asyncBefore, retried): the agency closes its case. */
@Component
class TellAgencyOfCredit implements JavaDelegate {

  private final CollectionService collection;

  public TellAgencyOfCredit(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.tellAgencyOfCredit(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
