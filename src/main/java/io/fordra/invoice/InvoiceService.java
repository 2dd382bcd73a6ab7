package io.fordra.invoice;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.customer.VatNumbers;
import io.fordra.database.NaturalKeys;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.Identifiers;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violation;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import io.fordra.reference.PaymentReferences;
import io.fordra.seller.SellerProperties;
import io.fordra.seller.VatRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invoices: the checks before anything is sent, the receivable, its status and its history. */
@Service
public class InvoiceService {

  private static final int MAX_LINES = 1000;
  private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
  private static final long MAX_PAYMENT_TERM_DAYS = 365;
  /** The longest service period of a line, in years (a plausibility bound). */
  static final int MAX_SERVICE_PERIOD_YEARS = 10;

  private final InvoiceRepository invoices;
  private final CustomerService customers;
  private final InvoiceFollowUp followUp;
  private final SellerProperties seller;
  private final FordraClock clock;
  private final ApplicationEventPublisher events;
  private final Bookkeeping ledger;
  private final ArticleLines articleLines;
  private final NaturalKeys naturalKeys;
  private List<InvoiceEventLog> eventLogs = List.of();

  public InvoiceService(InvoiceRepository invoices, CustomerService customers, InvoiceFollowUp followUp,
                        SellerProperties seller, FordraClock clock, ApplicationEventPublisher events, Bookkeeping ledger,
                        ArticleLines articleLines, NaturalKeys naturalKeys) {
    this.naturalKeys = naturalKeys;
    this.articleLines = articleLines;
    this.events = events;
    this.ledger = ledger;
    this.invoices = invoices;
    this.customers = customers;
    this.followUp = followUp;
    this.seller = seller;
    this.clock = clock;
  }

  /**
   * Checks the invoice (VAT control and plausibility), stores it with its payment reference and starts its
   * invoice-to-cash process, all in one transaction: a rejected invoice leaves nothing behind.
   */
  @Transactional
  public Invoice create(InvoiceRequest request) {
    return create(request, null);
  }

  /**
   * As {@link #create(InvoiceRequest)}, with each line's revenue account given (interest, fees) instead of the sales
   * account of its article or VAT rate.
   *
   * @param revenueAccounts one per line, or null for the accounts of the lines' articles or VAT rates
   */
  @Transactional
  public Invoice create(InvoiceRequest request, List<String> revenueAccounts) {
    Prepared prepared = prepare(request, revenueAccounts);
    prepared.violations().throwIfAny();
    if (request.invoiceNumber() != null && invoices.numberExists(request.invoiceNumber())) {
      throw new ConflictException("Invoice number " + request.invoiceNumber() + " already exists");
    }
    return store(prepared, null);
  }

  /**
   * What became of one invoice of a file: its total and, when stored, the invoice; or every problem (then nothing is
   * stored).
   */
  public record Attempt(Invoice invoice, BigDecimal total, List<Violation> problems) {}

  /**
   * The invoice file's way in: the same checks as {@link #create(InvoiceRequest)}, but problems are returned instead of
   * thrown, so that one bad invoice does not undo the others of the caller's transaction. The caller has made sure
   * that the invoice number is new.
   *
   * @param store  false to check only (an all-or-nothing file is checked whole before anything is created)
   * @param origin where the invoice came from, for its history ("invoice file 7, lines 2-4")
   */
  @Transactional
  public Attempt tryCreate(InvoiceRequest request, boolean store, String origin) {
    Prepared prepared = prepare(request, null);
    if (!prepared.violations().isEmpty()) {
      return new Attempt(null, null, prepared.violations().list());
    }
    return new Attempt(store ? store(prepared, origin) : null, prepared.totals().total(), List.of());
  }

  /**
   * An invoice taken over from the previous system (a row of a migration file): the same checks as a new invoice,
   * problems returned like {@link #tryCreate}; stored with the old system's payment reference, paid amount, fees and
   * dunning state, an opening entry instead of the sales entry, and its invoice-to-cash started at its stage without
   * sending anything. The caller has made sure that the invoice number is new.
   */
  @Transactional
  public Attempt tryMigrate(MigratedInvoice migrated, boolean store, String origin) {
    Prepared prepared = prepare(migrated.request(), null);
    Violations violations = prepared.violations();
    String reference = migrated.paymentReference();
    if (reference != null) {
      if (!reference.matches("\\d{2,25}")) {
        violations.add("paymentReference", "an OCR/KID reference is 2-25 digits");
      } else if (invoices.referenceExists(reference)) {
        violations.add("paymentReference", "another invoice already has the payment reference " + reference);
      }
    }
    if (prepared.totals() != null && migrated.paidAmount() != null && migrated.feesAmount() != null
        && prepared.totals().total().add(migrated.feesAmount()).subtract(migrated.paidAmount()).signum() <= 0) {
      violations.add("paidAmount", migrated.paidAmount().toPlainString() + " paid leaves nothing open of the total "
          + prepared.totals().total().toPlainString() + " and fees " + migrated.feesAmount().toPlainString()
          + ": only open invoices are taken over");
    }
    if (!violations.isEmpty()) {
      return new Attempt(null, null, violations.list());
    }
    return new Attempt(store ? storeMigrated(prepared, migrated, origin) : null, prepared.totals().total(), List.of());
  }

