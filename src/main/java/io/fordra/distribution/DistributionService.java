package io.fordra.distribution;

import io.fordra.autogiro.MandateQuery;
import io.fordra.customer.Channel;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.distribution.print.PrintBatchService;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.document.paynow.PayNow;
import io.fordra.document.paynow.QrCode;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.Money;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends an invoice's documents to the customer on the channel that processes/distribution-channel.dmn chooses, and
 * keeps the invoice's status and history in step: WAITING_TO_BE_SENT while queued, SENT (or REMINDED …) once the
 * channel has the document, every attempt an event with time, channel and recipient.
 */
@Service
public class DistributionService {

  public static final String EMAIL = Channel.EMAIL.name();
  /** Seed 003: "Det är inte tillåtet att skicka samma faktura mer än tre gånger". */
  public static final int MAX_SENDS = 3;
  /** The "Betala med QR" code beside the PDF of a mail that asks for payment (the mail's text names it). */
  public static final String QR_FILE_NAME = "betala-med-qr.png";
  /** What the decision table answers when nothing reaches the customer. */
  public static final String NO_CHANNEL = "NONE";

  private final DocumentService documents;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final MailComposer mail;
  private final SellerProperties seller;
  private final InvoiceDistributions distributions;
  private final DistributionProperties properties;
  private final DirectDebitRepository directDebits;
  private final FordraClock clock;
  private final PrintBatchService printBatches;
  private final MandateQuery mandates;

  public DistributionService(DocumentService documents, InvoiceService invoices, CustomerService customers,
                             MailComposer mail, SellerProperties seller, InvoiceDistributions distributions,
                             DistributionProperties properties, DirectDebitRepository directDebits,
                             FordraClock clock, PrintBatchService printBatches, MandateQuery mandates) {
    this.mandates = mandates;
    this.printBatches = printBatches;
    this.distributions = distributions;
    this.documents = documents;
    this.invoices = invoices;
    this.customers = customers;
    this.mail = mail;
    this.seller = seller;
    this.properties = properties;
    this.directDebits = directDebits;
    this.clock = clock;
  }

  /** Who receives the invoice's documents (seed 003's priority: invoice reference, organisation, person). */
  public Recipient recipientOf(Invoice invoice) {
    Customer customer = customers.get(invoice.customerNumber());
    Customer organisation = customer.organisationCustomerNumber() == null ? null
        : customers.get(customer.organisationCustomerNumber());
    return Recipient.of(customer, organisation);
  }

  /** The inputs of the channel decision for one document. */
  public record ChannelFacts(String documentKind, Channel preferredChannel, boolean preferredActive,
                             Channel defaultChannel, Channel reserveChannel, boolean hasEmail,
                             boolean hasPostalAddress, boolean hasElectronicAddress, boolean hasDirectDebitMandate) {}

  /**
   * @param requestedChannel a channel a person named (sending again, correcting a deviation), or null for the
   *                         recipient's preferred one
   */
  public ChannelFacts facts(long documentId, String requestedChannel) {
    StoredDocument document = documents.get(documentId);
    Recipient recipient = recipientOf(invoices.byId(document.invoiceId()));
    Channel preferred = requestedChannel == null || requestedChannel.isBlank() ? recipient.preferredChannel()
        : Channel.valueOf(requestedChannel);
    return new ChannelFacts(document.kind().name(), preferred, properties.isActive(preferred),
        properties.defaultChannel(), properties.reserveChannel(), recipient.email() != null,
        recipient.postal() != null, recipient.electronic() != null,
        activeMandate(invoices.byId(document.invoiceId())).isPresent());
  }

  /**
   * The payer number of the active direct-debit mandate of whoever pays the invoice (the organisation a person belongs
   * to, else the customer, as Recipient orders them): without an active mandate nothing is debited.
   */
  public Optional<String> activeMandate(Invoice invoice) {
    Customer customer = customers.get(invoice.customerNumber());
    if (customer.organisationCustomerNumber() != null) {
      Optional<String> organisations = mandates.activeMandate(customers.get(customer.organisationCustomerNumber()));
      if (organisations.isPresent()) {
        return organisations;
      }
    }
    return mandates.activeMandate(customer);
  }

