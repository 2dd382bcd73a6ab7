package io.fordra.distribution;

import io.fordra.customer.Channel;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.document.Delivery;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violations;
import io.fordra.process.InvoiceDistribution;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deviations in distribution (seed 001 step 3): a bounce, a failed direct debit or a rejected e-invoice tries the
 * reserve channel once; where nothing reaches the customer a case handler corrects the address or picks a channel.
 */
@Service
class DeviationService {

  private final DocumentService documents;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final DistributionService distribution;
  private final DirectDebitRepository directDebits;
  private final InvoiceFollowUp followUp;
  private final ApplicationEventPublisher events;
  private final DistributionProperties properties;

  public DeviationService(DocumentService documents, InvoiceService invoices, CustomerService customers,
                          DistributionService distribution, DirectDebitRepository directDebits,
                          InvoiceFollowUp followUp, ApplicationEventPublisher events,
                          DistributionProperties properties) {
    this.documents = documents;
    this.invoices = invoices;
    this.customers = customers;
    this.distribution = distribution;
    this.directDebits = directDebits;
    this.followUp = followUp;
    this.events = events;
    this.properties = properties;
  }

  public record BounceRequest(Channel channel, String recipient, String reason) {}

  public record BounceResult(String invoiceNumber, long documentId, String fileName, boolean rerouted,
                             String message) {}