  private Invoice storeMigrated(Prepared prepared, MigratedInvoice m, String origin) {
    InvoiceRequest request = prepared.request();
    InvoiceCalculator.Totals totals = prepared.totals();
    long id = invoices.nextId();
    String number = request.invoiceNumber();
    Customer customer = prepared.customerExists() ? customers.get(prepared.customerNumber())
        : customers.createValidated(request.customer());
    String reference = m.paymentReference() != null ? m.paymentReference() : newReference(id);
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    Invoice invoice = new Invoice(id, number, customer.customerNumber(), m.status(), request.issueDate(),
        request.dueDate(), request.currency(), totals.net(), totals.vat(), totals.total(),
        m.paidAmount().setScale(2, java.math.RoundingMode.UNNECESSARY),
        m.feesAmount().setScale(2, java.math.RoundingMode.UNNECESSARY), zero, zero, zero, zero, zero, reference,
        m.dunningLevel(), m.remindersSent(), m.reminderFeesCharged(), m.payBy(), clock.now(), true);
    List<InvoiceLine> lines = new java.util.ArrayList<>();
    for (InvoiceLine line : totals.lines()) {
      lines.add(line.onAccount(prepared.revenueAccounts().get(line.lineNumber() - 1)));
    }
    naturalKeys.claim("Invoice number " + number + " already exists", () -> invoices.insert(invoice, lines));
    BigDecimal open = invoice.openAmount();
    LocalDate booked = ledger.openingBalance(invoice, open, m.cutOverDate());
    invoices.markMigrated(id, m.fileId(), booked);
    record(invoice, InvoiceEvent.of(InvoiceEventType.CREATED, "Taken over from the previous system"
        + (origin == null ? "" : " (" + origin + ")") + ", not sent again: total " + totals.total().toPlainString()
        + " " + invoice.currency() + " due " + invoice.dueDate() + ", paid " + invoice.paidAmount().toPlainString()
        + ", fees " + invoice.feesAmount().toPlainString() + ", open " + open.toPlainString() + ", dunning step "
        + m.step() + ", payment reference " + reference + "; opening entry booked " + booked));
    followUp.startAt(number, customer.type().name(), customer.priority(), customer.country().name(), m.stage(),
        m.step());
    return invoices.findById(id).orElseThrow();
  }

  /** The seller's OCR (SE) or KID (NO) from an invoice id. */
  private String newReference(long id) {
    String digits = String.valueOf(id);
    return seller.country() == Country.NO
        ? PaymentReferences.norwegianKid(digits) : PaymentReferences.swedishOcr(digits);
  }

  /** A checked invoice: the request with what its articles fill in, its totals and revenue accounts. */
  private record Prepared(InvoiceRequest request, String customerNumber, boolean customerExists,
                          InvoiceCalculator.Totals totals, List<String> revenueAccounts, Violations violations,
                          InvoiceVat vat) {}

