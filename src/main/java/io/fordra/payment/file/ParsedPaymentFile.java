package io.fordra.payment.file;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A payment file that parsed and passed its own checks (record counts, control sums): its payments in file order,
 * and what it holds that is not a payment to book (issue 16: read what you can, keep aside the rest with its reason).
 *
   * @param format   BGMAX, CAMT054, OCR_GIRO (Nets OCR giro, Norway) or AUTOGIRO (Autogiro payment specification)
 * @param account  the receiving account the file is about (bankgiro number, IBAN), if the file says; the first one
 *                 when it is about several
 * @param payments the payments to book, in file order
 * @param total    the sum of the payments' amounts
 * @param aside    entries that are not booked, each with where it is and why (kept aside for a person, or skipped)
 * @param remarks  what the reader noticed about the file as a whole and accepted (e.g. control sums counted the way
 *                 some banks count them); shown in the summary
 */
public record ParsedPaymentFile(Format format, String account, List<BankPayment> payments, BigDecimal total,
                                List<Aside> aside, List<String> remarks) {

  public enum Format { BGMAX, CAMT054, OCR_GIRO, AUTOGIRO }

  /** A file with nothing kept aside and nothing to remark. */
  public ParsedPaymentFile(Format format, String account, List<BankPayment> payments, BigDecimal total) {
    this(format, account, payments, total, List.of(), List.of());
  }

  public ParsedPaymentFile {
    payments = List.copyOf(payments);
    aside = List.copyOf(aside);
    remarks = List.copyOf(remarks);
  }

  /**
   * One entry of the file that is not booked as a payment.
   *
   * @param location          where in the file, e.g. "line 12" or "Ntfctn[2]/Ntry[3]"
   * @param outcome           KEPT_ASIDE: money that may be ours but cannot be booked (a person must act: a foreign
   *                          currency, an account that is not the seller's); SKIPPED: not an incoming payment at all
   *                          (an outgoing payment, an entry not yet booked)
   * @param amount            the entry's amount as the file gives it (positive), null if it gives none
   * @param currency          ISO 4217 as the file gives it, null if none
   * @param bankTransactionId the bank's id of the entry if it has one, else null
   * @param reason            why it is not booked, in words a person understands
   */
  public record Aside(String location, Outcome outcome, BigDecimal amount, String currency, String bankTransactionId,
                     String reason) {

    public enum Outcome { KEPT_ASIDE, SKIPPED }

    public Aside {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
