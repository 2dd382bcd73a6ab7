package io.fordra.invoice.file;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-file-import "Report the import": the summary is final, logged, kept in the process history and, for a file
 * from the inbox, written beside it.
 */
@Component
class ReportInvoiceImport implements JavaDelegate {

  private final InvoiceFileService files;
  private final InvoiceInbox inbox;

  public ReportInvoiceImport(InvoiceFileService files, InvoiceInbox inbox) {
    this.files = files;
    this.inbox = inbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InvoiceFileSummary summary = files.finish(InvoiceFileImport.INVOICE_FILE_ID.from(execution));
    InvoiceFileImport.SUMMARY.set(execution, summary.describe());
    inbox.writeReport(summary);
  }
}