  private Prepared prepare(InvoiceRequest original, List<String> givenAccounts) {
    Violations violations = new Violations();
    String customerNumber = customerNumberOf(original, violations);
    // A number outside the rule is never looked up: the register cannot have it.
    Customer existing = customerNumber == null || !Identifiers.isValid(customerNumber) ? null
        : customers.findLocked(customerNumber).orElse(null);
    if (customerNumber != null && existing == null) {
      if (original.customer() != null) {
        customers.validate(original.customer(), "customer.", violations);
      } else if (Identifiers.isValid(customerNumber)) {
        violations.add("customerNumber", "no customer " + customerNumber + "; send the customer inline to create it");
      }
    }
    // Interest invoices (given revenue accounts) follow from open invoices, which go on for an inactive customer.
    if (existing != null && !existing.active() && givenAccounts == null) {
      violations.add("customerNumber", "customer " + customerNumber + " is inactive and gets no new invoices; "
          + "reactivate it first (POST /api/customers/" + customerNumber + "/reactivation)");
    }
    String language = existing != null ? existing.language()
        : original.customer() == null ? null
        : original.customer().language() != null ? original.customer().language()
        : original.customer().country() == null ? null : original.customer().country().language();
    ArticleLines.Resolved articled = articleLines.resolve(original, language, violations);
    InvoiceCalculator.Totals totals = validate(articled.request(), articled.unknownArticles(), violations);
    InvoiceVat vat = vat(existing != null ? new VatTreatment.Buyer(existing.country(), existing.type(),
        existing.vatNumber()) : original.customer() == null ? null : new VatTreatment.Buyer(original.customer().country(),
        original.customer().type(), VatNumbers.normalise(original.customer().vatNumber())), totals, violations);
    List<String> accounts = givenAccounts;
    if (accounts == null && totals != null) {
      accounts = new java.util.ArrayList<>();
      for (InvoiceLine line : totals.lines()) {
        String fromArticle = articled.revenueAccounts().get(line.lineNumber() - 1);
        accounts.add(fromArticle != null ? fromArticle : vat.treatment().zeroRated()
            ? ledger.salesAccount(vat.treatment(), line.vatRate()).orElseThrow()
            : ledger.salesAccount(line.vatRate()).orElseThrow());
      }
    }
    return new Prepared(articled.request(), customerNumber, existing != null, totals, accounts, violations, vat);
  }

  /**
   * The VAT control across borders: the treatment the buyer's country, type and VAT number call for, and every line
   * at 0 % where the seller charges no VAT. A 0 % line to an EU business without a VAT number is refused: it looks
   * like reverse charge, which needs the buyer's VAT number on the invoice.
   */
  private InvoiceVat vat(VatTreatment.Buyer buyer, InvoiceCalculator.Totals totals, Violations violations) {
    if (buyer == null || totals == null) {
      return InvoiceVat.DOMESTIC;
    }
    VatTreatment treatment = VatTreatment.of(seller.country(), buyer);
    List<InvoiceLine> lines = totals.lines();
    for (InvoiceLine line : lines) {
      String field = "lines[" + (line.lineNumber() - 1) + "].vatRate";
      if (treatment.zeroRated() && line.vatRate().signum() != 0) {
        violations.add(field, line.vatRate().stripTrailingZeros().toPlainString() + " % is not allowed: "
            + (treatment == VatTreatment.REVERSE_CHARGE
            ? "reverse charge to the " + buyer.country() + " business " + buyer.vatNumber() + " (the buyer accounts"
                + " for the VAT)"
            : "export to a buyer in " + buyer.country() + " outside " + (seller.country() == Country.NO
                ? "Norway" : "the EU") + " (no " + seller.country() + " VAT)") + "; every line must be 0 %");
      } else if (treatment == VatTreatment.DOMESTIC && line.vatRate().signum() == 0 && buyer.country() != null
          && !buyer.country().hasOwnRules() && buyer.country().isEu() && buyer.type() == CustomerType.BUSINESS) {
        violations.add(field, "0 % to a business in " + buyer.country() + " is reverse charge, which needs the "
            + "buyer's VAT number (customer.vatNumber, e.g. " + buyer.country().vatPrefix() + "…); without one the "
            + "seller's rate applies (" + VatRates.of(seller.country()) + ")");
      }
    }
    if (!treatment.zeroRated()) {
      return InvoiceVat.DOMESTIC;
    }
    return new InvoiceVat(treatment, treatment == VatTreatment.REVERSE_CHARGE ? buyer.vatNumber() : null,
        sellerVatNumber());
  }

  /** The seller's VAT number as configured, else the one its organisation number gives (SE…01, NO…MVA). */
  private String sellerVatNumber() {
    String configured = seller.vatNumber() == null ? "" : seller.vatNumber().replaceAll("\\s", "");
    if (!configured.isEmpty()) {
      return configured;
    }
    String digits = seller.organisationNumber() == null ? "" : seller.organisationNumber().replaceAll("\\D", "");
    return seller.country() == Country.NO ? "NO" + digits + "MVA" : "SE" + digits + "01";
  }

  /**
   * Marks the invoice's fixed compensation for recovery costs as charged (by a reminder, or an interest invoice's
   * förseningsersättning); false when it already was: it is owed once per invoice.
   */
  @Transactional
  public boolean claimLateCompensation(Invoice invoice) {
    return invoices.claimLateCompensation(invoice.id());
  }

