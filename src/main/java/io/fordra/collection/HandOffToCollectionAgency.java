package io.fordra.collection;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Hand off to collection agency" (asyncBefore, retried): e-mails the case to the agency. */
@Component
class HandOffToCollectionAgency implements JavaDelegate {

  private final CollectionService collection;

  public HandOffToCollectionAgency(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.handOff(InvoiceToCash.INVOICE_NUMBER.from(execution));
    InvoiceToCash.HANDED_OFF.set(execution, true);
  }
}