  /**
   * The mail system (or the print service, the access point, the bank) reports that a document did not arrive.
   * The document goes to the invoice's follow-up as DistributionBounced, which sends it by the reserve channel.
   */
  @Transactional
  public BounceResult bounce(String invoiceNumber, BounceRequest request) {
    Violations v = new Violations();
    v.required("channel", request.channel());
    v.text("reason", request.reason(), 2000);
    v.optionalText("recipient", request.recipient(), 254);
    v.throwIfAny();
    Invoice invoice = invoices.lock(invoiceNumber);
    Channel channel = request.channel();
    String reason = request.reason().strip();
    StoredDocument document;
    Delivery bounced = null;
    if (channel == Channel.DIRECT_DEBIT) {
      var debit = directDebits.forInvoice(invoice.id()).orElseThrow(() -> new ConflictException(
          "Invoice " + invoiceNumber + " has no direct debit"));
      directDebits.updateStatus(debit.id(), DirectDebitRepository.Status.FAILED, reason);
      document = documents.forInvoice(invoice).stream().filter(d -> d.kind() == DocumentKind.INVOICE).findFirst()
          .orElseThrow(() -> new ConflictException("Invoice " + invoiceNumber + " has no invoice document"));
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_FAILED, "The direct debit of "
          + invoice.inCurrency(debit.amount()) + " failed: " + reason).via(channel.name(), "mandate " + debit.mandate()));
    } else {
      String recipient = request.recipient() == null || request.recipient().isBlank() ? null
          : request.recipient().strip();
      bounced = documents.lastDelivery(invoice, channel.name(), recipient)
          .orElseThrow(() -> new ConflictException("No document of invoice " + invoiceNumber + " was sent by "
              + channel + (recipient == null ? "" : " to " + recipient)));
      document = documents.get(bounced.documentId());
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DISTRIBUTION_BOUNCED, document.fileName()
          + " did not arrive: " + reason).via(channel.name(), bounced.recipient()));
    }
    if (!followUp.sendsBouncedDocumentsAgain(invoiceNumber)) {
      String message = "Recorded; follow-up of invoice " + invoiceNumber + " has ended (" + invoice.status()
          + "), so nothing is sent again";
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.NOT_SENT, document.fileName() + ": " + message));
      return new BounceResult(invoiceNumber, document.id(), document.fileName(), false, message);
    }
    Optional<Delivery> later = laterDelivery(document, bounced);
    if (later.isPresent()) {
      // The bounce is about an earlier delivery; the letter has since gone another way, which is the reserve.
      String message = "Recorded; " + document.fileName() + " was sent again by " + later.get().channel()
          + (later.get().recipient() == null ? "" : " to " + later.get().recipient()) + " after the delivery that "
          + "bounced, so nothing more is sent";
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.NOT_SENT, document.fileName() + ": " + message));
      return new BounceResult(invoiceNumber, document.id(), document.fileName(), false, message);
    }
    Optional<String> waiting = distribution.waiting(invoiceNumber, document);
    if (waiting.isPresent()) {
      // The letter already on its way (by post, or queued) is the reserve; another attempt would send it twice.
      String message = "Recorded; " + waiting.get() + ", so nothing more is sent";
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.NOT_SENT, document.fileName() + ": " + message));
      return new BounceResult(invoiceNumber, document.id(), document.fileName(), false, message);
    }
    if (document.sendAttempts() >= DistributionService.MAX_SENDS) {
      String message = document.fileName() + " was already sent " + document.sendAttempts() + " times; the same "
          + "document may be sent at most " + DistributionService.MAX_SENDS + " times";
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.SEND_REFUSED, message));
      return new BounceResult(invoiceNumber, document.id(), document.fileName(), false, message);
    }
    int attempt = documents.countAttempt(document);
    events.publishEvent(new InvoiceFollowUp.DocumentBounced(invoiceNumber, document.id(), attempt, channel.name(),
        reason));
    return new BounceResult(invoiceNumber, document.id(), document.fileName(), true,
        "Sending " + document.fileName() + " by the reserve channel (" + attempt + " of "
            + DistributionService.MAX_SENDS + ")");
  }

  /** A delivery of the document by another channel after the one that bounced (in the order they were made). */
  private Optional<Delivery> laterDelivery(StoredDocument document, Delivery bounced) {
    if (bounced == null) {
      return Optional.empty();
    }
    return documents.deliveries(document).stream()
        .dropWhile(d -> d.id() != bounced.id()).skip(1)
        .filter(d -> !d.channel().equals(bounced.channel())).findFirst();
  }

  /** A deviation as the case handler sees it: the document, whom it is for, and how they are reached now. */
  public record Situation(Invoice invoice, StoredDocument document, Customer addressee, Recipient recipient,
                          Set<Channel> activeChannels) {}

  public Situation situation(long documentId) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.byId(document.invoiceId());
    return new Situation(invoice, document, addressee(invoice), distribution.recipientOf(invoice), properties.activeChannels());
  }

  /** The case handler's corrections, as the form submits them (blank = not given). */
  public record Correction(String action, String channel, String email, String street, String postalCode,
                           String city, String comment, String user) {}

  /**
   * Applies the case handler's answer: corrects the addressee's invoice e-mail and/or address, checks that the named
   * channel (or the customer's own) now reaches them, and records it. Throws InvalidRequestException with every
   * reason (shown in Tasklist; nothing is changed then).
   *
   * @return whether to send, and by which channel (null = the customer's own)
   */
  @Transactional
  public Corrected correct(long documentId, Correction c) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(distribution.numberOf(document));
    InvoiceDistribution.DeviationAction action = parse(InvoiceDistribution.DeviationAction.class, c.action(),
        "deviationAction", "choose SEND or DO_NOT_SEND");
    if (action == InvoiceDistribution.DeviationAction.DO_NOT_SEND) {
      return new Corrected(false, null);
    }
    Channel channel = blank(c.channel()) ? null : parse(Channel.class, c.channel(), "requestedChannel",
        "choose EMAIL, PRINT or EINVOICE");
    boolean addressGiven = !blank(c.street()) || !blank(c.postalCode()) || !blank(c.city());
    if (channel == null && blank(c.email()) && !addressGiven) {
      throw new InvalidRequestException("deviationAction", "to send again, correct the e-mail or the address, or "
          + "choose a channel");
    }
    Customer addressee = addressee(invoice);
    customers.correctContact(addressee.customerNumber(), c.email(), addressGiven
        ? new Customer.Address(c.street(), c.postalCode(), c.city(), null) : null,
        c.user() == null ? "a case handler" : c.user());
    if (channel != null) {
      distribution.checkNamedChannel(invoice, document, channel);
    }
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DEVIATION_CORRECTED, "Deviation corrected by "
        + (c.user() == null ? "a case handler" : c.user())
        + (blank(c.email()) ? "" : "; invoice e-mail now " + c.email().strip())
        + (addressGiven ? "; address now " + c.street() + ", " + c.postalCode() + " " + c.city() : "")
        + "; " + document.fileName() + " is sent " + (channel == null ? "by the customer's channel" : "by " + channel)
        + (blank(c.comment()) ? "" : ": " + c.comment().strip())));
    return new Corrected(true, channel);
  }

  /** The sending that met the deviation goes on (it counts as the same attempt: nothing left by it). */
  public record Corrected(boolean send, Channel channel) {}

  /** Whose register entry receives the invoice: the organisation a person belongs to, else the customer. */
  private Customer addressee(Invoice invoice) {
    Customer customer = customers.get(invoice.customerNumber());
    return customer.organisationCustomerNumber() == null ? customer
        : customers.get(customer.organisationCustomerNumber());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String hint) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, hint);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