  /** How the invoice was taxed: the seller's own rates, reverse charge or export, with its VAT numbers. */
  public InvoiceVat vat(Invoice invoice) {
    return invoices.vat(invoice.id());
  }

  private Invoice store(Prepared prepared, String origin) {
    InvoiceRequest request = prepared.request();
    InvoiceCalculator.Totals totals = prepared.totals();
    long id = invoices.nextId();
    // Without a number the invoice takes its id; skip ids that a client already used as invoice numbers.
    // ... and ids whose payment reference an invoice taken over from the previous system kept as its old OCR/KID.
    while (request.invoiceNumber() == null && invoices.numberExists(String.valueOf(id))
        || invoices.referenceExists(newReference(id))) {
      id = invoices.nextId();
    }
    String number = request.invoiceNumber() == null ? String.valueOf(id) : request.invoiceNumber();
    Customer customer = prepared.customerExists() ? customers.get(prepared.customerNumber())
        : customers.createValidated(request.customer());
    String digits = String.valueOf(id);
    String reference = seller.country() == Country.NO
        ? PaymentReferences.norwegianKid(digits) : PaymentReferences.swedishOcr(digits);
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    Invoice invoice = new Invoice(id, number, customer.customerNumber(), InvoiceStatus.CREATED, request.issueDate(),
        request.dueDate(), request.currency(), totals.net(), totals.vat(), totals.total(), zero, zero, zero, zero, zero,
        zero, zero,
        reference, 0, 0, 0, request.dueDate(), clock.now());
    List<InvoiceLine> lines = new java.util.ArrayList<>();
    for (InvoiceLine line : totals.lines()) {
      lines.add(line.onAccount(prepared.revenueAccounts().get(line.lineNumber() - 1)));
    }
    // Before the ledger and the process: a concurrent create of the same number waits here and then gets 409.
    naturalKeys.claim("Invoice number " + number + " already exists", () -> invoices.insert(invoice, lines));
    if (prepared.vat().treatment().zeroRated()) {
      invoices.insertVat(invoice.id(), prepared.vat());
    }
    if (request.deliveryDate() != null || request.period() != null) {
      invoices.insertSupply(invoice.id(), request.deliveryDate() != null
          ? new Supply(request.deliveryDate(), null, null)
          : new Supply(null, request.period().from(), request.period().to()));
    }
    LocalDate booked = ledger.invoiceIssued(invoice, lines);
    record(invoice, InvoiceEvent.of(InvoiceEventType.CREATED, "Invoice created: " + totals.total().toPlainString()
        + " " + invoice.currency() + " due " + invoice.dueDate() + ", payment reference " + reference
        + (prepared.vat().treatment() == VatTreatment.REVERSE_CHARGE ? ", reverse charge (buyer's VAT number "
            + prepared.vat().buyerVatNumber() + ")" : prepared.vat().treatment() == VatTreatment.EXPORT
            ? ", export (no VAT)" : "")
        + (origin == null ? "" : " (from " + origin + ")")));
    if (!booked.equals(invoice.issueDate())) {
      invoices.invoiceBooked(id, booked);
    }
    recordIfBookedLater(invoice, "The invoice", invoice.issueDate(), booked);
    followUp.start(number, customer.type().name(), customer.priority(), customer.country().name());
    return invoice;
  }

  public Invoice get(String invoiceNumber) {
    return invoices.findByNumber(invoiceNumber)
        .orElseThrow(() -> new NotFoundException("No invoice " + invoiceNumber));
  }

  public Optional<Invoice> find(String invoiceNumber) {
    return invoices.findByNumber(invoiceNumber);
  }

  /** Open invoices in a currency of these customers, earliest due first (bounded). */
  public List<Invoice> openOfCustomers(java.util.Collection<String> customerNumbers, Currency currency, int limit) {
    return invoices.openOfCustomers(customerNumbers, currency.name(), limit);
  }

  /** Open invoices in a currency whose total lies within [low, high], nearest to the amount first (bounded). */
  public List<Invoice> openWithTotalBetween(BigDecimal low, BigDecimal high, BigDecimal amount, Currency currency,
                                            int limit) {
    return invoices.openWithTotalBetween(low, high, amount, currency.name(), limit);
  }

  /** Open invoices that have one of these invoice numbers or payment references. */
  public List<Invoice> openByNumbersOrReferences(java.util.Collection<String> numbers,
                                                 java.util.Collection<String> references) {
    return invoices.openByNumbersOrReferences(numbers, references);
  }

  public Optional<Invoice> findByReference(String paymentReference) {
    return invoices.findByReference(paymentReference);
  }

