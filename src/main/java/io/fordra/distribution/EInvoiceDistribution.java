package io.fordra.distribution;

import io.fordra.customer.Channel;
import io.fordra.distribution.einvoice.EInvoiceDelivery;
import io.fordra.distribution.einvoice.EInvoiceRejectedException;
import io.fordra.distribution.einvoice.EInvoiceService;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The EINVOICE channel: a validated PEPPOL BIS 3.0 document to the access point, or a deviation. */
@Service
class EInvoiceDistribution {

  /** Either the status after delivery, or why the PEPPOL rules rejected the document. */
  public record Outcome(InvoiceStatus status, String rejection) {}

  private final EInvoiceService einvoices;
  private final DistributionService distribution;
  private final DocumentService documents;
  private final InvoiceService invoices;

  public EInvoiceDistribution(EInvoiceService einvoices, DistributionService distribution, DocumentService documents,
                              InvoiceService invoices) {
    this.einvoices = einvoices;
    this.distribution = distribution;
    this.documents = documents;
    this.invoices = invoices;
  }

  @Transactional
  public Outcome send(long documentId, int attempt) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(distribution.numberOf(document));
    Recipient recipient = distribution.recipientOf(invoice);
    EInvoiceDelivery delivery;
    try {
      delivery = einvoices.deliver(documentId, recipient.buyerReference());
    } catch (EInvoiceRejectedException e) {
      String reason = "the PEPPOL BIS 3.0 rules reject " + document.fileName() + ": "
          + String.join("; ", e.errors().stream().limit(5).map(Object::toString).toList())
          + (e.errors().size() > 5 ? " (and " + (e.errors().size() - 5) + " more)" : "");
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DISTRIBUTION_DEVIATION, "E-invoice not sent: "
          + reason).via(Channel.EINVOICE.name(), recipient.describe(Channel.EINVOICE)));
      return new Outcome(null, reason);
    }
    return new Outcome(distribution.delivered(document, invoice, Channel.EINVOICE, delivery.endpoint(), attempt,
        "as PEPPOL e-invoice " + delivery.fileName()), null);
  }
}
