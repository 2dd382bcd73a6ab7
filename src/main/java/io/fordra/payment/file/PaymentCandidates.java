package io.fordra.payment.file;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.payment.Remitter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.springframework.stereotype.Service;

/**
 * The open invoices a payment no rule placed most likely pays, best first, for "Match payment": an invoice number or
 * OCR/KID in the payer's message, a reference one digit off the one the payer gave (one digit wrong, or two adjacent
 * digits swapped), the payer's organisation number, the same or a near amount. Every look-up is an index look-up with
 * a limit: the invoice table is never read whole.
 */
@Service
public class PaymentCandidates {

  /** At most this many suggestions. */
  public static final int LIMIT = 10;
  /** Invoices read per kind of clue before ranking. */
  private static final int PER_CLUE = 30;
  /** "Near": within this share of the payment (5 %). */
  private static final BigDecimal NEAR = new BigDecimal("0.05");
  /** References longer than this are not varied (OCR is at most 25 digits). */
  private static final int MAX_REFERENCE = 25;

  private static final int IN_MESSAGE = 50;
  private static final int REFERENCE_OFF_BY_ONE = 40;
  private static final int SAME_PAYER = 30;
  private static final int SAME_AMOUNT = 30;
  private static final int NEAR_AMOUNT = 15;

  /**
   * One suggested invoice.
   *
   * @param reasons why it is suggested, strongest first (e.g. "same amount", "same organisation number")
   */
  public record Candidate(String invoiceNumber, String customerNumber, String customerName, BigDecimal openAmount,
                          String currency, java.time.LocalDate dueDate, int score, List<String> reasons) {}

  private final PaymentService payments;
  private final InvoiceService invoices;
  private final CustomerService customers;

  public PaymentCandidates(PaymentService payments, InvoiceService invoices, CustomerService customers) {
    this.payments = payments;
    this.invoices = invoices;
    this.customers = customers;
  }

  /** Up to {@value #LIMIT} open invoices in the payment's currency, best first; none for a reversal. */
  public List<Candidate> forPayment(long paymentId) {
    Payment payment = payments.get(paymentId);
    Remitter remitter = payments.remitter(paymentId);
    if (payment.amount().signum() <= 0) {
      return List.of();
    }
    Currency currency = Currency.valueOf(payment.currency());
    Map<String, Scored> found = new LinkedHashMap<>();

    Set<String> words = words(remitter.remittanceText());
    for (Invoice i : invoices.openByNumbersOrReferences(words, digitsOnly(words))) {
      score(found, i, IN_MESSAGE, words.contains(i.invoiceNumber())
          ? "invoice number in the message" : "reference " + i.paymentReference() + " in the message");
    }
    String reference = payment.paymentReference() == null ? null : payment.paymentReference().replace(" ", "");
    if (reference != null && reference.matches("\\d{2," + MAX_REFERENCE + "}")) {
      for (Invoice i : invoices.openByNumbersOrReferences(Set.of(), oneDigitOff(reference))) {
        score(found, i, REFERENCE_OFF_BY_ONE, "reference " + i.paymentReference() + " is one digit off "
            + reference);
      }
    }
    if (remitter.organisationNumber() != null) {
      List<String> payers = customers.byOrganisationNumber(remitter.organisationNumber()).stream()
          .map(Customer::customerNumber).toList();
      for (Invoice i : invoices.openOfCustomers(payers, currency, PER_CLUE)) {
        score(found, i, SAME_PAYER, "same organisation number");
      }
    }
    BigDecimal amount = payment.amount();
    BigDecimal margin = amount.multiply(NEAR).setScale(2, RoundingMode.HALF_UP);
    for (Invoice i : invoices.openWithTotalBetween(amount.subtract(margin), amount.add(margin), amount, currency,
        PER_CLUE)) {
      found.computeIfAbsent(i.invoiceNumber(), n -> new Scored(i));
    }
    // The amount counts for every invoice found, by its open amount (a part may have been paid already).
    for (Scored s : found.values()) {
      BigDecimal open = s.invoice.openAmount();
      if (open.compareTo(amount) == 0) {
        s.add(SAME_AMOUNT, "same amount");
      } else if (open.subtract(amount).abs().compareTo(margin) <= 0) {
        s.add(NEAR_AMOUNT, "near amount");
      }
    }
    return found.values().stream()
        .filter(s -> s.score > 0 && s.invoice.currency() == currency && s.invoice.openAmount().signum() > 0)
        .sorted(Comparator.comparingInt((Scored s) -> -s.score)
            .thenComparing(s -> s.invoice.openAmount().subtract(amount).abs())
            .thenComparing(s -> s.invoice.dueDate())
            .thenComparing(s -> s.invoice.invoiceNumber()))
        .limit(LIMIT)
        .map(this::candidate)
        .toList();
  }

  /** Every reference one digit off: each digit replaced by another, and each pair of adjacent digits swapped. */
  static Set<String> oneDigitOff(String reference) {
    Set<String> variants = new LinkedHashSet<>();
    char[] digits = reference.toCharArray();
    for (int i = 0; i < digits.length; i++) {
      char original = digits[i];
      for (char d = '0'; d <= '9'; d++) {
        if (d != original) {
          digits[i] = d;
          variants.add(new String(digits));
        }
      }
      digits[i] = original;
      if (i + 1 < digits.length && digits[i + 1] != original) {
        digits[i] = digits[i + 1];
        digits[i + 1] = original;
        variants.add(new String(digits));
        digits[i + 1] = digits[i];
        digits[i] = original;
      }
    }
    return variants;
  }

  /** The words of the message that could be an invoice number or a reference, at most a few. */
  private static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    Matcher m = PaymentMatcher.WORD.matcher(text);
    while (m.find() && words.size() < PaymentMatcher.MAX_WORDS) {
      words.add(m.group().replaceAll("[./-]+$", ""));
    }
    return words;
  }

  private static Set<String> digitsOnly(Set<String> words) {
    Set<String> digits = new LinkedHashSet<>();
    words.stream().filter(w -> w.matches("\\d{2," + MAX_REFERENCE + "}")).forEach(digits::add);
    return digits;
  }

  private static void score(Map<String, Scored> found, Invoice invoice, int points, String reason) {
    found.computeIfAbsent(invoice.invoiceNumber(), n -> new Scored(invoice)).add(points, reason);
  }

  private Candidate candidate(Scored s) {
    Invoice i = s.invoice;
    String name = customers.find(i.customerNumber()).map(Customer::name).orElse(i.customerNumber());
    return new Candidate(i.invoiceNumber(), i.customerNumber(), name, i.openAmount(), i.currency().name(),
        i.dueDate(), s.score, List.copyOf(s.reasons));
  }

  /** An invoice and what speaks for it. */
  private static final class Scored {
    final Invoice invoice;
    int score;
    final List<String> reasons = new ArrayList<>();

    Scored(Invoice invoice) {
      this.invoice = invoice;
    }

    void add(int points, String reason) {
      if (!reasons.contains(reason)) {
        score += points;
        reasons.add(reason);
      }
    }
  }
}