  /**
   * Books a payment: the new paid amount and credit balance (what was paid beyond total and fees).
   *
   * @return the invoice as it is now
   */
  @Transactional
  public Invoice applyPayment(Invoice invoice, BigDecimal paidAmount, BigDecimal creditBalance, InvoiceEvent event) {
    invoices.updatePayment(invoice.id(), paidAmount, creditBalance);
    record(invoice, event);
    return invoices.findById(invoice.id()).orElseThrow();
  }

  public Invoice byId(long id) {
    return invoices.findById(id).orElseThrow(() -> new NotFoundException("No invoice with id " + id));
  }

  /** The invoice row locked for update until the transaction ends. */
  public Invoice lock(String invoiceNumber) {
    return invoices.lockByNumber(invoiceNumber)
        .orElseThrow(() -> new NotFoundException("No invoice " + invoiceNumber));
  }

  public List<InvoiceLine> lines(Invoice invoice) {
    return invoices.lines(invoice.id());
  }

  public List<InvoiceEvent> events(Invoice invoice) {
    return invoices.events(invoice.id());
  }

  /** One customer's invoices (the customer portal's list); see InvoiceRepository#forCustomer. */
  public List<Invoice> forCustomer(String customerNumber, LocalDate from, LocalDate to,
                                   CustomerSort sort, boolean descending, int limit) {
    return invoices.forCustomer(customerNumber, from, to, sort, descending, limit);
  }

  /** The order references of the invoices' lines, per invoice id. */
  public java.util.Map<Long, List<String>> orderReferences(java.util.Collection<Long> invoiceIds) {
    return invoiceIds.isEmpty() ? java.util.Map.of() : invoices.orderReferences(invoiceIds);
  }

  public List<Invoice> search(String customerNumber, InvoiceStatus status, LocalDate from, LocalDate to, int limit) {
    return invoices.search(customerNumber, status, from, to, limit);
  }

  /**
   * A reminder or collection notice: adds its fee, raises the dunning level, sets the new deadline.
   *
   * @return the invoice as it is now
   */
  @Transactional
  public Invoice applyDunningStep(Invoice invoice, BigDecimal fee, int remindersSent, int reminderFeesCharged,
                                  LocalDate payBy) {
    invoices.updateDunning(invoice.id(), invoice.feesAmount().add(fee), invoice.dunningLevel() + 1, remindersSent,
        reminderFeesCharged, payBy);
    bookFee(invoice, fee);
    return invoices.findById(invoice.id()).orElseThrow();
  }

  /**
   * A fee that is no dunning step (a payment plan's): added to the invoice's fees and booked as a reminder's fee is;
   * the dunning level, reminders and deadline stay as they are.
   *
   * @return the invoice as it is now
   */
  @Transactional
  public Invoice chargeFee(Invoice invoice, BigDecimal fee) {
    invoices.updateDunning(invoice.id(), invoice.feesAmount().add(fee), invoice.dunningLevel(),
        invoice.remindersSent(), invoice.reminderFeesCharged(), invoice.payBy());
    bookFee(invoice, fee);
    return invoices.findById(invoice.id()).orElseThrow();
  }

  /** The fee in the ledger (in an open period) and as an adjustment the aging report reads. */
  private void bookFee(Invoice invoice, BigDecimal fee) {
    if (fee.signum() > 0) {
      LocalDate booked = ledger.feeCharged(invoice, fee);
      invoices.insertAdjustment(invoice.id(), "FEE", fee, booked);
      recordIfBookedLater(invoice, "The fee of " + invoice.inCurrency(fee), clock.today(), booked);
    }
  }

  /**
   * A credit note: lowers what is owed (and what is disputed, as far as it covers it).
   *
   * @return the invoice as it is now
   */
  @Transactional
  public Invoice credit(Invoice invoice, BigDecimal amount, String reason) {
    if (amount.signum() <= 0 || amount.compareTo(invoice.openAmount()) > 0) {
      throw new IllegalArgumentException("A credit note must be more than 0 and at most the open amount "
          + invoice.openAmount().toPlainString());
    }
    long creditNote = invoices.insertCreditNote(invoice.id(), amount, reason, clock.now());
    invoices.updateCredited(invoice.id(), invoice.creditedAmount().add(amount));
    LocalDate booked = ledger.credited(invoice, invoices.lines(invoice.id()), amount,
        invoices.creditNotes(invoice.id()).size());
    invoices.creditNoteBooked(creditNote, booked);
    recordIfBookedLater(invoice, "The credit note of " + invoice.inCurrency(amount), clock.today(), booked);
    invoices.updateDisputedAmount(invoice.id(), invoice.disputedAmount().subtract(amount).max(BigDecimal.ZERO));
    record(invoice, InvoiceEvent.of(InvoiceEventType.CREDIT_NOTE, "Credit note of "
        + invoice.inCurrency(amount) + ": " + reason));
    return invoices.findById(invoice.id()).orElseThrow();
  }

