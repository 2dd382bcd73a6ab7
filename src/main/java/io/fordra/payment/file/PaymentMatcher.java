package io.fordra.payment.file;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.ledger.ClosedPeriods;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentRequest;
import io.fordra.payment.PaymentResult;
import io.fordra.payment.PaymentService;
import io.fordra.payment.PaymentShares;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Places one bank payment on invoices: by its OCR/KID references first (a reference field listing several, split on
 * blanks, commas, semicolons, colons and slashes), then by invoice numbers and OCR references in the remittance
 * text ({@link InvoiceNumbersInText}: numbers after an invoice keyword first, never a customer number), then by
 * amount and payer (one open invoice of that amount for the payer's organisation number, also when the payment gives
 * a reference Fordra does not know). A payment naming several invoices is split over them by their open amounts;
 * what no invoice takes is kept for matching by hand. A payment dated before an invoice it names was issued, or in a
 * month the month-end close has closed, is kept for a person to check its date, not booked. A payment plan's
 * instalment reference names the plan's invoices, oldest due date first, each taking up to its open amount and the
 * last any excess. Each booking goes through PaymentService, which tells the invoice's process (PaymentReceived).
 */
@Component
class PaymentMatcher {

  /** Words in remittance text that could be invoice numbers (letters, digits, '-', '/', '.'). */
  static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");
  static final int MAX_WORDS = 20;

  private final PaymentService payments;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final ClosedPeriods closedPeriods;

  public PaymentMatcher(PaymentService payments, InvoiceService invoices, CustomerService customers,
                        ClosedPeriods closedPeriods) {
    this.payments = payments;
    this.invoices = invoices;
    this.customers = customers;
    this.closedPeriods = closedPeriods;
  }