  /**
   * Records the channel the table chose where it is not simply the customer's own (default, reserve), and a
   * deviation where no channel reaches the customer.
   */
  @Transactional
  public void recordChoice(long documentId, String channel, String reason, boolean afterDeviation) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.byId(document.invoiceId());
    if (NO_CHANNEL.equals(channel)) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DISTRIBUTION_DEVIATION, document.fileName()
          + ": " + reason + (afterDeviation ? " after the deviation" : "")
          + "; a case handler corrects the address or chooses a channel"));
      return;
    }
    Recipient recipient = recipientOf(invoice);
    if (afterDeviation || !reason.startsWith("the customer")) {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.CHANNEL_CHOSEN, document.fileName() + " goes by "
          + channel + " (" + reason + ")").via(channel, recipient.describe(Channel.valueOf(channel))));
    }
  }

  /**
   * E-mails the stored document with its PDF to the recipient. A retry after a failure sends the same message with
   * the same Message-ID.
   *
   * @return the status the invoice now has
   */
  @Transactional
  public InvoiceStatus sendByEmail(long documentId, int attempt, boolean directDebitNotice) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(numberOf(document));
    Customer customer = customers.get(invoice.customerNumber());
    String to = recipientOf(invoice).email();
    if (to == null) {
      throw new IllegalStateException("Invoice " + invoice.invoiceNumber() + " has no e-mail recipient any more");
    }
    String language = customer.language();
    // An invoice paid or credited in part before it left says its total and what is left to pay, as its PDF does;
    // both from the stored letter and the invoice's fixed total, so that a retry writes the same text.
    BigDecimal settledBefore = invoice.totalAmount().subtract(document.amountDue());
    boolean settledInPart = document.kind() == DocumentKind.INVOICE && !directDebitNotice
        && settledBefore.signum() > 0;
    String kind = document.kind().name() + (directDebitNotice ? "_DIRECT_DEBIT" : "")
        + (settledInPart ? "_SETTLED_IN_PART" : "");
    // A payment plan's letter is paid with its instalment's own OCR/KID, which its PDF names.
    String reference = document.paymentReferenceOr(invoice.paymentReference());
    // "Betala med QR": the code of what this letter asks to be paid, the same as on its PDF
    // (io.fordra.document.paynow); not on a direct debit notice, which asks the customer to pay nothing.
    Optional<String> qrCode = directDebitNotice || !document.kind().asksForPayment() ? Optional.empty()
        : PayNow.of(invoice, seller, document.amountDue(), document.payBy(), reference).flatMap(PayNow::usingQr);
    Object[] args = {customer.name(), invoice.invoiceNumber(), Money.format(document.amountDue(), language),
        invoice.currency().name(), document.payBy().toString(),
        // A payer abroad cannot pay into a bankgiro: the IBAN; at home as before.
        customer.country().hasOwnRules() ? mail.payTo(language) : mail.payTo(language, customer.country()),
        reference,
        mail.referenceLabel(), seller.name(), seller.email(),
        Money.format(invoice.totalAmount(), language), Money.format(settledBefore.max(BigDecimal.ZERO), language),
        qrCode.isPresent() ? mail.text("mail.payNow.qr", language) : ""};
    List<MailComposer.Attachment> attachments = new ArrayList<>(
        List.of(new MailComposer.Attachment(document.fileName(), document.mediaType(), document.content())));
    qrCode.ifPresent(code -> attachments.add(
        MailComposer.Attachment.inline(QR_FILE_NAME, "image/png", QrCode.of(code).png(6))));
    // A retry repeats its attempt's Message-ID; sending again on purpose is a new message.
    String messageId = attempt <= 1 ? document.messageId() : document.messageId().replace("@", ".a" + attempt + "@");
    mail.send(mail.compose(messageId, to,
        mail.text("mail." + kind + ".subject", language, args),
        mail.text("mail." + kind + ".body", language, args),
        document.createdAt(), attachments));
    return delivered(document, invoice, Channel.EMAIL, to, attempt, "by e-mail");
  }

  /**
   * The channel has the document: the first delivery of a letter moves the invoice's status on; sending it again
   * on purpose leaves the status as it is. Either way the attempt is an event with channel and recipient. A payment
   * plan's letter never moves the status (nor the dunning level): the plan holds the follow-up, not the letter.
   */
  @Transactional
  public InvoiceStatus delivered(StoredDocument document, Invoice lockedInvoice, Channel channel, String recipient,
                                 int attempt, String how) {
    documents.markSent(document, channel.name(), recipient);
    InvoiceStatus status = switch (document.kind()) {
      case REMINDER -> InvoiceStatus.REMINDED;
      case COLLECTION_NOTICE -> InvoiceStatus.COLLECTION_NOTICE_SENT;
      default -> InvoiceStatus.SENT;
    };
    InvoiceEventType type = switch (document.kind()) {
      case REMINDER -> InvoiceEventType.REMINDER_SENT;
      case COLLECTION_NOTICE -> InvoiceEventType.COLLECTION_NOTICE_SENT;
      case INVOICE -> InvoiceEventType.SENT;
      case PAYMENT_PLAN, PAYMENT_PLAN_REFUSED, INSTALMENT_REMINDER, PAYMENT_PLAN_BROKEN ->
          InvoiceEventType.PAYMENT_PLAN_LETTER_SENT;
      default -> InvoiceEventType.CREDIT_NOTE_SENT;
    };
    String what = document.kind().asksForPayment()
        ? ", " + lockedInvoice.inCurrency(document.amountDue()) + " to pay by " + document.payBy()
        + (document.paymentReference() == null ? "" : " with reference " + document.paymentReference()) : "";
    InvoiceEvent event = InvoiceEvent.of(type, document.fileName()
        + (attempt > 1 ? " sent again (" + attempt + ")" : " sent") + " " + how + what)
        .via(channel.name(), recipient);
    boolean statusMoves = attempt <= 1 && !document.isSent() && !lockedInvoice.status().isFinal()
        && type != InvoiceEventType.CREDIT_NOTE_SENT && !document.kind().isPlanLetter();
    if (!statusMoves) {
      invoices.record(lockedInvoice, event);
      return lockedInvoice.status();
    }
    invoices.changeStatus(lockedInvoice, status, event);
    return status;
  }

  /**
   * Before a letter's first hand-over to a channel: it is rendered again from the invoice as it stands now (see
   * DocumentService.bringUpToDate) unless it already waits in a print batch, where it is handed over as it is.
   */
  @Transactional
  public void bringUpToDate(long documentId) {
    if (!printBatches.isQueued(documentId)) {
      documents.bringUpToDate(documentId);
    }
  }

  /**
   * Direct debit (autogiro / AvtaleGiro): the invoice is debited on its due date under the payer's mandate. The
   * order is kept once per invoice; the notice goes out by the channel the table chose.
   */
  @Transactional
  public void registerDirectDebit(long documentId) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(numberOf(document));
    if (directDebits.forInvoice(invoice.id()).isPresent()) {
      return;
    }
    // The active mandate's payer number (the table chose DIRECT_DEBIT only with one); the customer's own field else.
    String mandate = activeMandate(invoice).orElse(recipientOf(invoice).directDebitMandate());
    directDebits.insert(invoice.id(), mandate, invoice.openAmount(), invoice.dueDate(), clock.now());
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DIRECT_DEBIT_REGISTERED, invoice.inCurrency(
        invoice.openAmount()) + " to be debited on " + invoice.dueDate()).via(Channel.DIRECT_DEBIT.name(),
        "mandate " + mandate));
  }

  /**
   * The last retry of a sending failed (an incident now waits in Cockpit): the invoice's status goes back to what it
   * was before the document was queued, and the error is recorded.
   */
  @Transactional
  public void sendingFailed(long documentId, String channel, String error) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(numberOf(document));
    InvoiceEvent event = InvoiceEvent.of(InvoiceEventType.SEND_FAILED, document.fileName()
        + " could not be sent: " + error).via(channel, null);
    if (invoice.status() == InvoiceStatus.WAITING_TO_BE_SENT && document.statusBefore() != null) {
      invoices.changeStatus(invoice, InvoiceStatus.valueOf(document.statusBefore()), event);
    } else {
      invoices.record(invoice, event);
    }
  }

  /** A case handler decided not to send the document after a deviation: the status goes back as after a failure. */
  @Transactional
  public void recordNotSent(long documentId, String user) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(numberOf(document));
    InvoiceEvent event = InvoiceEvent.of(InvoiceEventType.NOT_SENT, document.fileName() + " not sent: decided by "
        + (user == null ? "a case handler" : user) + " after a distribution deviation");
    if (invoice.status() == InvoiceStatus.WAITING_TO_BE_SENT && document.statusBefore() != null
        && !document.isSent()) {
      invoices.changeStatus(invoice, InvoiceStatus.valueOf(document.statusBefore()), event);
    } else {
      invoices.record(invoice, event);
    }
  }

  /** What became of a request to send a document again. */
  public record Resend(boolean queued, StoredDocument document, int attempt, String message) {}

  /**
   * A person sends a document again (the latest letter unless one is named), on the customer's channel or one they
   * name. The same document goes out at most {@value #MAX_SENDS} times, whatever the channels; a refusal is recorded
   * on the invoice.
   */
  @Transactional
  public Resend resend(String invoiceNumber, Long documentId, Channel channel) {
    Invoice invoice = invoices.lock(invoiceNumber);
    List<StoredDocument> letters = documents.forInvoice(invoice).stream()
        .filter(d -> !d.kind().isCaseFile() && !d.isRendition()).toList();
    StoredDocument document = documentId == null
        ? letters.stream().reduce((first, second) -> second)
            .orElseThrow(() -> new ConflictException("Invoice " + invoiceNumber + " has no document to send"))
        : letters.stream().filter(d -> d.id() == documentId).findFirst()
            .orElseThrow(() -> new InvalidRequestException("documentId", "invoice " + invoiceNumber
                + " has no letter " + documentId));
    if (channel != null) {
      checkNamedChannel(invoice, document, channel);
    }
    Optional<String> waiting = waiting(invoiceNumber, document);
    if (waiting.isPresent()) {
      // Refused before anything is counted or recorded: the three count letters that go out, not requests.
      throw new ConflictException(waiting.get() + "; it is not sent again while it waits");
    }
    if (document.sendAttempts() >= MAX_SENDS) {
      String refusal = document.fileName() + " was already sent " + document.sendAttempts() + " times; the same "
          + "document may be sent at most " + MAX_SENDS + " times";
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.SEND_REFUSED, refusal));
      return new Resend(false, document, document.sendAttempts(), refusal);
    }
    int attempt = documents.countAttempt(document);
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.QUEUED, document.fileName()
        + " is waiting to be sent again (" + attempt + " of " + MAX_SENDS + ")"
        + (channel == null ? "" : " by " + channel)));
    distributions.sendAgain(invoiceNumber, document.id(), attempt, channel == null ? null : channel.name());
    return new Resend(true, document, attempt, "Queued: sending " + attempt + " of " + MAX_SENDS);
  }

  /**
   * Why the document is not handed over again now: it waits in the open print batch, which holds a document once
   * (issue 15: "Send again" by PRINT and a bounce's reserve channel put one letter twice into one batch), or another
   * sending of it is under way (queued, in its undo window, retrying, with a case handler). Callers hold the invoice's
   * lock, so two requests at once see each other.
   */
  public Optional<String> waiting(String invoiceNumber, StoredDocument document) {
    Optional<String> inPrint = printBatches.waiting(document.id()).map(w -> "letter " + document.fileName()
        + " is already waiting in print batch " + w.batch().name() + (w.closesAt() == null
        ? ", to be handed to the print service when the batch is closed" : ", closing at " + w.closesAt()));
    if (inPrint.isPresent()) {
      return inPrint;
    }
    return distributions.underWay(invoiceNumber, document.id()).map(sending -> "letter "
        + document.fileName() + " is already on its way (sending " + sending.attempt() + " of " + MAX_SENDS
        + (sending.at().isEmpty() ? "" : ", at " + sending.at()) + ")");
  }

  /** A channel a person names must be active, fit the document, and reach the recipient. */
  public void checkNamedChannel(Invoice invoice, StoredDocument document, Channel channel) {
    if (!properties.isActive(channel)) {
      throw new InvalidRequestException("channel", "'" + channel + "' is not an active channel (active: "
          + properties.activeChannels() + ")");
    }
    if (document.kind().goesOnlyAsLetter() && channel != Channel.EMAIL && channel != Channel.PRINT
        && channel != Channel.DIGITAL_MAILBOX) {
      throw new InvalidRequestException("channel", named(document.kind())
          + " goes only by EMAIL, PRINT or DIGITAL_MAILBOX");
    }
    if (channel == Channel.EFAKTURA && document.kind() != DocumentKind.INVOICE) {
      throw new InvalidRequestException("channel", "only invoices go by EFAKTURA, not " + named(document.kind()));
    }
    if (channel == Channel.DIRECT_DEBIT) {
      throw new InvalidRequestException("channel", "DIRECT_DEBIT is not a way to send a document again; "
          + "name EMAIL, PRINT or EINVOICE");
    }
    Recipient recipient = recipientOf(invoice);
    if (recipient.describe(channel) == null) {
      throw new InvalidRequestException("channel", "the customer has no " + switch (channel) {
        case EMAIL -> "e-mail address";
        case PRINT -> "postal address that can be posted";
        case DIGITAL_MAILBOX -> "Swedish personnummer (a private customer in SE)";
        default -> "PEPPOL electronic address";
      } + " for " + channel);
    }
  }

  /** "a reminder", "an instalment reminder". */
  private static String named(DocumentKind kind) {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  String numberOf(StoredDocument document) {
    return invoices.byId(document.invoiceId()).invoiceNumber();
  }

}