  /**
   * Writes off what is still open (the claim cannot be collected): a loss in the ledger, the open amount becomes 0.
   *
   * @return the invoice as it is now
   */
  @Transactional
  public Invoice writeOff(Invoice invoice, String reason) {
    BigDecimal amount = invoice.openAmount();
    if (amount.signum() == 0) {
      return invoice;
    }
    invoices.updateWrittenOff(invoice.id(), invoice.writtenOffAmount().add(amount));
    LocalDate booked = ledger.writtenOff(invoice, invoices.lines(invoice.id()), amount, reason);
    invoices.insertAdjustment(invoice.id(), "WRITE_OFF", amount, booked);
    record(invoice, InvoiceEvent.of(InvoiceEventType.WRITTEN_OFF, "Written off as a loss: "
        + invoice.inCurrency(amount) + " (" + reason + ")"));
    return invoices.findById(invoice.id()).orElseThrow();
  }

  /**
   * Pays back (part of) the invoice's credit balance to the customer, as a person did in the bank.
   *
   * @param amount null for the whole credit balance
   * @return the invoice as it is now
   */
  @Transactional
  public Invoice refund(String invoiceNumber, BigDecimal amount, String reason) {
    Invoice invoice = lock(invoiceNumber);
    Violations v = new Violations();
    BigDecimal refundable = invoice.refundableAmount();
    BigDecimal refund = amount == null ? refundable : amount;
    if (refundable.signum() == 0) {
      v.add("amount", "invoice " + invoiceNumber + " has no credit balance to refund");
    } else if (amount != null && v.amount("amount", amount)
        && (amount.signum() <= 0 || amount.compareTo(refundable) > 0)) {
      v.add("amount", "must be more than 0 and at most the credit balance " + refundable.toPlainString());
    }
    v.text("reason", reason, 500);
    v.throwIfAny();
    invoices.updateRefunded(invoice.id(), invoice.refundedAmount().add(refund));
    ledger.refunded(invoice, refund);
    record(invoice, InvoiceEvent.of(InvoiceEventType.REFUNDED, "Refunded " + invoice.inCurrency(refund)
        + " of the credit balance: " + reason.strip()));
    return invoices.findById(invoice.id()).orElseThrow();
  }

  /** The invoice's credit notes, oldest first (ordinal 1, 2 …). */
  public List<CreditNote> creditNotes(Invoice invoice) {
    return invoices.creditNotes(invoice.id());
  }

  /** One of the invoice's credit notes; a credit note of another invoice is as absent as one that does not exist. */
  public CreditNote creditNote(Invoice invoice, long creditNoteId) {
    return creditNotes(invoice).stream().filter(c -> c.id() == creditNoteId).findFirst()
        .orElseThrow(() -> new NotFoundException("Invoice " + invoice.invoiceNumber() + " has no credit note "
            + creditNoteId));
  }

  /** What is disputed (held from follow-up) changes with an objection. */
  @Transactional
  public Invoice setDisputedAmount(Invoice invoice, BigDecimal disputedAmount) {
    invoices.updateDisputedAmount(invoice.id(), disputedAmount);
    return invoices.findById(invoice.id()).orElseThrow();
  }

  /** Credited in full: the invoice is CREDITED and follow-up ends. */
  @Transactional
  public InvoiceStatus closeAsCredited(String invoiceNumber) {
    Invoice invoice = lock(invoiceNumber);
    changeStatus(invoice, InvoiceStatus.CREDITED, InvoiceEvent.of(InvoiceEventType.CREDITED, "Credited ("
        + invoice.inCurrency(invoice.creditedAmount()) + " in credit notes); follow-up ended"));
    return InvoiceStatus.CREDITED;
  }

  /** Paid in full (total and fees): the invoice is PAID and follow-up ends. */
  @Transactional
  public InvoiceStatus closeAsPaid(String invoiceNumber) {
    Invoice invoice = lock(invoiceNumber);
    if (!invoice.isSettled()) {
      throw new IllegalStateException("Invoice " + invoiceNumber + " still has " + invoice.openAmount() + " open");
    }
    changeStatus(invoice, InvoiceStatus.PAID, InvoiceEvent.of(InvoiceEventType.PAID, "Paid in full ("
        + invoice.inCurrency(invoice.paidAmount()) + "); follow-up ended"));
    return InvoiceStatus.PAID;
  }

