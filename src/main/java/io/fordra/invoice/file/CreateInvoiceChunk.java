package io.fordra.invoice.file;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-file-import "Create next invoices" (asyncBefore: each chunk is its own transaction and retry): creates and
 * starts the valid invoices of the chunk, records why the others are not created.
 */
@Component
class CreateInvoiceChunk implements JavaDelegate {

  private final InvoiceFileService files;

  public CreateInvoiceChunk(InvoiceFileService files) {
    this.files = files;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = InvoiceFileImport.INVOICE_FILE_ID.from(execution);
    int last = files.processChunk(id, InvoiceFileImport.CREATED_UP_TO.from(execution, 0), true);
    InvoiceFileImport.MORE.set(execution, last >= 0);
    if (last >= 0) {
      InvoiceFileImport.CREATED_UP_TO.set(execution, last);
    }
  }
}
