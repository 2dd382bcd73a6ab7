package io.fordra.payment;

import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.ledger.Ledger;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incoming payments: each bank transaction is booked once, on the invoice its reference (OCR/KID) or invoice
 * number names, and told to the invoice's process as PaymentReceived. A payment by a payment plan's instalment
 * reference is shared over the plan's invoices, oldest due date first, each booked as any payment is. A payment that
 * matches nothing is kept.
 */
@Service
public class PaymentService {

  private final PaymentRepository payments;
  private final InvoiceService invoices;
  private final ApplicationEventPublisher events;
  private final FordraClock clock;
  private final PaymentMatchings matchings;
  private final Ledger ledger;
  private final io.fordra.kernel.BusinessDates dates;
  private final PlanInstalments instalments;

  /** A bank transaction booked in parts (over several invoices) is stored as id#1, id#2 …, as payment files do. */
  public static final String PART = "#";

  public PaymentService(PaymentRepository payments, InvoiceService invoices, ApplicationEventPublisher events,
                        FordraClock clock, PaymentMatchings matchings, Ledger ledger,
                        io.fordra.kernel.BusinessDates dates, PlanInstalments instalments) {
    this.dates = dates;
    this.instalments = instalments;
    this.ledger = ledger;
    this.matchings = matchings;
    this.payments = payments;
    this.invoices = invoices;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public PaymentResult register(PaymentRequest r) {
    return book(r, null);
  }

  /**
   * Books a payment; {@code allocatedFrom} names the kept payment a person shares out (its money came from the bank
   * when it was kept, so the ledger takes it from unmatched payments).
   */
  private PaymentResult book(PaymentRequest r, Payment allocatedFrom) {
    validate(r);
    // booked in parts before (a payment plan's invoices, or a payment file's split): the parts are id#1, id#2 …
    Optional<Payment> earlier = payments.findByTransaction(r.bankTransactionId())
        .or(() -> payments.findByTransaction(r.bankTransactionId() + PART + 1));
    if (earlier.isPresent()) {
      return result(earlier.get(), null).asDuplicate();
    }
    Optional<Invoice> byReference = r.paymentReference() == null ? Optional.empty()
        : invoices.findByReference(r.paymentReference().replace(" ", ""));
    if (byReference.isEmpty() && allocatedFrom == null) {
      Optional<PlanInstalments.Instalment> instalment = instalment(r.paymentReference());
      if (instalment.isPresent()) {
        return bookOnPlan(r, instalment.get());
      }
    }
    Optional<Invoice> target = byReference.or(() -> r.invoiceNumber() == null ? Optional.empty()
        : invoices.find(r.invoiceNumber()));
    if (target.isEmpty()) {
      return keepUnmatched(r, "No invoice has " + describe(r) + ": kept for manual matching");
    }
    Invoice invoice = invoices.lock(target.get().invoiceNumber());
    if (!invoice.currency().equals(r.currency())) {
      return keepUnmatched(r, "The payment is in " + r.currency() + ", invoice " + invoice.invoiceNumber() + " in "
          + invoice.currency() + ": kept for manual matching");
    }
    long id = bookOn(invoice, r, allocatedFrom, "");
    return result(payments.find(id).orElseThrow(), "Booked on invoice " + invoice.invoiceNumber());
  }

  /**
   * A payment by an instalment's own OCR/KID, whatever the plan's status (a late payment after the plan broke still
   * lands on its invoices): shared over the plan's invoices, oldest due date first, each up to its open amount and
   * booked as any payment (fees, then interest, then principal; the ledger; PaymentBooked per invoice). What exceeds
   * them all goes to the last, as an overpayment does on one invoice. Several parts are stored as id#1, id#2 …
   */
  private PaymentResult bookOnPlan(PaymentRequest r, PlanInstalments.Instalment instalment) {
    // locked in id order, as the plan's own steps lock them, so that neither waits for the other in a circle
    java.util.Map<String, Invoice> locked = new java.util.HashMap<>();
    instalment.invoiceNumbers().stream().map(invoices::find).flatMap(Optional::stream)
        .sorted(java.util.Comparator.comparingLong(Invoice::id))
        .forEach(i -> locked.put(i.invoiceNumber(), invoices.lock(i.invoiceNumber())));
    List<Invoice> targets = instalment.invoiceNumbers().stream().map(locked::get)
        .filter(java.util.Objects::nonNull).toList();
    Optional<Invoice> otherCurrency = targets.stream().filter(i -> !i.currency().equals(r.currency())).findFirst();
    if (targets.isEmpty() || otherCurrency.isPresent()) {
      return keepUnmatched(r, "The payment by " + instalment.describe() + " is in " + r.currency()
          + (targets.isEmpty() ? ", but the plan covers no invoice"
              : ", invoice " + otherCurrency.get().invoiceNumber() + " in " + otherCurrency.get().currency())
          + ": kept for manual matching");
    }
    List<BigDecimal> shares = PaymentShares.of(r.amount(), targets.stream().map(Invoice::openAmount).toList(), true);
    String via = " by " + instalment.describe() + " (reference " + r.paymentReference() + ")";
    List<String> booked = new java.util.ArrayList<>();
    Long first = null;
    int part = 0;
    for (int i = 0; i < targets.size(); i++) {
      if (shares.get(i).signum() <= 0) {
        continue;
      }
      Invoice invoice = targets.get(i);
      String transaction = targets.size() == 1 ? r.bankTransactionId() : r.bankTransactionId() + PART + (++part);
      long id = bookOn(invoice, new PaymentRequest(r.paymentReference(), null, shares.get(i), r.currency(),
          r.paidAt(), transaction), null, via);
      if (targets.size() > 1) {
        payments.describe(id, null, null, null, "Part " + part + " of " + r.bankTransactionId() + " ("
            + invoice.inCurrency(r.amount()) + ")" + via);
      }
      first = first == null ? id : first;
      booked.add(invoice.invoiceNumber() + " (" + invoice.inCurrency(shares.get(i)) + ")");
    }
    return result(payments.find(first).orElseThrow(), "Booked" + via + " on " + String.join(", ", booked));
  }

  /** The instalment whose own OCR/KID the reference is, if any. */
  private Optional<PlanInstalments.Instalment> instalment(String reference) {
    return reference == null ? Optional.empty() : instalments.byReference(reference.replace(" ", ""));
  }

  /**
   * The invoices a payment by this reference pays when it is an instalment's own OCR/KID (not an invoice's): the
   * plan's, oldest due date first; empty otherwise. Payment files place such a payment on them as named invoices.
   */
  public Optional<InstalmentInvoices> invoicesOfInstalment(String reference) {
    return instalment(reference).map(i -> new InstalmentInvoices(i,
        i.invoiceNumbers().stream().map(invoices::find).flatMap(Optional::stream).toList()));
  }

  /** An instalment and its plan's invoices, oldest due date first. */
  public record InstalmentInvoices(PlanInstalments.Instalment instalment, List<Invoice> invoices) {}

  /**
   * Books one payment (or one part of it) on a locked invoice in its currency: the paid amount, any overpayment as
   * credit balance, the invoice's events, the payment's row and ledger entry, and PaymentBooked for its follow-up.
   *
   * @param via what the invoice event adds about how the payment was placed ("" for nothing)
   * @return the payment's id
   */
  private long bookOn(Invoice invoice, PaymentRequest r, Payment allocatedFrom, String via) {
    BigDecimal paid = invoice.paidAmount().add(r.amount());
    BigDecimal due = invoice.totalAmount().add(invoice.feesAmount()).subtract(invoice.creditedAmount())
        .subtract(invoice.writtenOffAmount());
    BigDecimal creditBalance = paid.subtract(due).max(BigDecimal.ZERO);
    BigDecimal overpaid = creditBalance.subtract(invoice.creditBalance()).max(BigDecimal.ZERO);
    Invoice updated = invoices.applyPayment(invoice, paid, creditBalance, InvoiceEvent.of(
        InvoiceEventType.PAYMENT_RECEIVED, "Payment of " + invoice.inCurrency(r.amount()) + " paid " + r.paidAt()
            + " (bank transaction " + r.bankTransactionId() + ")" + via + "; open amount now "
            + invoice.inCurrency(due.subtract(paid).max(BigDecimal.ZERO))));
    if (overpaid.signum() > 0) {
      invoices.record(updated, InvoiceEvent.of(InvoiceEventType.OVERPAYMENT, "Overpaid by "
          + invoice.inCurrency(overpaid) + ", recorded as a credit balance of " + invoice.inCurrency(creditBalance)));
    }
    long id = payments.insert(new Payment(0, r.bankTransactionId(), invoice.id(), r.paymentReference(),
        r.invoiceNumber(), r.amount(), r.currency().name(), r.paidAt(), Payment.PaymentStatus.MATCHED, overpaid,
        clock.now()));
    if (allocatedFrom != null) {
      payments.allocatedFrom(id, allocatedFrom.id());
    }
    LocalDate dated = allocatedFrom == null ? r.paidAt() : clock.today();
    LocalDate booked = ledger.paymentBooked(invoice, id, dated, r.amount(), overpaid, allocatedFrom != null);
    payments.booked(id, booked);
    invoices.recordIfBookedLater(invoice, "The payment of " + invoice.inCurrency(r.amount()), dated, booked);
    events.publishEvent(new InvoiceFollowUp.PaymentBooked(invoice.invoiceNumber(), id));
    return id;
  }

  /**
   * A payment registered on its own (POST /api/payments): booked as register() does; if it matches no invoice, a
   * "Match payment" task (process payment-matching) asks finance to place it, in the same transaction.
   */
  @Transactional
  public PaymentResult registerOne(PaymentRequest request) {
    // A client's payment date is bounded (a bank file's dates are the bank's own and are not checked here).
    Violations future = new Violations();
    dates.paymentDate(future, "paidAt", request.paidAt());
    future.throwIfAny();
    PaymentResult result = register(request);
    if (!result.duplicate() && result.status() == Payment.PaymentStatus.UNMATCHED) {
      payments.describe(result.paymentId(), null, null, null, result.message());
      matchings.askFinance(result.paymentId());
    }
    return result;
  }

  /**
   * Keeps a payment that no rule could place (no reference, a reversal, an unknown reference) for matching by
   * hand; the same bank transaction again is a duplicate and keeps nothing.
   */
  @Transactional
  public PaymentResult keep(PaymentRequest r, String reason) {
    return keepOnce(r, reason, r.paidAt());
  }

  /**
   * Keeps a payment whose date is not believable (paid before the invoice it names was issued, or in a month the
   * month-end close has closed) for a person to check; its date stays the bank's, but the ledger takes it on the day
   * it is read, so that a wrong date puts nothing into a past or closed period.
   */
  @Transactional
  public PaymentResult keepToCheckTheDate(PaymentRequest r, String reason) {
    return keepOnce(r, reason, clock.today());
  }

  /** Keeps the payment unmatched, its ledger entry on ledgerDate; the same bank transaction again keeps nothing. */
  private PaymentResult keepOnce(PaymentRequest r, String reason, LocalDate ledgerDate) {
    Optional<Payment> earlier = payments.findByTransaction(r.bankTransactionId());
    if (earlier.isPresent()) {
      return result(earlier.get(), null).asDuplicate();
    }
    return keepUnmatched(r, reason, ledgerDate);
  }

  /** Records where a payment came from (a payment file) and what the bank said about it. */
  @Transactional
  public void describe(long paymentId, long paymentFileId, String payerName, String remittanceText, String note) {
    payments.describe(paymentId, paymentFileId, payerName, remittanceText, note);
  }

  /** Records who paid, as the bank file said (organisation number, account), for matching by hand. */
  @Transactional
  public void describePayer(long paymentId, String organisationNumber, String account) {
    payments.describePayer(paymentId, organisationNumber, account);
  }

  /** What the bank said about who paid and why (all null for a payment registered over the API). */
  public Remitter remitter(long paymentId) {
    return payments.remitter(paymentId);
  }

  public boolean received(String bankTransactionId) {
    return payments.findByTransaction(bankTransactionId).isPresent();
  }

  /** The payment stored with this bank transaction id, if one is. */
  public Optional<Payment> byTransaction(String bankTransactionId) {
    return payments.findByTransaction(bankTransactionId);
  }

  /** The payments booked on an invoice, in the order they were paid (the customer portal shows them). */
  public List<Payment> forInvoice(long invoiceId) {
    return payments.forInvoice(invoiceId);
  }

  public java.util.List<Payment> ofFile(long paymentFileId) {
    return payments.ofFile(paymentFileId);
  }

  /**
   * A person books a kept payment on one or more invoices (shared by their open amounts, the last takes any rest).
   * Every invoice must exist, be open and be in the payment's currency; otherwise nothing is booked.
   */
  @Transactional
  public List<PaymentResult> matchByHand(long paymentId, List<String> invoiceNumbers, String user) {
    Payment kept = lockKept(paymentId);
    Violations v = new Violations();
    if (kept.amount().signum() <= 0) {
      v.add("paymentAction", "a reversal or deduction (" + kept.amount().toPlainString() + ") cannot be booked on an "
          + "invoice; book it as unallocated and correct the invoice's payments");
    }
    if (invoiceNumbers.isEmpty()) {
      v.add("invoiceNumbers", "name at least one invoice");
    }
    List<Invoice> targets = new java.util.ArrayList<>();
    for (String number : invoiceNumbers) {
      Optional<Invoice> invoice = invoices.find(number);
      if (invoice.isEmpty()) {
        v.add("invoiceNumbers", "there is no invoice " + number);
      } else if (invoice.get().status().isFinal()) {
        v.add("invoiceNumbers", "invoice " + number + " is " + invoice.get().status() + ": nothing to pay");
      } else if (!invoice.get().currency().name().equals(kept.currency())) {
        v.add("invoiceNumbers", "invoice " + number + " is in " + invoice.get().currency() + ", the payment in "
            + kept.currency());
      } else {
        targets.add(invoice.get());
      }
    }
    v.throwIfAny();
    List<BigDecimal> shares = PaymentShares.of(kept.amount(), targets.stream().map(Invoice::openAmount).toList(), true);
    List<PaymentResult> booked = new java.util.ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      if (shares.get(i).signum() > 0) {
        booked.add(book(new PaymentRequest(null, targets.get(i).invoiceNumber(), shares.get(i),
            io.fordra.invoice.Currency.valueOf(kept.currency()), kept.paidAt(),
            kept.bankTransactionId() + "/" + (i + 1)), kept));
      }
    }
    payments.settle(paymentId, Payment.PaymentStatus.ALLOCATED, "Booked by " + (user == null ? "a person" : user)
        + " on " + String.join(", ", invoiceNumbers));
    return booked;
  }