  /** Moves the invoice to a new status and records why. */
  @Transactional
  public void changeStatus(Invoice invoice, InvoiceStatus status, InvoiceEvent event) {
    invoices.updateStatus(invoice.id(), status);
    record(invoice, event);
    if (status.isFinal()) {
      events.publishEvent(new InvoiceClosed(invoice, status));
    }
  }

  @Transactional
  /**
   * A booking dated in a closed month went on the first open day instead: the invoice says so, as its history (and
   * the bookkeeping) must show why the document's date and its booking differ.
   */
  public void recordIfBookedLater(Invoice invoice, String what, LocalDate dated, LocalDate booked) {
    if (!booked.equals(dated)) {
      record(invoice, InvoiceEvent.of(InvoiceEventType.BOOKED_IN_OPEN_PERIOD, what + " dated " + dated
          + " falls in the closed month " + java.time.YearMonth.from(dated) + ": booked " + booked
          + ", the first open day"));
    }
  }

  /** The day the ledger booked the invoice on: its issue date unless that month was closed. */
  public LocalDate bookingDate(Invoice invoice) {
    return invoices.bookingDates(List.of(invoice.id())).getOrDefault(invoice.id(), invoice.issueDate());
  }

  /** The booking days of the invoices, per invoice id. */
  public java.util.Map<Long, LocalDate> bookingDates(java.util.Collection<Long> invoiceIds) {
    return invoiceIds.isEmpty() ? java.util.Map.of() : invoices.bookingDates(invoiceIds);
  }

  public void record(Invoice invoice, InvoiceEvent event) {
    Instant at = clock.now();
    long id = invoices.insertEvent(invoice.id(), at, event);
    InvoiceEventRecorded recorded = new InvoiceEventRecorded(id, invoice.id(), event.type(), at);
    eventLogs.forEach(log -> log.recorded(recorded));
  }

  /** Who is told of recorded events (the webhooks' outbox); none in unit tests that build the service by hand. */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void eventLogs(List<InvoiceEventLog> logs) {
    this.eventLogs = List.copyOf(logs);
  }

  private String customerNumberOf(InvoiceRequest request, Violations violations) {
    String inline = request.customer() == null ? null : request.customer().customerNumber();
    String number = request.customerNumber() != null ? request.customerNumber() : inline;
    if (number == null || number.isBlank()) {
      violations.add("customerNumber", "is required");
      return null;
    }
    if (request.customerNumber() != null && inline != null && !Objects.equals(request.customerNumber(), inline)) {
      violations.add("customer.customerNumber", "differs from customerNumber " + request.customerNumber());
    }
    if (request.customerNumber() != null && !Identifiers.isValid(number)) {
      violations.add("customerNumber", Identifiers.problem(number)); // an inline customer's checks say it for its own
    }
    return number;
  }

  /** @param unknownArticles lines whose article is not in the register (already reported; not checked further) */
  /** A delivery date or a complete period (from not after to), not both. */
  private static void validateSupply(InvoiceRequest r, Violations violations) {
    if (r.deliveryDate() != null && r.period() != null) {
      violations.add("period", "give either deliveryDate or period, not both");
    } else if (r.period() != null) {
      violations.required("period.from", r.period().from());
      violations.required("period.to", r.period().to());
      if (r.period().from() != null && r.period().to() != null && r.period().to().isBefore(r.period().from())) {
        violations.add("period.to", "is before period.from " + r.period().from());
      }
    }
  }

  /** When the invoice's goods or services were supplied, if the invoice says so. */
  /**
   * A line's service period: both days, from not after to, at most {@link #MAX_SERVICE_PERIOD_YEARS} years (a
   * plausibility bound, like the payment term's), on a line of a positive amount (what is deferred is revenue).
   */
  private static void validateServicePeriod(String prefix, InvoiceRequest.LineRequest line, Violations violations) {
    InvoiceRequest.Period period = line.servicePeriod();
    if (period == null) {
      return;
    }
    boolean from = violations.required(prefix + "servicePeriod.from", period.from());
    boolean to = violations.required(prefix + "servicePeriod.to", period.to());
    if (from && to) {
      if (period.to().isBefore(period.from())) {
        violations.add(prefix + "servicePeriod.to", "is before servicePeriod.from " + period.from());
      } else if (!period.to().isBefore(period.from().plusYears(MAX_SERVICE_PERIOD_YEARS))) {
        violations.add(prefix + "servicePeriod.to", "is " + MAX_SERVICE_PERIOD_YEARS + " years or more after "
            + "servicePeriod.from " + period.from());
      }
    }
    if (line.quantity() != null && line.unitPrice() != null
        && line.quantity().multiply(line.unitPrice()).signum() <= 0) {
      violations.add(prefix + "servicePeriod", "only a line of a positive amount can be spread over a service period");
    }
  }

