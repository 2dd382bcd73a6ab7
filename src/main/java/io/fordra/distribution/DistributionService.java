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
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends an invoice's documents to the customer. E-mail today; the Distribution capability adds channels. */
@Service
public class DistributionService {

  public static final String EMAIL = "EMAIL";

  private final DocumentService documents;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final MailComposer mail;
  private final SellerProperties seller;

  public DistributionService(DocumentService documents, InvoiceService invoices, CustomerService customers,
                             MailComposer mail, SellerProperties seller) {
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
  public InvoiceStatus sendByEmail(long documentId) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(numberOf(document));
    Customer customer = customers.get(invoice.customerNumber());
    String to = customer.invoiceRecipient();
    String language = customer.language();
    String kind = document.kind().name();
    Object[] args = {customer.name(), invoice.invoiceNumber(), Money.format(document.amountDue(), language),
        invoice.currency().name(), document.payBy().toString(), payTo(), invoice.paymentReference(),
        seller.country() == Country.NO ? "KID" : "OCR", seller.name(), seller.email()};
    mail.send(mail.compose(document.messageId(), to,
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
    InvoiceEvent event = InvoiceEvent.of(type, document.fileName() + " sent by e-mail, "
        + Money.format(document.amountDue(), "en") + " " + invoice.currency() + " to pay by " + document.payBy())
        .via(EMAIL, to);
    if (invoice.status().isFinal()) {
      invoices.record(invoice, event);
      return invoice.status();
    }
    invoices.changeStatus(invoice, status, event);
    return status;
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
