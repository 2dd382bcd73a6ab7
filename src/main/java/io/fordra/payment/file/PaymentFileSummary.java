package io.fordra.payment.file;

import io.fordra.kernel.ImportProgress;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a payment file held and what became of it: GET /api/payment-files/{id}. While the import runs,
 * {@code processed} of {@code payments} shows the progress.
 *
 * @param sameFileAgain true when this answers a second upload of a file already received (nothing booked again)
 * @param rate          payments booked per second since the file was received; null before the first chunk
 * @param estimatedSecondsLeft at that rate, while the import runs; null when it is over or no rate is known yet
 */
public record PaymentFileSummary(long id, String fileName, ParsedPaymentFile.Format format, String account,
                                 Status status, int payments, BigDecimal total, int processed, Tally tally,
                                 Instant receivedAt, Instant finishedAt, boolean sameFileAgain, BigDecimal rate,
                                 Long estimatedSecondsLeft) {

  PaymentFileSummary(long id, String fileName, ParsedPaymentFile.Format format, String account, Status status,
                     int payments, BigDecimal total, int processed, Tally tally, Instant receivedAt,
                     Instant finishedAt, boolean sameFileAgain, ImportProgress progress) {
    this(id, fileName, format, account, status, payments, total, processed, tally, receivedAt, finishedAt,
        sameFileAgain, progress.rate(), progress.estimatedSecondsLeft());
  }

  public enum Status { IMPORTING, DONE }

  /** How many payments, and how much money. */
  public record Count(int count, BigDecimal amount) {
    public static Count none() {
      return new Count(0, BigDecimal.ZERO.setScale(2));
    }

    Count plus(BigDecimal amount) {
      return new Count(count + 1, this.amount.add(amount));
    }
  }

  /**
   * @param matched       booked in full on the invoice(s) their references named
   * @param partlyMatched booked in part; the rest is kept for matching by hand
   * @param unmatched     kept whole for matching by hand (nothing is ever dropped)
   * @param duplicates    bank transactions received before (in this or an earlier file): nothing booked again
   */
  public record Tally(Count matched, Count partlyMatched, Count unmatched, Count duplicates) {
    public static Tally none() {
      return new Tally(Count.none(), Count.none(), Count.none(), Count.none());
    }

    Tally add(Outcome outcome, BigDecimal amount) {
      return switch (outcome) {
        case MATCHED -> new Tally(matched.plus(amount), partlyMatched, unmatched, duplicates);
        case PARTLY_MATCHED -> new Tally(matched, partlyMatched.plus(amount), unmatched, duplicates);
        case UNMATCHED -> new Tally(matched, partlyMatched, unmatched.plus(amount), duplicates);
        case DUPLICATE -> new Tally(matched, partlyMatched, unmatched, duplicates.plus(amount));
      };
    }
  }

  public enum Outcome { MATCHED, PARTLY_MATCHED, UNMATCHED, DUPLICATE }

  PaymentFileSummary again() {
    return new PaymentFileSummary(id, fileName, format, account, status, payments, total, processed, tally,
        receivedAt, finishedAt, true, rate, estimatedSecondsLeft);
  }

  /** One line for the log and the process history. */
  public String describe() {
    return fileName + " (" + format + ", " + payments + " payments, " + total.toPlainString() + "): matched "
        + tally.matched().count() + " / " + tally.matched().amount().toPlainString() + ", partly matched "
        + tally.partlyMatched().count() + " / " + tally.partlyMatched().amount().toPlainString() + ", unmatched "
        + tally.unmatched().count() + " / " + tally.unmatched().amount().toPlainString() + ", duplicates "
        + tally.duplicates().count() + " / " + tally.duplicates().amount().toPlainString();
  }
}
