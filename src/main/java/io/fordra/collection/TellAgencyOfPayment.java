package io.fordra.collection;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Tell agency of payment" (asyncBefore, retried): the debtor paid us after the hand-off. */
@Component
class TellAgencyOfPayment implements JavaDelegate {

  private final CollectionService collection;

  public TellAgencyOfPayment(CollectionService collection) {
    this.collection = collection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collection.tellAgencyOfPayment(InvoiceToCash.INVOICE_NUMBER.from(execution),
        InvoiceToCash.PAYMENT_ID.from(execution));
  }
}