  /** A person books a kept payment as a credit not tied to any invoice (e.g. a prepayment, or to be refunded). */
  @Transactional
  public void bookUnallocated(long paymentId, String comment, String user) {
    Payment kept = lockKept(paymentId);
    Violations v = new Violations();
    v.text("matchComment", comment, 500);
    v.throwIfAny();
    ledger.keptAsCredit(paymentId, kept.amount(), kept.currency());
    payments.settle(paymentId, Payment.PaymentStatus.UNALLOCATED_CREDIT, "Booked as unallocated credit by "
        + (user == null ? "a person" : user) + ": " + comment.strip());
  }

  private Payment lockKept(long paymentId) {
    Payment kept = payments.lock(paymentId).orElseThrow(() -> new NotFoundException("No payment " + paymentId));
    if (kept.status() != Payment.PaymentStatus.UNMATCHED) {
      throw new io.fordra.kernel.ConflictException("Payment " + paymentId + " is " + kept.status()
          + ", not waiting to be matched");
    }
    return kept;
  }

  /** Why a payment was kept (or how it was matched), as stored with it. */
  public String note(long paymentId) {
    return payments.note(paymentId);
  }

  public Payment get(long paymentId) {
    return payments.find(paymentId).orElseThrow(() -> new NotFoundException("No payment " + paymentId));
  }

