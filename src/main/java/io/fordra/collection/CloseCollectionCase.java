package io.fordra.collection;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Close collection case": the agency reported its outcome. */
@Component
class CloseCollectionCase implements JavaDelegate {

  private final CollectionService collection;

  public CloseCollectionCase(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.closeCase(InvoiceToCash.INVOICE_NUMBER.from(execution),
        InvoiceToCash.COLLECTION_OUTCOME.from(execution), InvoiceToCash.COLLECTION_NOTE.from(execution));
  }
}
