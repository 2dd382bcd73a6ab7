package io.fordra.payment.file;

import io.fordra.kernel.ImportProgress;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a payment file held and what became of it: GET /api/payment-files/{id}. While the import runs,
 * {@code processed} of {@code payments} shows the progress.
 *
 * <p>{@code payments} and {@code total} are what is booked; what the file holds that is not booked is
 * {@code keptAside} (money that may be ours, for a person: "Review entries kept aside") and {@code skipped} (not an
 * incoming payment), each entry listed in {@code notes} with its reason (issue 16: nothing is dropped silently).
 *
 * @param sameFileAgain true when this answers a second upload of a file already received (nothing booked again)
 * @param rate          payments booked per second since the file was received; null before the first chunk
 * @param estimatedSecondsLeft at that rate, while the import runs; null when it is over or no rate is known yet
 * @param keptAside     entries not booked that a person must look at (a foreign currency, an account not ours)
 * @param skipped       entries not booked because they are no payment to us (outgoing, not yet booked by the bank)
 * @param remarks       what the reader noticed about the file as a whole and accepted
 * @param notes         the entries kept aside and skipped, kept aside first, in file order; at most
 *                      {@link #NOTES_LISTED}: GET /api/payment-files/{id}/notes pages through all of them
 * @param notesNotListed how many entries {@code notes} leaves out
 * @param keptAsideReview what a person did about the entries kept aside; null until "Review entries kept aside" is
 *                      completed
 */
public record PaymentFileSummary(long id, String fileName, ParsedPaymentFile.Format format, String account,
                                 Status status, int payments, BigDecimal total, int processed, Tally tally,
                                 Instant receivedAt, Instant finishedAt, boolean sameFileAgain, BigDecimal rate,
                                 Long estimatedSecondsLeft, AsideCount keptAside, AsideCount skipped,
                                 List<String> remarks, List<Note> notes, int notesNotListed,
                                 Review keptAsideReview, AsideCount toBook) {

  /** The entries (and remarks) a summary lists; the rest are counted and paged through. */
  public static final int NOTES_LISTED = 200;
  /** describe() stays one line a log and a process variable hold. */
  static final int DESCRIBE_MAX = 2000;

  PaymentFileSummary(long id, String fileName, ParsedPaymentFile.Format format, String account, Status status,
                     int payments, BigDecimal total, int processed, Tally tally, Instant receivedAt,
                     Instant finishedAt, boolean sameFileAgain, ImportProgress progress) {
    this(id, fileName, format, account, status, payments, total, processed, tally, receivedAt, finishedAt,
        sameFileAgain, progress.rate(), progress.estimatedSecondsLeft(), AsideCount.none(), AsideCount.none(),
        List.of(), List.of(), 0, null, AsideCount.none());
  }

  public PaymentFileSummary {
    toBook = toBook == null ? AsideCount.none() : toBook;
    remarks = List.copyOf(remarks);
    notes = List.copyOf(notes);
  }

  /** The same summary with what the file holds besides its payments. */
  PaymentFileSummary withNotes(AsideCount keptAside, AsideCount skipped, List<String> remarks, List<Note> notes,
                               int notesNotListed, Review keptAsideReview) {
    return new PaymentFileSummary(id, fileName, format, account, status, payments, total, processed, tally,
        receivedAt, finishedAt, sameFileAgain, rate, estimatedSecondsLeft, keptAside, skipped, remarks, notes,
        notesNotListed, keptAsideReview, toBook);
  }

  /**
   * The same summary with what the file books per currency ({@code total} adds every payment's amount as a number,
   * which only means money when the file is in one currency).
   */
  PaymentFileSummary withToBook(AsideCount toBook) {
    return new PaymentFileSummary(id, fileName, format, account, status, payments, total, processed, tally,
        receivedAt, finishedAt, sameFileAgain, rate, estimatedSecondsLeft, keptAside, skipped, remarks, notes,
        notesNotListed, keptAsideReview, toBook);
  }

  /** What a note of the file is: an entry kept aside, an entry skipped, or a remark on the whole file. */
  public enum NoteKind { KEPT_ASIDE, SKIPPED, REMARK }

  /**
   * One entry of the file that is not booked, or a remark on the file (location "file", no amount).
   *
   * @param number where it is among the file's notes (1-based), for paging
   */
  public record Note(int number, NoteKind outcome, String location, BigDecimal amount, String currency,
                     String bankTransactionId, String reason) {}

  /**
   * Entries of one outcome: how many, and how much in each currency (an entry the file gives no amount for is
   * counted but adds to no amount; one without a currency adds under "none").
   */
  public record AsideCount(int count, Map<String, BigDecimal> amounts) {
    public AsideCount {
      amounts = java.util.Collections.unmodifiableMap(new TreeMap<>(amounts));
    }

    public static AsideCount none() {
      return new AsideCount(0, Map.of());
    }

    String describe() {
      return count + (amounts.isEmpty() ? "" : " / " + amounts.entrySet().stream()
          .map(e -> e.getValue().toPlainString() + " " + e.getKey()).collect(Collectors.joining(" + ")));
    }
  }

  /** What a person did about the entries kept aside: who (null if the engine does not know), when, the note. */
  public record Review(String by, Instant at, String note) {}

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
        receivedAt, finishedAt, true, rate, estimatedSecondsLeft, keptAside, skipped, remarks, notes,
        notesNotListed, keptAsideReview, toBook);
  }

  /**
   * One line for the log and the process history: what was booked, and what was kept aside and skipped with the
   * reasons of the entries listed (each reason once); at most {@link #DESCRIBE_MAX} characters.
   */
  public String describe() {
    // A file in several currencies has no one total in money: say what it books in each.
    String booked = toBook.amounts().size() > 1 ? toBook.amounts().entrySet().stream()
        .map(e -> e.getValue().toPlainString() + " " + e.getKey())
        .collect(java.util.stream.Collectors.joining(" + ")) : total.toPlainString();
    StringBuilder line = new StringBuilder(fileName + " (" + format + ", " + payments + " payments, "
        + booked + "): matched "
        + tally.matched().count() + " / " + tally.matched().amount().toPlainString() + ", partly matched "
        + tally.partlyMatched().count() + " / " + tally.partlyMatched().amount().toPlainString() + ", unmatched "
        + tally.unmatched().count() + " / " + tally.unmatched().amount().toPlainString() + ", duplicates "
        + tally.duplicates().count() + " / " + tally.duplicates().amount().toPlainString());
    if (keptAside.count() > 0) {
      line.append("; kept aside ").append(keptAside.describe()).append(reasons(NoteKind.KEPT_ASIDE));
    }
    if (skipped.count() > 0) {
      line.append("; skipped ").append(skipped.describe()).append(reasons(NoteKind.SKIPPED));
    }
    if (!remarks.isEmpty()) {
      line.append("; remarks: ").append(String.join("; ", remarks));
    }
    return line.length() <= DESCRIBE_MAX ? line.toString() : line.substring(0, DESCRIBE_MAX - 1) + "…";
  }

  private String reasons(NoteKind kind) {
    List<String> distinct = notes.stream().filter(n -> n.outcome() == kind).map(Note::reason).distinct().toList();
    return distinct.isEmpty() ? "" : " (" + String.join("; ", distinct) + ")";
  }
}
