package io.fordra.document.paynow;

import io.fordra.document.LetterContent;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What lets a person pay a letter at once: to whom (payee, organisation number, bankgiro, account, IBAN/BIC), how much,
 * by when and with which reference (OCR in Sweden, KID in Norway). The letter (PDF), the portal's invoice view and the
 * e-mail show the same; {@link #usingQr()} is the "Betala med QR" code where one can be given.
 *
 * <p>The amount is what is owed when the letter leaves: on an invoice what is left of the total, on a reminder or
 * collection notice the open amount with the fees. A letter that asks for nothing (a credit note, an invoice paid or
 * credited in full, a case file) has no PayNow at all.
 *
 * @param sellerCountry ISO 3166 alpha-2 of the seller ("SE", "NO"): decides OCR or KID and whether there is a QR code
 * @param reference the OCR (SE) or KID (NO); the invoice number where the invoice has none
 */
public record PayNow(String payeeName, String organisationNumber, String sellerCountry, String reference,
                     BigDecimal amount, String currency, LocalDate issueDate, LocalDate payBy, String bankgiro,
                     String bankAccount, String iban, String bic) {

  public PayNow {
    Objects.requireNonNull(payeeName, "payeeName");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(payBy, "payBy");
    amount = amount.setScale(2, RoundingMode.HALF_UP);
    sellerCountry = sellerCountry == null ? "" : sellerCountry.toUpperCase(Locale.ROOT);
    bankgiro = blankToNull(bankgiro);
    bankAccount = blankToNull(bankAccount);
    iban = blankToNull(iban);
    bic = blankToNull(bic);
  }

  /** What the letter asks to be paid, or empty when it asks for nothing (credit note, case file, nothing open). */
  public static Optional<PayNow> forLetter(LetterContent letter) {
    if (!letter.kind().asksForPayment() || letter.openAmount().signum() <= 0) {
      return Optional.empty();
    }
    LetterContent.Party seller = letter.seller();
    LetterContent.SellerDetails details = letter.sellerDetails();
    return Optional.of(new PayNow(seller.name(), seller.organisationNumber(), seller.country(),
        referenceOr(letter.paymentReference(), letter.invoiceNumber()), letter.openAmount(), letter.currency(),
        letter.issueDate(), letter.payBy(), seller.bankgiro(), seller.bankAccount(),
        details == null ? null : details.iban(), details == null ? null : details.bic()));
  }

  /**
   * What the invoice asks to be paid now, as the portal shows it: the undisputed open amount (fees included) by the
   * current deadline (a reminder's new one, else the due date); empty when nothing is to be paid, the invoice is
   * closed, or it is with the collection agency (which is paid instead, on its own letter).
   */
  public static Optional<PayNow> forInvoice(Invoice invoice, SellerProperties seller) {
    if (invoice.undisputedAmount().signum() <= 0 || invoice.status().isFinal()
        || invoice.status() == InvoiceStatus.IN_COLLECTION) {
      return Optional.empty();
    }
    return of(invoice, seller, invoice.undisputedAmount(),
        invoice.payBy() != null ? invoice.payBy() : invoice.dueDate());
  }

  /**
   * What a stored letter of the invoice asks to be paid (its amount due and pay-by date, as its PDF says), e.g. for
   * the e-mail that carries it; empty when it asks for nothing.
   */
  public static Optional<PayNow> of(Invoice invoice, SellerProperties seller, BigDecimal amountDue, LocalDate payBy) {
    return of(invoice, seller, amountDue, payBy, invoice.paymentReference());
  }

  /**
   * As {@link #of(Invoice, SellerProperties, BigDecimal, LocalDate)}, paid with the letter's own reference (a payment
   * plan's instalment has its own OCR/KID); null = the invoice's.
   */
  public static Optional<PayNow> of(Invoice invoice, SellerProperties seller, BigDecimal amountDue, LocalDate payBy,
                                   String reference) {
    if (amountDue == null || amountDue.signum() <= 0 || payBy == null) {
      return Optional.empty();
    }
    return Optional.of(new PayNow(seller.name(), seller.organisationNumber(),
        seller.country() == null ? null : seller.country().name(),
        referenceOr(reference != null ? reference : invoice.paymentReference(), invoice.invoiceNumber()), amountDue,
        invoice.currency().name(),
        invoice.issueDate(), payBy, seller.bankgiro(), seller.bankAccount(), seller.iban(), seller.bic()));
  }

  /** "OCR" in Sweden, "KID" in Norway, null elsewhere (the letter then uses its own neutral label). */
  public String referenceLabel() {
    return switch (sellerCountry) {
      case "SE" -> "OCR";
      case "NO" -> "KID";
      default -> null;
    };
  }

  /** The "Betala med QR" code's text, or empty with the reason in {@link UsingQr#whyNone}. */
  public Optional<String> usingQr() {
    return UsingQr.payload(this);
  }

  private static String referenceOr(String reference, String invoiceNumber) {
    return reference == null || reference.isBlank() ? invoiceNumber : reference;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