  private PaymentResult keepUnmatched(PaymentRequest r, String message) {
    return keepUnmatched(r, message, r.paidAt());
  }

  private PaymentResult keepUnmatched(PaymentRequest r, String message, LocalDate ledgerDate) {
    long id = payments.insert(new Payment(0, r.bankTransactionId(), null, r.paymentReference(), r.invoiceNumber(),
        r.amount(), r.currency().name(), r.paidAt(), Payment.PaymentStatus.UNMATCHED, BigDecimal.ZERO.setScale(2),
        clock.now()));
    payments.booked(id, ledger.paymentKept(id, ledgerDate, r.amount(), r.currency().name()));
    return result(payments.find(id).orElseThrow(), message);
  }

  private PaymentResult result(Payment p, String message) {
    Invoice invoice = p.invoiceId() == null ? null : invoices.byId(p.invoiceId());
    return new PaymentResult(p.id(), p.bankTransactionId(), p.status(),
        invoice == null ? null : invoice.invoiceNumber(), p.amount(), p.currency(), p.paidAt(), p.overpaidAmount(),
        invoice == null ? null : invoice.openAmount(), invoice == null ? null : invoice.status().name(),
        message != null ? message : p.status() == Payment.PaymentStatus.MATCHED
            ? "Booked on invoice " + invoice.invoiceNumber() : "Kept for manual matching",
        false);
  }

  private static void validate(PaymentRequest r) {
    Violations v = new Violations();
    if (r.paymentReference() == null && r.invoiceNumber() == null) {
      v.add("paymentReference", "either paymentReference or invoiceNumber is required");
    }
    v.optionalText("paymentReference", r.paymentReference(), 40);
    v.optionalText("invoiceNumber", r.invoiceNumber(), 40);
    if (v.amount("amount", r.amount()) && r.amount().signum() <= 0) {
      v.add("amount", "must be greater than zero");
    }
    v.required("currency", r.currency());
    v.required("paidAt", r.paidAt());
    v.text("bankTransactionId", r.bankTransactionId(), 100);
    v.throwIfAny();
  }

  private static String describe(PaymentRequest r) {
    return r.paymentReference() != null ? "payment reference " + r.paymentReference()
        + (r.invoiceNumber() != null ? " or invoice number " + r.invoiceNumber() : "")
        : "invoice number " + r.invoiceNumber();
  }

}
