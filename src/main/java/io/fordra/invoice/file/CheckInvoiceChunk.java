package io.fordra.invoice.file;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-file-import "Check next invoices" (all-or-nothing files; asyncBefore: each chunk is its own transaction and
 * retry): records what is wrong with each invoice, creates nothing.
 */
@Component
class CheckInvoiceChunk implements JavaDelegate {

  private final InvoiceFileService files;

  public CheckInvoiceChunk(InvoiceFileService files) {
    this.files = files;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = InvoiceFileImport.INVOICE_FILE_ID.from(execution);
    int last = files.processChunk(id, InvoiceFileImport.CHECKED_UP_TO.from(execution, 0), false);
    InvoiceFileImport.MORE.set(execution, last >= 0);
    if (last >= 0) {
      InvoiceFileImport.CHECKED_UP_TO.set(execution, last);
    } else {
      InvoiceFileImport.REJECTED_INVOICES.set(execution, files.summary(id).rejected());
    }
  }
}
