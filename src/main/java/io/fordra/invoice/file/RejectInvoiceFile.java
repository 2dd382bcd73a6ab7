package io.fordra.invoice.file;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-file-import "Reject the file": an all-or-nothing file with an invalid invoice; nothing of it is created. */
@Component
class RejectInvoiceFile implements JavaDelegate {

  private final InvoiceFileService files;
  private final InvoiceInbox inbox;

  public RejectInvoiceFile(InvoiceFileService files, InvoiceInbox inbox) {
    this.files = files;
    this.inbox = inbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InvoiceFileSummary summary = files.reject(InvoiceFileImport.INVOICE_FILE_ID.from(execution));
    InvoiceFileImport.SUMMARY.set(execution, summary.describe());
    inbox.writeReport(summary);
  }
}
