package io.fordra.collection;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.distribution.DistributionService;
import io.fordra.distribution.MailComposer;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.Money;
import io.fordra.kernel.ConflictException;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The collection agency: hands cases over, tells it about payments, and closes cases on its report. */
@Service
public class CollectionService {

  private final InvoiceService invoices;
  private final CustomerService customers;
  private final DocumentService documents;
  private final PaymentService payments;
  private final MailComposer mail;
  private final CollectionAgencyProperties agency;
  private final SellerProperties seller;
  private final InvoiceFollowUp followUp;
  private final ApplicationEventPublisher events;
  private final FordraClock clock;

  public CollectionService(InvoiceService invoices, CustomerService customers, DocumentService documents,
                           PaymentService payments, MailComposer mail, CollectionAgencyProperties agency,
                           SellerProperties seller, InvoiceFollowUp followUp,
                           ApplicationEventPublisher events, FordraClock clock) {
    this.invoices = invoices;
    this.customers = customers;
    this.documents = documents;
    this.payments = payments;
    this.mail = mail;
    this.agency = agency;
    this.seller = seller;
    this.followUp = followUp;
    this.events = events;
    this.clock = clock;
  }

  /** E-mails the case (summary PDF, the invoice and the collection notice) to the agency; the invoice is IN_COLLECTION. */
  @Transactional
  public InvoiceStatus handOff(String invoiceNumber) {
    Invoice invoice = invoices.lock(invoiceNumber);
    if (invoice.status().isFinal()) {
      return invoice.status();
    }
    Customer customer = customers.get(invoice.customerNumber());
    StoredDocument caseFile = documents.issue(invoice, DocumentKind.AGENCY_CASE, 1, BigDecimal.ZERO.setScale(2),
        clock.today());
    List<MailComposer.Attachment> attachments = documents.forInvoice(invoice).stream()
        .filter(d -> d.kind() != DocumentKind.REMINDER && !d.isRendition())
        .map(d -> new MailComposer.Attachment(d.fileName(), d.mediaType(), d.content()))
        .toList();
    String language = language();
    Object[] args = {agency.name(), invoice.invoiceNumber(), Money.format(invoice.openAmount(), language),
        invoice.currency().name(), customer.name(), customer.customerNumber(), seller.name(),
        invoice.dueDate().toString(), invoice.remindersSent(), Money.format(invoice.feesAmount(), language)};
    mail.send(mail.compose(caseFile.messageId(), agency.email(),
        mail.text("mail.AGENCY_CASE.subject", language, args), mail.text("mail.AGENCY_CASE.body", language, args),
        caseFile.createdAt(), attachments));
    documents.markSent(caseFile, DistributionService.EMAIL, agency.email());
    invoices.changeStatus(invoice, InvoiceStatus.IN_COLLECTION, InvoiceEvent.of(InvoiceEventType.HANDED_OFF,
        "Handed off to " + agency.name() + " with " + invoice.inCurrency(invoice.openAmount()) + " outstanding").via(DistributionService.EMAIL, agency.email()));
    return InvoiceStatus.IN_COLLECTION;
  }

  /** Tells the agency that the debtor paid us directly, so it stops or adjusts collection. */
  @Transactional
  public void tellAgencyOfPayment(String invoiceNumber, long paymentId) {
    Invoice invoice = invoices.get(invoiceNumber);
    Customer customer = customers.get(invoice.customerNumber());
    Payment payment = payments.get(paymentId);
    String language = language();
    String tail = mail.text(invoice.isSettled() ? "mail.AGENCY_PAYMENT.settled" : "mail.AGENCY_PAYMENT.partial",
        language);
    Object[] args = {agency.name(), invoice.invoiceNumber(), Money.format(payment.amount(), language),
        invoice.currency().name(), customer.name(), customer.customerNumber(), seller.name(),
        Money.format(invoice.openAmount(), language), tail};
    String messageId = mail.messageId(invoice.invoiceNumber(), "agency-payment." + paymentId);
    mail.send(mail.compose(messageId, agency.email(),
        mail.text("mail.AGENCY_PAYMENT.subject", language, args), mail.text("mail.AGENCY_PAYMENT.body", language, args),
        payment.receivedAt(), List.of()));
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.AGENCY_NOTIFIED, "Told " + agency.name() + " of the "
        + "payment of " + invoice.inCurrency(payment.amount())
        + (invoice.isSettled() ? "; the claim is settled" : "")).via(DistributionService.EMAIL, agency.email()));
  }

  /** The claim was credited in full after the hand-off: the agency closes its case. */
  @Transactional
  public void tellAgencyOfCredit(String invoiceNumber) {
    Invoice invoice = invoices.get(invoiceNumber);
    Customer customer = customers.get(invoice.customerNumber());
    String language = language();
    Object[] args = {agency.name(), invoice.invoiceNumber(), Money.format(invoice.creditedAmount(), language),
        invoice.currency().name(), customer.name(), customer.customerNumber(), seller.name()};
    String messageId = mail.messageId(invoice.invoiceNumber(), "agency-credited");
    mail.send(mail.compose(messageId, agency.email(), mail.text("mail.AGENCY_CREDITED.subject", language, args),
        mail.text("mail.AGENCY_CREDITED.body", language, args), clock.now(), List.of()));
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.AGENCY_NOTIFIED, "Told " + agency.name()
        + " that the claim is credited in full; the case is to be closed").via(DistributionService.EMAIL, agency.email()));
  }

  /** The agency reported the outcome (REST): delivered to the process as CollectionCaseClosed. */
  @Transactional
  public void reportOutcome(String invoiceNumber, CollectionOutcome outcome, String note) {
    invoices.get(invoiceNumber);
    if (!followUp.waitsForAgencyReport(invoiceNumber)) {
      throw new ConflictException("Invoice " + invoiceNumber + " has no open case with the collection agency");
    }
    events.publishEvent(new InvoiceFollowUp.CollectionCaseClosed(invoiceNumber, outcome.name(), note));
  }

  /** Closes the invoice after the agency's report: PAID where nothing is open, otherwise CLOSED. */
  @Transactional
  public InvoiceStatus closeCase(String invoiceNumber, String outcome, String note) {
    Invoice invoice = invoices.lock(invoiceNumber);
    InvoiceStatus status = invoice.isSettled() ? InvoiceStatus.PAID : InvoiceStatus.CLOSED;
    if (!invoice.isSettled() && CollectionOutcome.UNCOLLECTIBLE.name().equals(outcome)) {
      // What the agency could not collect is a confirmed loss; the report shows the open amount before it.
      invoices.writeOff(invoice, agency.name() + " could not collect" + (note == null || note.isBlank() ? ""
          : ": " + note));
    }
    invoices.changeStatus(invoice, status, InvoiceEvent.of(InvoiceEventType.COLLECTION_CASE_CLOSED,
        agency.name() + " closed the case: " + outcome + (note == null || note.isBlank() ? "" : " — " + note)
            + "; open " + invoice.inCurrency(invoice.openAmount())));
    return status;
  }

  /** Mail to the agency is written in the seller's language. */
  private String language() {
    return seller.country().language();
  }
}
