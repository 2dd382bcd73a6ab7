package io.fordra.distribution;

import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.distribution.print.PrintBatchService;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-to-cash "Prepare credit note": the credit note gets its document, to be sent like the invoice was. A credit
 * in full of an invoice that never left (inside the undo window) is the undo itself: then nothing is sent.
 */
@Component
class PrepareCreditNote implements JavaDelegate {

  private final InvoiceService invoices;
  private final DocumentService documents;
  private final PrintBatchService printBatches;

  public PrepareCreditNote(InvoiceService invoices, DocumentService documents, PrintBatchService printBatches) {
    this.invoices = invoices;
    this.documents = documents;
    this.printBatches = printBatches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Invoice invoice = invoices.lock(InvoiceToCash.INVOICE_NUMBER.from(execution));
    // The newest credit note without its document: each InvoiceCredited message is about one new credit note.
    var creditNotes = invoices.creditNotes(invoice);
    long creditNoteId = creditNotes.get(creditNotes.size() - 1).id();
    boolean invoiceLeft = documents.forInvoice(invoice).stream()
        .filter(d -> d.kind() == DocumentKind.INVOICE && !d.isRendition())
        .anyMatch(d -> d.isSent() || printBatches.isQueued(d.id()));
    boolean undo = !invoiceLeft && Boolean.TRUE.equals(InvoiceToCash.SETTLED.from(execution));
    if (undo) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.NOT_SENT, "Credited in full before the invoice "
          + "left (undo window): neither the invoice nor the credit note is sent"));
      InvoiceToCash.CREDIT_NOTE_TO_SEND.setLocal(execution, false);
      return;
    }
    StoredDocument creditNote = documents.issueCreditNote(invoice, creditNoteId);
    if (creditNote.sendAttempts() == 0) {
      documents.countAttempt(creditNote);
    }
    InvoiceToCash.DOCUMENT_ID.setLocal(execution, creditNote.id());
    InvoiceToCash.CREDIT_NOTE_TO_SEND.setLocal(execution, true);
  }
}
