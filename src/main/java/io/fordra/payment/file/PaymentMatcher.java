package io.fordra.payment.file;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentRequest;
import io.fordra.payment.PaymentResult;
import io.fordra.payment.PaymentService;
import io.fordra.payment.PaymentShares;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Places one bank payment on invoices: by its OCR/KID references first, then by invoice numbers in the remittance
 * text, then by amount and payer (one open invoice of that amount for the payer's organisation number). A payment
 * naming several invoices is split over them by their open amounts; what no invoice takes is kept for matching by
 * hand. Each booking goes through PaymentService, which tells the invoice's process (PaymentReceived).
 */
@Component
class PaymentMatcher {

  /** Words in remittance text that could be invoice numbers (letters, digits, '-', '/', '.'). */
  static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");
  static final int MAX_WORDS = 20;

  private final PaymentService payments;
  private final InvoiceService invoices;
  private final CustomerService customers;

  public PaymentMatcher(PaymentService payments, InvoiceService invoices, CustomerService customers) {
    this.payments = payments;
    this.invoices = invoices;
    this.customers = customers;
  }

  public PaymentFileSummary.Outcome book(BankPayment p, long paymentFileId) {
    // A payment split over several invoices is stored as id#1, id#2 …: either form seen before is a duplicate.
    if (payments.received(p.bankTransactionId()) || payments.received(p.bankTransactionId() + "#1")) {
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
    for (String reference : p.references()) {
      Optional<Invoice> invoice = invoices.findByReference(reference.replace(" ", ""))
          .or(() -> invoices.find(reference.strip()));
      invoice.ifPresentOrElse(i -> byReference.putIfAbsent(i.invoiceNumber(), i), () -> unknownReferences.add(reference));
    }
    List<Invoice> targets = new ArrayList<>(byReference.values());
    String how = "reference";
    if (targets.isEmpty()) {
      targets = invoicesNamedIn(p.remittanceText());
      how = "invoice number in the remittance text";
    }
    if (targets.isEmpty() && unknownReferences.isEmpty()) {
      targets = byAmountAndPayer(p);
      how = "amount and payer";
    }
    if (targets.isEmpty()) {
      keep(p, p.bankTransactionId(), p.amount(), currency.get(), paymentFileId, unknownReferences.isEmpty()
          ? "No reference, invoice number or amount identifies an invoice"
          : "Unknown reference " + String.join(", ", unknownReferences));
      return PaymentFileSummary.Outcome.UNMATCHED;
    }
    if (targets.size() == 1 && unknownReferences.isEmpty()) {
      PaymentResult result = payments.register(new PaymentRequest(null, targets.get(0).invoiceNumber(), p.amount(),
          currency.get(), p.bookingDate(), p.bankTransactionId()));
      payments.describe(result.paymentId(), paymentFileId, p.payerName(), p.remittanceText(), "Matched by " + how);
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

  private List<Invoice> invoicesNamedIn(String text) {
    if (text == null) {
      return List.of();
    }
    Map<String, Invoice> found = new LinkedHashMap<>();
    Matcher words = WORD.matcher(text);
    for (int n = 0; words.find() && n < MAX_WORDS; n++) {
      String word = words.group().replaceAll("[./-]+$", "");
      invoices.find(word).ifPresent(i -> found.putIfAbsent(i.invoiceNumber(), i));
    }
    return new ArrayList<>(found.values());
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
