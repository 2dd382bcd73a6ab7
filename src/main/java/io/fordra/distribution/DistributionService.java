package io.fordra.distribution;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.Money;
import io.fordra.seller.SellerProperties;
import io.fordra.process.InvoiceProcesses;
import io.fordra.web.ConflictException;
import io.fordra.web.InvalidRequestException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends an invoice's documents to the customer. E-mail today; the Distribution capability adds channels. */
@Service
public class DistributionService {

  public static final String EMAIL = "EMAIL";
  /** Seed 003: "Det är inte tillåtet att skicka samma faktura mer än tre gånger". */
  public static final int MAX_SENDS = 3;

  private final DocumentService documents;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final MailComposer mail;
  private final SellerProperties seller;
  private final InvoiceProcesses processes;

  public DistributionService(DocumentService documents, InvoiceService invoices, CustomerService customers,
                             MailComposer mail, SellerProperties seller, InvoiceProcesses processes) {
    this.processes = processes;
    this.documents = documents;
    this.invoices = invoices;
    this.customers = customers;
    this.mail = mail;
    this.seller = seller;
  }

  /**
   * E-mails the stored document with its PDF to the customer's invoice address. A retry after a failure sends the
   * same message with the same Message-ID.
   *
   * @return the status the invoice now has
   */
  @Transactional
  public InvoiceStatus sendByEmail(long documentId, int attempt) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(numberOf(document));
    Customer customer = customers.get(invoice.customerNumber());
    String to = customer.invoiceRecipient();
    String language = customer.language();
    String kind = document.kind().name();
    Object[] args = {customer.name(), invoice.invoiceNumber(), Money.format(document.amountDue(), language),
        invoice.currency().name(), document.payBy().toString(), payTo(), invoice.paymentReference(),
        seller.country() == Country.NO ? "KID" : "OCR", seller.name(), seller.email()};
    // A retry repeats its attempt's Message-ID; sending again on purpose is a new message.
    String messageId = attempt <= 1 ? document.messageId() : document.messageId().replace("@", ".a" + attempt + "@");
    mail.send(mail.compose(messageId, to,
        mail.text("mail." + kind + ".subject", language, args),
        mail.text("mail." + kind + ".body", language, args),
        document.createdAt(),
        List.of(new MailComposer.Attachment(document.fileName(), document.mediaType(), document.content()))));
    documents.markSent(document, EMAIL, to);
    InvoiceStatus status = switch (document.kind()) {
      case REMINDER -> InvoiceStatus.REMINDED;
      case COLLECTION_NOTICE -> InvoiceStatus.COLLECTION_NOTICE_SENT;
      default -> InvoiceStatus.SENT;
    };
    InvoiceEventType type = switch (document.kind()) {
      case REMINDER -> InvoiceEventType.REMINDER_SENT;
      case COLLECTION_NOTICE -> InvoiceEventType.COLLECTION_NOTICE_SENT;
      default -> InvoiceEventType.SENT;
    };
    InvoiceEvent event = InvoiceEvent.of(type, document.fileName() + (attempt > 1 ? " sent again (" + attempt + ")" : " sent")
        + " by e-mail, "
        + invoice.inCurrency(document.amountDue()) + " to pay by " + document.payBy())
        .via(EMAIL, to);
    // Only a document's first delivery moves the status on; sending it again on purpose leaves it as it is.
    if (attempt > 1 || document.isSent() || invoice.status().isFinal()) {
      invoices.record(invoice, event);
      return invoice.status();
    }
    invoices.changeStatus(invoice, status, event);
    return status;
  }

  /**
   * The last retry of a sending failed (an incident now waits in Cockpit): the invoice's status goes back to what it
   * was before the document was queued, and the error is recorded.
   */
  @Transactional
  public void sendingFailed(long documentId, String error) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(numberOf(document));
    InvoiceEvent event = InvoiceEvent.of(InvoiceEventType.SEND_FAILED, document.fileName()
        + " could not be sent: " + error).via(EMAIL, null);
    if (invoice.status() == InvoiceStatus.WAITING_TO_BE_SENT && document.statusBefore() != null) {
      invoices.changeStatus(invoice, InvoiceStatus.valueOf(document.statusBefore()), event);
    } else {
      invoices.record(invoice, event);
    }
  }

  /** What became of a request to send a document again. */
  public record Resend(boolean queued, StoredDocument document, int attempt, String message) {}

  /**
   * A person sends a document again (the latest letter unless one is named). The same document goes out at most
   * {@value #MAX_SENDS} times, whatever the channels; a refusal is recorded on the invoice.
   */
  @Transactional
  public Resend resend(String invoiceNumber, Long documentId, String channel) {
    Invoice invoice = invoices.lock(invoiceNumber);
    if (channel != null && !EMAIL.equals(channel)) {
      throw new InvalidRequestException("channel", "'" + channel + "' is not an active channel (active: " + EMAIL + ")");
    }
    List<StoredDocument> letters = documents.forInvoice(invoice).stream().filter(d -> !d.kind().isCaseFile() && !d.isRendition()).toList();
    StoredDocument document = documentId == null
        ? letters.stream().reduce((first, second) -> second)
            .orElseThrow(() -> new ConflictException("Invoice " + invoiceNumber + " has no document to send"))
        : letters.stream().filter(d -> d.id() == documentId).findFirst()
            .orElseThrow(() -> new InvalidRequestException("documentId", "invoice " + invoiceNumber
                + " has no letter " + documentId));
    if (document.sendAttempts() >= MAX_SENDS) {
      String refusal = document.fileName() + " was already sent " + document.sendAttempts() + " times; the same "
          + "document may be sent at most " + MAX_SENDS + " times";
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.SEND_REFUSED, refusal));
      return new Resend(false, document, document.sendAttempts(), refusal);
    }
    int attempt = documents.countAttempt(document);
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.QUEUED, document.fileName()
        + " is waiting to be sent again (" + attempt + " of " + MAX_SENDS + ")"));
    processes.startDistribution(invoiceNumber, document.id(), attempt);
    return new Resend(true, document, attempt, "Queued: sending " + attempt + " of " + MAX_SENDS);
  }

  private String numberOf(StoredDocument document) {
    return invoices.byId(document.invoiceId()).invoiceNumber();
  }

  private String payTo() {
    if (seller.bankgiro() != null && !seller.bankgiro().isBlank()) {
      return "bankgiro " + seller.bankgiro();
    }
    return seller.bankAccount();
  }
}
