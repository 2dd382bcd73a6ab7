package io.fordra.distribution;

import io.fordra.customer.Channel;
import io.fordra.distribution.print.PrintBatchHandedOver;
import io.fordra.distribution.print.PrintBatchService;
import io.fordra.distribution.print.PrintRecipient;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PRINT channel: documents join the open print batch (the invoice stays WAITING_TO_BE_SENT) and count as sent
 * when their batch is handed to the print service.
 */
@Service
class PrintDistribution {

  private final PrintBatchService batches;
  private final DistributionService distribution;
  private final DocumentService documents;
  private final InvoiceService invoices;

  public PrintDistribution(PrintBatchService batches, DistributionService distribution, DocumentService documents,
                           InvoiceService invoices) {
    this.batches = batches;
    this.distribution = distribution;
    this.documents = documents;
    this.invoices = invoices;
  }

  @Transactional
  public void addToBatch(long documentId, int attempt, boolean directDebitNotice) {
    StoredDocument document = documents.get(documentId);
    Recipient recipient = distribution.recipientOf(invoices.byId(document.invoiceId()));
    if (recipient.postal() == null) {
      throw new IllegalStateException("Invoice " + distribution.numberOf(document) + " has no postable address any more");
    }
    var postal = recipient.postal();
    // The batch row first, then the invoice: closing a batch takes the locks in the same order.
    var item = batches.add(documentId, attempt, new PrintRecipient(postal.name(), postal.attention(),
        postal.address().street(), postal.address().postalCode(), postal.address().city(),
        postal.address().country()));
    Invoice invoice = invoices.lock(distribution.numberOf(document));
    // Another attempt of a letter still waiting joined it (PrintBatchService.add): one letter, said so.
    String where = item.attempt() == attempt ? " is in print batch " + item.batchId()
        + ", to be handed to the print service"
        : " was already waiting in print batch " + item.batchId() + " (sending " + item.attempt()
        + "); it is not added twice";
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.IN_PRINT_BATCH, document.fileName()
        + (directDebitNotice ? " (direct-debit notice)" : "") + where)
        .via(Channel.PRINT.name(), recipient.describe(Channel.PRINT)));
  }

  /** The batch is with the print service: each of its documents is sent. Runs in the closing transaction. */
  @EventListener
  public void handedOver(PrintBatchHandedOver batch) {
    for (var item : batch.items()) {
      StoredDocument document = documents.get(item.documentId());
      Invoice invoice = invoices.lock(distribution.numberOf(document));
      var r = item.recipient();
      distribution.delivered(document, invoice, Channel.PRINT, Recipient.postalLine(r.name(), r.attention(),
          r.street(), r.postalCode(), r.city(), r.country()), item.attempt(), "to the print service in " + batch.name());
    }
  }
}
