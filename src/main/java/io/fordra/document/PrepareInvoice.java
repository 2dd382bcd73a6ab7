package io.fordra.document;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Prepare invoice": renders the invoice PDF and queues it for sending. */
@Component
class PrepareInvoice implements JavaDelegate {

  private final DocumentService documents;

  public PrepareInvoice(DocumentService documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StoredDocument document = documents.prepareInvoice(InvoiceToCash.INVOICE_NUMBER.from(execution));
    InvoiceToCash.DOCUMENT_ID.set(execution, document.id());
  }
}