  /** The dates or periods of supply of these invoices, per id (those without one are absent). */
  public java.util.Map<Long, Supply> supplies(java.util.Collection<Long> invoiceIds) {
    return invoiceIds.isEmpty() ? java.util.Map.of() : invoices.supplies(invoiceIds);
  }

  public Optional<Supply> supply(Invoice invoice) {
    return invoices.supply(invoice.id());
  }

  private InvoiceCalculator.Totals validate(InvoiceRequest r, java.util.Set<Integer> unknownArticles,
                                            Violations violations) {
    if (r.invoiceNumber() != null) {
      violations.number("invoiceNumber", r.invoiceNumber());
    }
    violations.required("issueDate", r.issueDate());
    violations.required("dueDate", r.dueDate());
    if (r.issueDate() != null && r.dueDate() != null) {
      if (r.dueDate().isBefore(r.issueDate())) {
        violations.add("dueDate", "is before the issue date " + r.issueDate());
      } else if (ChronoUnit.DAYS.between(r.issueDate(), r.dueDate()) > MAX_PAYMENT_TERM_DAYS) {
        violations.add("dueDate", "is more than " + MAX_PAYMENT_TERM_DAYS + " days after the issue date");
      }
    }
    validateSupply(r, violations);
    violations.required("currency", r.currency());
    if (r.lines() == null || r.lines().isEmpty()) {
      violations.add("lines", "at least one line is required");
      return null;
    }
    if (r.lines().size() > MAX_LINES) {
      violations.add("lines", "more than " + MAX_LINES + " lines");
      return null;
    }
    boolean linesValid = true;
    for (int i = 0; i < r.lines().size(); i++) {
      if (unknownArticles.contains(i)) {
        linesValid = false;
        continue;
      }
      linesValid &= validLine("lines[" + i + "].", r.lines().get(i), violations);
    }
    if (!linesValid) {
      return null;
    }
    InvoiceCalculator.Totals totals = InvoiceCalculator.calculate(r.lines());
    if (totals.total().signum() <= 0) {
      violations.add("lines", "the invoice total is " + totals.total().toPlainString()
          + "; an invoice must be greater than zero (credit notes are separate)");
    } else if (totals.total().compareTo(Violations.MAX_AMOUNT) >= 0) {
      violations.add("lines", "the invoice total " + totals.total().toPlainString() + " is implausibly large");
    }
    if (r.totalAmount() != null && r.totalAmount().compareTo(totals.total()) != 0) {
      violations.add("totalAmount", r.totalAmount().toPlainString() + " is not the sum of the lines ("
          + totals.total().toPlainString() + ")");
    }
    if (r.vatAmount() != null && r.vatAmount().compareTo(totals.vat()) != 0) {
      violations.add("vatAmount", r.vatAmount().toPlainString() + " is not the sum of the lines' VAT ("
          + totals.vat().toPlainString() + ")");
    }
    return totals;
  }

  private boolean validLine(String prefix, InvoiceRequest.LineRequest line, Violations violations) {
    if (line == null) {
      violations.add(prefix.substring(0, prefix.length() - 1), "is empty");
      return false;
    }
    int before = violations.list().size();
    violations.text(prefix + "description", line.description(), 500);
    violations.optionalText(prefix + "orderReference", line.orderReference(), 100);
    if (violations.required(prefix + "quantity", line.quantity())) {
      if (line.quantity().signum() == 0) {
        violations.add(prefix + "quantity", "is zero");
      } else if (line.quantity().abs().compareTo(MAX_QUANTITY) >= 0) {
        violations.add(prefix + "quantity", "is implausibly large");
      } else if (line.quantity().stripTrailingZeros().scale() > 3) {
        violations.add(prefix + "quantity", "has more than 3 decimals");
      }
    }
    violations.amount(prefix + "unitPrice", line.unitPrice());
    VatRates.check(prefix + "vatRate", line.vatRate(), seller.country(), ledger::canBook, violations);
    validateServicePeriod(prefix, line, violations);
    return violations.list().size() == before;
  }
}
