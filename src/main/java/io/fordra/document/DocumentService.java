package io.fordra.document;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.CreditNote;
import io.fordra.invoice.CreditNoteLines;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceLine;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceVat;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces and keeps the documents of an invoice (the invoice itself, reminders, collection notices, credit notes, the
 * agency's case file) and their renditions for other channels. A document is rendered once and stored; sending it
 * again sends the very same bytes.
 */
@Service
public class DocumentService {

  private static final String PDF = "application/pdf";
  /** The letters made from the invoice as it stands; a credit note and a case file say what they said when made. */
  private static final Set<DocumentKind> REDRAWN_BEFORE_SENDING =
      EnumSet.of(DocumentKind.INVOICE, DocumentKind.REMINDER, DocumentKind.COLLECTION_NOTICE);

  private final DocumentRepository documents;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final LetterRenderer renderer;
  private final SellerProperties seller;
  private final FordraClock clock;
  private final MessageIds messageIds;
  private final byte[] logo;

  public DocumentService(DocumentRepository documents, InvoiceService invoices, CustomerService customers,
                         LetterRenderer renderer, SellerProperties seller, FordraClock clock,
                         MessageIds messageIds) {
    this.documents = documents;
    this.invoices = invoices;
    this.customers = customers;
    this.renderer = renderer;
    this.seller = seller;
    this.clock = clock;
    this.messageIds = messageIds;
    this.logo = loadLogo(seller.logo());
  }

  /**
   * The document of this step (kind + sequence number) for the invoice as it stands now; if the step already has
   * its document, that one is returned unchanged.
   */
  @Transactional
  public StoredDocument issue(Invoice invoice, DocumentKind kind, int sequence, BigDecimal fee, LocalDate payBy) {
    return issue(invoice, kind, sequence, fee, payBy, null);
  }

  /** As issue(), with a note printed under the totals (e.g. the written dialogue about an objection). */
  @Transactional
  public StoredDocument issue(Invoice invoice, DocumentKind kind, int sequence, BigDecimal fee, LocalDate payBy,
                              String note) {
    return documents.find(invoice.id(), kind, sequence).orElseGet(() -> {
      Customer customer = customers.get(invoice.customerNumber());
      LetterContent content = letter(invoice, customer, kind, sequence, fee, payBy, note);
      byte[] pdf = renderer.render(content, logo);
      StoredDocument document = new StoredDocument(0, invoice.id(), kind, sequence,
          fileName(invoice, kind, sequence), PDF, pdf, invoice.undisputedAmount(), fee, payBy,
          messageId(invoice, kind, sequence), clock.now(), null, null, null, 0, null);
      long id = documents.insert(document);
      return documents.find(id).orElseThrow();
    });
  }

  /**
   * A payment plan's letter ({@link DocumentKind#isPlanLetter}), stored with the plan's first invoice (invoice hotel,
   * portal) and rendered in the customer's language: seller and debtor as on every letter, the plan part as given.
   * Its payment box asks for {@code amountDue} by {@code payBy} with {@code paymentReference} (an instalment's own
   * OCR/KID; null = the invoice's). Once per key: asking again (a retried step) returns the stored letter unchanged.
   * The invoice's status is not touched; the letter counts one hand-over, which invoice-distribution then makes.
   *
   * @param key what makes the letter the one it is among its kind on the invoice: the plan number, or the plan number
   *     and the instalment ("PP-17.2") for the reminder about an instalment
   */
  @Transactional
  public StoredDocument issuePlanLetter(String invoiceNumber, DocumentKind kind, String key, LetterContent.Plan plan,
                                        BigDecimal amountDue, LocalDate payBy, String paymentReference) {
    if (!kind.isPlanLetter()) {
      throw new IllegalArgumentException(kind + " is no payment plan's letter");
    }
    Invoice invoice = invoices.lock(invoiceNumber);
    String messageId = messageIds.messageId(invoice.invoiceNumber(), slug(kind) + "." + key);
    return documents.findByMessageId(invoice.id(), messageId).orElseGet(() -> {
      Customer customer = customers.get(invoice.customerNumber());
      String reference = paymentReference != null ? paymentReference : invoice.paymentReference();
      LetterContent content = new LetterContent(kind, customer.language(), sellerParty(), buyerParty(customer),
          invoice.invoiceNumber(), invoice.issueDate(), invoice.dueDate(), clock.today(), invoice.currency().name(),
          null, invoice.netAmount(), invoice.vatAmount(), invoice.totalAmount(), null, null, null, amountDue, payBy,
          reference, 0, null)
          .with(customer.customerNumber(), null, sellerDetails())
          .withPlan(plan);
      byte[] pdf = renderer.render(content, logo);
      String fileName = slug(kind) + "-" + key.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
          + invoice.invoiceNumber().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
      StoredDocument document = new StoredDocument(0, invoice.id(), kind, documents.nextSequence(invoice.id(), kind),
          fileName, PDF, pdf, amountDue.setScale(2, java.math.RoundingMode.HALF_UP), BigDecimal.ZERO.setScale(2), payBy,
          messageId, clock.now(), null, null, null, 0, null, null, paymentReference);
      long id = documents.insert(document);
      documents.countAttempt(id);
      return documents.find(id).orElseThrow();
    });
  }

  private static String slug(DocumentKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The original PDF of an invoice taken over from the previous system, kept in the invoice hotel as the invoice's
   * document (sent by the previous system, so never marked sent here); if the invoice already has its document, that
   * one is returned unchanged.
   */
  @Transactional
  public StoredDocument keepOriginal(Invoice invoice, String fileName, byte[] pdf) {
    return documents.find(invoice.id(), DocumentKind.INVOICE, 1).orElseGet(() -> {
      StoredDocument document = new StoredDocument(0, invoice.id(), DocumentKind.INVOICE, 1, fileName, PDF, pdf,
          invoice.openAmount(), java.math.BigDecimal.ZERO.setScale(2), invoice.dueDate(),
          messageId(invoice, DocumentKind.INVOICE, 1), clock.now(), null, null, null, 0, null);
      return documents.find(documents.insert(document)).orElseThrow();
    });
  }

  /**
   * The document of one of the invoice's credit notes: a "Kreditfaktura" / "Kreditnota" / "Credit note" numbered
   * {@link CreditNoteNumber} with the credited lines ({@link CreditNoteLines}), VAT per rate, the total credited and
   * what remains open on the invoice, and no payment slip. Its sequence number is the credit note's ordinal on the
   * invoice; if it already has its document, that one is returned unchanged.
   */
  @Transactional
  public StoredDocument issueCreditNote(Invoice invoice, long creditNoteId) {
    CreditNote credit = invoices.creditNote(invoice, creditNoteId);
    return documents.find(invoice.id(), DocumentKind.CREDIT_NOTE, credit.ordinal()).orElseGet(() -> {
      // What remains open is the invoice's as it stands now, after this credit, not as the caller last read it.
      Invoice now = invoices.byId(invoice.id());
      Customer customer = customers.get(now.customerNumber());
      LocalDate creditDate = creditDate(credit);
      List<LetterContent.Line> lines = creditNoteLines(now, credit);
      BigDecimal net = lines.stream().map(LetterContent.Line::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal vat = lines.stream().map(LetterContent.Line::vatAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
      InvoiceVat taxed = taxation(invoices, now);
      LetterContent content = new LetterContent(DocumentKind.CREDIT_NOTE, customer.language(), sellerParty(taxed),
          buyerParty(customer, taxed), now.invoiceNumber(), now.issueDate(), now.dueDate(), creditDate,
          now.currency().name(), lines, net, vat, credit.amount(), null, null, null, now.openAmount(), creditDate,
          now.paymentReference(), 0, withVatNote(null, taxed, customer.language()),
          new LetterContent.Credit(CreditNoteNumber.of(now.invoiceNumber(), credit.ordinal()), credit.reason()))
          .with(customer.customerNumber(), null, sellerDetails());
      byte[] pdf = renderer.render(content, logo);
      StoredDocument document = new StoredDocument(0, now.id(), DocumentKind.CREDIT_NOTE, credit.ordinal(),
          fileName(now, DocumentKind.CREDIT_NOTE, credit.ordinal()), PDF, pdf, credit.amount(),
          BigDecimal.ZERO.setScale(2), creditDate, messageId(now, DocumentKind.CREDIT_NOTE, credit.ordinal()),
          clock.now(), null, null, null, 0, null);
      long id = documents.insert(document);
      return documents.find(id).orElseThrow();
    });
  }

  /**
   * A credit note's lines as its document shows them, in the customer's language: the invoice's own lines for a
   * credit of the whole invoice, else the credited share of each VAT rate (see {@link CreditNoteLines}).
   */
  public List<LetterContent.Line> creditNoteLines(Invoice invoice, CreditNote credit) {
    String language = customers.get(invoice.customerNumber()).language();
    return CreditNoteLines.of(invoices.lines(invoice), credit.amount()).stream().map(l -> {
      if (l.invoiceLine() != null) {
        InvoiceLine source = l.invoiceLine();
        return new LetterContent.Line(source.description(), source.quantity(), source.unitPrice(), l.vatRate(),
            l.netAmount(), l.vatAmount(), source.articleNumber(), source.orderReference());
      }
      String description = LetterRenderer.creditLineDescription(language, l.type() == CreditNoteLines.Type.FEES,
          invoice.invoiceNumber(), l.vatRate());
      return new LetterContent.Line(description, BigDecimal.ONE, l.netAmount(), l.vatRate(), l.netAmount(),
          l.vatAmount(), null, null);
    }).toList();
  }

  /** The day a credit note was made, in Fordra's time zone: its document's date. */
  public LocalDate creditDate(CreditNote credit) {
    return LocalDate.ofInstant(credit.createdAt(), clock.zone());
  }

  /** The letter's rendition in a media type, if it has one. */
  public Optional<StoredDocument> rendition(StoredDocument letter, String mediaType) {
    return documents.findRendition(letter.id(), mediaType);
  }

  /**
   * Stores the letter in another format (e.g. the e-invoice's UBL) beside it, for the same invoice and step. Once: if
   * the letter already has a rendition in this media type, that one is returned unchanged.
   */
  @Transactional
  public StoredDocument storeRendition(StoredDocument letter, String mediaType, String fileName, byte[] content) {
    if (letter.isRendition()) {
      throw new IllegalArgumentException("Document " + letter.id() + " is itself a rendition");
    }
    return documents.findRendition(letter.id(), mediaType).orElseGet(() -> {
      StoredDocument rendition = new StoredDocument(0, letter.invoiceId(), letter.kind(), letter.sequenceNumber(),
          fileName, mediaType, content, letter.amountDue(), letter.fee(), letter.payBy(), letter.messageId(),
          clock.now(), null, null, null, 0, null, letter.id());
      long id = documents.insert(rendition);
      return documents.find(id).orElseThrow();
    });
  }

  /** Issues the invoice document itself and queues it for sending. */
  @Transactional
  public StoredDocument prepareInvoice(String invoiceNumber) {
    Invoice invoice = invoices.lock(invoiceNumber);
    return prepare(invoice, DocumentKind.INVOICE, 1, BigDecimal.ZERO.setScale(2), invoice.dueDate());
  }

  /** Issues a document and marks the invoice as waiting to be sent until the channel has it. */
  @Transactional
  public StoredDocument prepare(Invoice invoice, DocumentKind kind, int sequence, BigDecimal fee, LocalDate payBy) {
    StoredDocument document = issue(invoice, kind, sequence, fee, payBy);
    documents.countAttempt(document.id());
    documents.rememberStatusBefore(document.id(), invoice.status().name());
    InvoiceEventType type = switch (kind) {
      case REMINDER -> InvoiceEventType.REMINDER_QUEUED;
      case COLLECTION_NOTICE -> InvoiceEventType.COLLECTION_NOTICE_QUEUED;
      default -> InvoiceEventType.QUEUED;
    };
    invoices.changeStatus(invoice, InvoiceStatus.WAITING_TO_BE_SENT,
        InvoiceEvent.of(type, document.fileName() + " is waiting to be sent"));
    return document;
  }

  /**
   * The letter as it leaves now. An invoice, reminder or collection notice that no channel has had yet is rendered
   * again from the invoice and customer as they stand (what was paid or credited since it was made, a changed name
   * or address); if that changes it, the stored letter is replaced and the change recorded. A letter once handed
   * over (sent, or with a rendition for a channel) never changes: a retry or a sending again sends the same bytes.
   */
  @Transactional
  public StoredDocument bringUpToDate(long documentId) {
    StoredDocument letter = get(documentId);
    if (!REDRAWN_BEFORE_SENDING.contains(letter.kind()) || letter.isRendition() || letter.isSent()
        || documents.hasRendition(letter.id())) {
      return letter;
    }
    Invoice invoice = invoices.lock(invoices.byId(letter.invoiceId()).invoiceNumber());
    Customer customer = customers.get(invoice.customerNumber());
    LetterContent content = letter(invoice, customer, letter.kind(), letter.sequenceNumber(), letter.fee(),
        letter.payBy(), null);
    // Nothing changed (the usual case): the stored PDF is this content's rendering; a PDF costs more than the job.
    if (renderer.isRenderingOf(letter.content(), content, logo)) {
      return letter;
    }
    byte[] pdf = renderer.render(content, logo);
    if (Arrays.equals(pdf, letter.content())) {
      return letter;
    }
    documents.replaceContent(letter.id(), pdf, invoice.undisputedAmount());
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.DOCUMENT_UPDATED, letter.fileName()
        + " brought up to date before it left: " + invoice.inCurrency(invoice.undisputedAmount()) + " to pay"
        + " (was " + invoice.inCurrency(letter.amountDue()) + ")"));
    return get(documentId);
  }

  /** Counts one more hand-over of the document to a channel; returns the attempt number (1, 2, 3 …). */
  @Transactional
  public int countAttempt(StoredDocument document) {
    return documents.countAttempt(document.id());
  }

  public StoredDocument get(long id) {
    return documents.find(id).orElseThrow(() -> new NotFoundException("No document " + id));
  }

  public List<StoredDocument> forInvoice(Invoice invoice) {
    return documents.forInvoice(invoice.id());
  }

  /** The invoice's document with this id; empty for a document of another invoice, as for one that does not exist. */
  public Optional<StoredDocument> ofInvoice(Invoice invoice, long id) {
    return forInvoice(invoice).stream().filter(d -> d.id() == id).findFirst();
  }

  /** The invoice's latest delivery by a channel (to that recipient, when given): what a bounce is about. */
  public Optional<Delivery> lastDelivery(Invoice invoice, String channel, String recipient) {
    return documents.lastDelivery(invoice.id(), channel, recipient);
  }

  public List<Delivery> deliveries(StoredDocument document) {
    return documents.deliveries(document.id());
  }

  @Transactional
  public void markSent(StoredDocument document, String channel, String recipient) {
    documents.markSent(document.id(), clock.now(), channel, recipient);
  }

  private LetterContent letter(Invoice invoice, Customer customer, DocumentKind kind, int sequence, BigDecimal fee,
                               LocalDate payBy, String note) {
    List<LetterContent.Line> lines = invoices.lines(invoice).stream().map(DocumentService::line).toList();
    LocalDate documentDate = kind == DocumentKind.INVOICE ? invoice.issueDate() : clock.today();
    InvoiceVat vat = taxation(invoices, invoice);
    return new LetterContent(kind, customer.language(), sellerParty(vat), buyerParty(customer, vat),
        invoice.invoiceNumber(), invoice.issueDate(), invoice.dueDate(), documentDate, invoice.currency().name(),
        lines, invoice.netAmount(), invoice.vatAmount(), invoice.totalAmount(), invoice.paidAmount(),
        invoice.feesAmount(), fee, invoice.undisputedAmount(), payBy, invoice.paymentReference(),
        kind == DocumentKind.REMINDER ? sequence : 0, withVatNote(note, vat, customer.language()), null,
        invoice.creditedAmount())
        .with(customer.customerNumber(), invoices.supply(invoice).orElse(null), sellerDetails());
  }

  private LetterContent.SellerDetails sellerDetails() {
    return new LetterContent.SellerDetails(seller.iban(), seller.bic(), seller.fTaxApproved(),
        seller.inBusinessRegister(), seller.boardSeat());
  }

  /** Why an invoice under this treatment carries no VAT of the seller's, in the language (letters and e-invoices). */
  public String vatNote(String language, io.fordra.invoice.VatTreatment treatment) {
    return LetterRenderer.vatNote(language, treatment, seller.country().name());
  }

  /**
   * The statutory text of an invoice without the seller's VAT (reverse charge, export) above any other note: the
   * letter must say why it charges none.
   */
  private String withVatNote(String note, InvoiceVat vat, String language) {
    if (!vat.treatment().zeroRated()) {
      return note;
    }
    String text = LetterRenderer.vatNote(language, vat.treatment(), seller.country().name());
    return note == null || note.isBlank() ? text : text + "\n\n" + note;
  }

  /** On an invoice without the seller's VAT both VAT numbers must show: the seller's as the invoice recorded it. */
  private LetterContent.Party sellerParty(InvoiceVat vat) {
    LetterContent.Party party = sellerParty();
    return vat.sellerVatNumber() == null ? party : new LetterContent.Party(party.name(), party.organisationNumber(),
        vat.sellerVatNumber(), party.street(), party.postalCode(), party.city(), party.country(), party.email(),
        party.phone(), party.bankgiro(), party.bankAccount());
  }

  private static LetterContent.Party buyerParty(Customer c, InvoiceVat vat) {
    String vatNumber = vat.buyerVatNumber() != null ? vat.buyerVatNumber() : c.vatNumber();
    return new LetterContent.Party(c.name(), c.organisationNumber(), vatNumber, c.address().street(),
        c.address().postalCode(), c.address().city(), c.address().country(), c.invoiceRecipient(), null, null, null);
  }

  private LetterContent.Party sellerParty() {
    return new LetterContent.Party(seller.name(), seller.organisationNumber(), seller.vatNumber(), seller.street(),
        seller.postalCode(), seller.city(), seller.country().name(), seller.email(), seller.phone(),
        seller.bankgiro(), seller.bankAccount());
  }

  private static LetterContent.Party buyerParty(Customer c) {
    return new LetterContent.Party(c.name(), c.organisationNumber(), null, c.address().street(),
        c.address().postalCode(), c.address().city(), c.address().country(), c.invoiceRecipient(), null, null, null);
  }

  private static LetterContent.Line line(InvoiceLine l) {
    return new LetterContent.Line(l.description(), l.quantity(), l.unitPrice(), l.vatRate(), l.netAmount(),
        l.vatAmount(), l.articleNumber(), l.orderReference());
  }

  private static String fileName(Invoice invoice, DocumentKind kind, int sequence) {
    String safeNumber = invoice.invoiceNumber().replaceAll("[^A-Za-z0-9._-]", "_");
    String suffix = kind == DocumentKind.INVOICE ? "" : "-" + sequence;
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + safeNumber + suffix + ".pdf";
  }

  private String messageId(Invoice invoice, DocumentKind kind, int sequence) {
    return messageIds.messageId(invoice.invoiceNumber(),
        kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + sequence);
  }

  /** The seller's own logo, or null: a letter without one prints the seller's name, never another company's logo. */
  private static byte[] loadLogo(String configured) {
    if (configured == null || configured.isBlank()) {
      return null;
    }
    try {
      return Files.readAllBytes(Path.of(configured));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seller's logo " + configured, e);
    }
  }

  /** How the invoice was taxed; the seller's rates where nothing says otherwise. */
  private static InvoiceVat taxation(InvoiceService invoices, Invoice invoice) {
    InvoiceVat vat = invoices.vat(invoice);
    return vat == null ? InvoiceVat.DOMESTIC : vat;
  }
}
