package io.fordra.distribution.mailbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.customer.Channel;
import io.fordra.distribution.DistributionService;
import io.fordra.distribution.Recipient;
import io.fordra.distribution.mailbox.MailboxDeliveryRepository.Delivery;
import io.fordra.distribution.mailbox.MailboxDeliveryRepository.Status;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DIGITAL_MAILBOX channel: an invoice, reminder, collection notice or credit note to a Swedish private person's
 * Kivra mailbox, with the payment information that lets them pay from it. First Kivra is asked whether the person
 * has a mailbox that accepts the seller (user matching); a person without one, or content Kivra refuses, is a
 * deviation (the caller tries the reserve channel) recorded on the invoice.
 *
 * <p>Idempotent: the body is built once per document and hand-over and stored (committed) before it is first sent;
 * a retried job sends that same body (Kivra's duplicate control delivers an identical payload once), and a job
 * run again after Kivra took the content finds it SENT and sends nothing.
 */
@Service
public class DigitalMailboxDistribution {

  /** Either the status after delivery, or why the mailbox could not take the document. */
  public record Outcome(InvoiceStatus status, String rejection) {}

  private final KivraClient kivra;
  private final MailboxDeliveryRepository deliveries;
  private final DistributionService distribution;
  private final DocumentService documents;
  private final InvoiceService invoices;
  private final SellerProperties seller;
  private final FordraClock clock;
  private final ObjectMapper json;

  public DigitalMailboxDistribution(KivraClient kivra, MailboxDeliveryRepository deliveries,
                                    DistributionService distribution, DocumentService documents,
                                    InvoiceService invoices, SellerProperties seller, FordraClock clock,
                                    ObjectMapper json) {
    this.kivra = kivra;
    this.deliveries = deliveries;
    this.distribution = distribution;
    this.documents = documents;
    this.invoices = invoices;
    this.seller = seller;
    this.clock = clock;
    this.json = json;
  }

  @Transactional
  public Outcome send(long documentId, int attempt) {
    StoredDocument document = documents.get(documentId);
    Invoice invoice = invoices.lock(invoices.byId(document.invoiceId()).invoiceNumber());
    Recipient recipient = distribution.recipientOf(invoice);
    String ssn = Personnummer.twelveDigits(recipient.personnummer(), clock.today());
    if (ssn == null) {
      return deviation(invoice, recipient, "the customer has no Swedish personnummer (a private customer in SE) "
          + "to find a digital mailbox by");
    }
    String to = recipient.describe(Channel.DIGITAL_MAILBOX);
    Optional<Delivery> earlier = deliveries.find(documentId, attempt);
    if (earlier.isPresent() && earlier.get().status() == Status.SENT) {
      // Kivra has it; only this job's transaction was lost: record the delivery, send nothing.
      return delivered(document, invoice, to, attempt, earlier.get());
    }
    Delivery delivery;
    if (earlier.isPresent() && earlier.get().status() == Status.PENDING) {
      delivery = earlier.get();
    } else {
      if (!kivra.hasMailbox(ssn)) {
        String reason = "the person has no digital mailbox that accepts content from " + seller.name()
            + " (Kivra user matching)";
        deliveries.store(documentId, attempt, ssn, Status.NO_MAILBOX, null, null, reason, clock.now());
        return deviation(invoice, recipient, reason);
      }
      String body = write(content(document, invoice, ssn, attempt).body());
      deliveries.store(documentId, attempt, ssn, Status.PENDING, body, sha256(body), null, clock.now());
      delivery = deliveries.find(documentId, attempt).orElseThrow();
    }
    String key;
    try {
      key = kivra.sendContent(delivery.payload());
    } catch (KivraClient.KivraRejectedException e) {
      deliveries.markRejected(delivery.id(), e.getMessage());
      return deviation(invoice, recipient, e.getMessage());
    }
    deliveries.markSent(delivery.id(), key, clock.now());
    return delivered(document, invoice, to, attempt,
        new Delivery(delivery.id(), documentId, attempt, ssn, Status.SENT, null, delivery.payloadSha256(), key, null));
  }

  /** The content for the stored letter: the same letter and hand-over give the same body. */
  KivraContent content(StoredDocument document, Invoice invoice, String ssn, int attempt) {
    String number = invoice.invoiceNumber();
    String type = switch (document.kind()) {
      case INVOICE -> "invoice";
      case REMINDER, COLLECTION_NOTICE -> "invoice.reminder";
      default -> "letter";
    };
    String subject = switch (document.kind()) {
      case INVOICE -> "Faktura " + number + " från " + seller.name();
      case REMINDER -> "Påminnelse: faktura " + number + " från " + seller.name();
      case COLLECTION_NOTICE -> "Inkassovarsel: faktura " + number + " från " + seller.name();
      case CREDIT_NOTE -> "Kreditfaktura för faktura " + number + " från " + seller.name();
      case PAYMENT_PLAN -> "Betalningsplan för faktura " + number + " från " + seller.name();
      case PAYMENT_PLAN_REFUSED -> "Besked om betalningsplan för faktura " + number + " från " + seller.name();
      case INSTALMENT_REMINDER -> "Påminnelse om delbetalning, faktura " + number + " från " + seller.name();
      case PAYMENT_PLAN_BROKEN -> "Betalningsplanen har upphört, faktura " + number + " från " + seller.name();
      default -> document.fileName() + " från " + seller.name();
    };
    // Sending again on purpose is a new message (an identical payload would be dropped as a duplicate).
    subject += attempt > 1 ? " (skickad igen, " + attempt + ")" : "";
    // A payment plan's letter is a "letter" in Kivra, without a pay button: its PDF carries the instalment's slip.
    boolean toPay = document.kind() == DocumentKind.INVOICE || document.kind() == DocumentKind.REMINDER
        || document.kind() == DocumentKind.COLLECTION_NOTICE;
    String reference = document.paymentReferenceOr(invoice.paymentReference());
    BigDecimal amount = document.amountDue();
    String account = seller.bankgiro() == null ? "" : seller.bankgiro().replaceAll("\\D", "");
    KivraContent.Payment payment = toPay && amount != null && amount.signum() > 0 && !account.isEmpty()
        && reference != null && document.payBy() != null
        // Kivra's mailbox pays Swedish kronor by bankgiro; in another currency it shows what to pay, not a button.
        ? new KivraContent.Payment("SEK".equals(invoice.currency().name()), invoice.currency().name(), account,
            document.payBy(), amount, reference)
        : null;
    LocalDate generated = document.createdAt().atZone(clock.zone()).toLocalDate();
    return new KivraContent(ssn, subject, generated, type, document.fileName(), document.content(), payment);
  }

  private Outcome delivered(StoredDocument document, Invoice invoice, String to, int attempt, Delivery delivery) {
    return new Outcome(distribution.delivered(document, invoice, Channel.DIGITAL_MAILBOX, to, attempt,
        "to the digital mailbox (Kivra content " + (delivery.contentKey() == null || delivery.contentKey().isEmpty()
        ? "accepted" : delivery.contentKey()) + ")"), null);
  }

  private Outcome deviation(Invoice invoice, Recipient recipient, String reason) {
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DISTRIBUTION_DEVIATION,
        "Not sent to the digital mailbox: " + reason)
        .via(Channel.DIGITAL_MAILBOX.name(), recipient.describe(Channel.DIGITAL_MAILBOX)));
    return new Outcome(null, reason);
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