  public PaymentFileSummary.Outcome book(BankPayment p, long paymentFileId) {
    // A payment split over several invoices is stored as id#1, id#2 …: either form seen before is a duplicate.
    if (payments.received(p.bankTransactionId()) || payments.received(p.bankTransactionId() + "#1")
        || readAloneBefore(p)) {
      return PaymentFileSummary.Outcome.DUPLICATE;
    }
    // The importer accepts only files whose currencies Fordra invoices in.
    Optional<Currency> currency = Optional.of(Currency.valueOf(p.currency()));
    if (p.amount().signum() <= 0) {
      keep(p, p.bankTransactionId(), p.amount(), currency.get(), paymentFileId,
          "A reversal or deduction: match it by hand");
      return PaymentFileSummary.Outcome.UNMATCHED;
    }
    Map<String, Invoice> byReference = new LinkedHashMap<>();
    List<String> unknownReferences = new ArrayList<>();
    List<String> instalments = new ArrayList<>();
    for (String reference : p.references()) {
      Optional<Invoice> invoice = byReference(reference);
      if (invoice.isPresent()) {
        byReference.putIfAbsent(invoice.get().invoiceNumber(), invoice.get());
        continue;
      }
      // a payment plan's instalment: its plan's invoices, oldest due date first, as if the payer had named them
      Optional<PaymentService.InstalmentInvoices> plan = payments.invoicesOfInstalment(reference);
      if (plan.isPresent()) {
        plan.get().invoices().forEach(i -> byReference.putIfAbsent(i.invoiceNumber(), i));
        instalments.add(plan.get().instalment().describe() + " (reference " + reference.strip() + ")");
        continue;
      }
      // a field that lists several ("65896,65862,65763", "Minerva 00040147"): each part with a digit on its own
      InvoiceNumbersInText parts = InvoiceNumbersInText.of(reference, MAX_WORDS);
      List<String> words = new ArrayList<>(parts.afterInvoiceKeyword());
      words.addAll(parts.others());
      // one reference, or the payment's only one: unknown as it is (a word without digits beside others is text)
      if (words.size() == 1 && words.get(0).equals(reference.strip())
          || words.isEmpty() && p.references().size() == 1) {
        unknownReferences.add(reference);
        continue;
      }
      for (String part : words) {
        byReference(part).ifPresentOrElse(i -> byReference.putIfAbsent(i.invoiceNumber(), i),
            () -> unknownReferences.add(part));
      }
    }
    List<Invoice> targets = new ArrayList<>(byReference.values());
    String how = instalments.isEmpty() ? "reference" : "reference, " + String.join(", ", instalments);
    if (targets.isEmpty()) {
      targets = invoicesNamedIn(p.remittanceText(), unknownReferences.isEmpty());
      how = "invoice number in the remittance text";
    }
    if (targets.isEmpty()) {
      // an unknown reference does not stop this: the payer's one open invoice of exactly this amount
      targets = byAmountAndPayer(p);
      how = "amount and payer";
    }
    String doubtfulDate = targets.stream().map(i -> doubtfulDate(p, i)).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null);
    if (doubtfulDate != null) {
      keepToCheckTheDate(p, currency.get(), paymentFileId, doubtfulDate);
      return PaymentFileSummary.Outcome.UNMATCHED;
    }
    if (targets.isEmpty()) {
      keep(p, p.bankTransactionId(), p.amount(), currency.get(), paymentFileId, unknownReferences.isEmpty()
          ? "No reference, invoice number or amount identifies an invoice"
          : "Unknown reference " + String.join(", ", unknownReferences));
      return PaymentFileSummary.Outcome.UNMATCHED;
    }
    // amount and payer: the invoice's open amount is the payment's, so it takes it whole
    if (targets.size() == 1 && (unknownReferences.isEmpty() || how.equals("amount and payer"))) {
      PaymentResult result = payments.register(new PaymentRequest(null, targets.get(0).invoiceNumber(), p.amount(),
          currency.get(), p.bookingDate(), p.bankTransactionId()));
      payments.describe(result.paymentId(), paymentFileId, p.payerName(), p.remittanceText(), "Matched by " + how
          + (unknownReferences.isEmpty() ? "" : " (unknown reference " + String.join(", ", unknownReferences) + ")"));
      return result.status() == Payment.PaymentStatus.MATCHED ? PaymentFileSummary.Outcome.MATCHED
          : PaymentFileSummary.Outcome.UNMATCHED;
    }
    return split(p, targets, unknownReferences, currency.get(), paymentFileId, how);
  }

  /**
   * One payment for several invoices: each gets up to its open amount, in the order the payer named them. The last
   * named invoice takes any excess (an overpayment) unless a reference was unknown; then the excess is kept.
   */
  private PaymentFileSummary.Outcome split(BankPayment p, List<Invoice> targets, List<String> unknown,
                                           Currency currency, long paymentFileId, String how) {
    List<BigDecimal> shares = PaymentShares.of(p.amount(), targets.stream().map(Invoice::openAmount).toList(),
        unknown.isEmpty());
    BigDecimal left = p.amount();
    int part = 0;
    boolean allMatched = true;
    for (int i = 0; i < targets.size(); i++) {
      Invoice invoice = targets.get(i);
      BigDecimal amount = shares.get(i);
      if (amount.signum() <= 0) {
        continue;
      }
      PaymentResult result = payments.register(new PaymentRequest(null, invoice.invoiceNumber(), amount, currency,
          p.bookingDate(), p.bankTransactionId() + "#" + (++part)));
      payments.describe(result.paymentId(), paymentFileId, p.payerName(), p.remittanceText(),
          "Part " + part + " of " + p.bankTransactionId() + " (" + p.amount().toPlainString() + "), matched by " + how);
      allMatched &= result.status() == Payment.PaymentStatus.MATCHED;
      left = left.subtract(amount);
    }
    if (left.signum() > 0) {
      keep(p, p.bankTransactionId() + "#" + (++part), left, currency, paymentFileId, "The rest of "
          + p.bankTransactionId() + " after the named invoices"
          + (unknown.isEmpty() ? "" : "; unknown reference " + String.join(", ", unknown)));
      return PaymentFileSummary.Outcome.PARTLY_MATCHED;
    }
    return allMatched ? PaymentFileSummary.Outcome.MATCHED : PaymentFileSummary.Outcome.PARTLY_MATCHED;
  }

  /**
   * A BgMax payment whose id adds its deposit (its file shares its BGC serial number with another payment) was read
   * before from a file where it was alone: stored under the plain id with the same date and amount.
   */
  private boolean readAloneBefore(BankPayment p) {
    return BgMaxReader.idAlone(p.bankTransactionId()).flatMap(payments::byTransaction)
        .filter(earlier -> earlier.paidAt().equals(p.bookingDate()) && earlier.amount().compareTo(p.amount()) == 0)
        .isPresent();
  }

  /** The invoice an OCR/KID reference or an invoice number given as a reference names. */
  private Optional<Invoice> byReference(String reference) {
    return invoices.findByReference(reference.replace(" ", "")).or(() -> invoices.find(reference.strip()));
  }

  /**
   * The invoices the payer's text names: by the numbers after an invoice keyword if any of them is one, else by the
   * other words (never a customer number); each word is tried as an invoice number and, when its check digit is
   * right and {@code ocr}, as an OCR reference. Not when the payer gave a structured reference Fordra does not know:
   * an OCR number in the text then contradicts it, and a person decides (Match payment suggests both).
   */
  private List<Invoice> invoicesNamedIn(String text, boolean ocr) {
    InvoiceNumbersInText words = InvoiceNumbersInText.of(text, MAX_WORDS);
    List<Invoice> keyed = lookUp(words.afterInvoiceKeyword(), ocr);
    return keyed.isEmpty() ? lookUp(words.others(), ocr) : keyed;
  }

  private List<Invoice> lookUp(List<String> words, boolean ocr) {
    Map<String, Invoice> found = new LinkedHashMap<>();
    for (String word : words) {
      Optional<Invoice> invoice = invoices.find(word).or(() -> ocr && InvoiceNumbersInText.isOcr(word)
          ? invoices.findByReference(word) : Optional.empty());
      if (invoice.isPresent()) {
        found.putIfAbsent(invoice.get().invoiceNumber(), invoice.get());
      } else if (ocr && InvoiceNumbersInText.isOcr(word)) {
        // an instalment's OCR/KID typed into the message: its plan's invoices, oldest due date first
        payments.invoicesOfInstalment(word)
            .ifPresent(plan -> plan.invoices().forEach(i -> found.putIfAbsent(i.invoiceNumber(), i)));
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * Why the payment's date is not believable for this invoice, or null: paid before the invoice was issued (a
   * wrong date, or not its payment), or dated in a month the month-end close has closed (a booking there would
   * change closed figures; the ledger would move it to the first open day).
   */
  private String doubtfulDate(BankPayment p, Invoice invoice) {
    if (invoice.issueDate() != null && p.bookingDate().isBefore(invoice.issueDate())) {
      return "Paid " + p.bookingDate() + ", before invoice " + invoice.invoiceNumber() + " was issued ("
          + invoice.issueDate() + "): check the date";
    }
    if (!closedPeriods.firstOpenDay(p.bookingDate()).equals(p.bookingDate())) {
      return "Paid " + p.bookingDate() + ", in " + YearMonth.from(p.bookingDate()) + ", a month the month-end close"
          + " has closed: check the date (booked by hand, it goes on the first open day) for invoice "
          + invoice.invoiceNumber();
    }
    return null;
  }

  /** A payment whose date is doubtful: kept, and in the ledger on the day it was read, not on its date. */
  private void keepToCheckTheDate(BankPayment p, Currency currency, long paymentFileId, String reason) {
    PaymentResult result = payments.keepToCheckTheDate(new PaymentRequest(
        p.references().isEmpty() ? null : p.references().get(0), null, p.amount(), currency, p.bookingDate(),
        p.bankTransactionId()), reason);
    payments.describe(result.paymentId(), paymentFileId, p.payerName(), p.remittanceText(), reason);
    payments.describePayer(result.paymentId(), p.payerOrganisationNumber(), p.payerAccount());
  }

  /** The payer's one open invoice of exactly this amount, where the payer's organisation number is known. */
  private List<Invoice> byAmountAndPayer(BankPayment p) {
    if (p.payerOrganisationNumber() == null) {
      return List.of();
    }
    List<Invoice> candidates = new ArrayList<>();
    for (Customer customer : customers.byOrganisationNumber(p.payerOrganisationNumber())) {
      invoices.search(customer.customerNumber(), null, null, null, 1000).stream()
          .filter(i -> !i.status().isFinal() && i.openAmount().compareTo(p.amount()) == 0)
          .forEach(candidates::add);
    }
    return candidates.size() == 1 ? candidates : List.of();
  }

  private void keep(BankPayment p, String transactionId, BigDecimal amount, Currency currency, long paymentFileId,
                    String reason) {
    PaymentResult result = payments.keep(new PaymentRequest(p.references().isEmpty() ? null : p.references().get(0),
        null, amount, currency, p.bookingDate(), transactionId), reason);
    payments.describe(result.paymentId(), paymentFileId, p.payerName(), p.remittanceText(), reason);
    payments.describePayer(result.paymentId(), p.payerOrganisationNumber(), p.payerAccount());
  }
}
