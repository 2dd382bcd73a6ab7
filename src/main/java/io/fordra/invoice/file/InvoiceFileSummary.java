package io.fordra.invoice.file;

import io.fordra.kernel.Capped;
import io.fordra.kernel.ImportProgress;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an invoice file held and what became of it: GET /api/invoice-files/{id}. While the import runs,
 * {@code processed} (and, for an all-or-nothing file, first {@code checked}) of {@code invoices} shows the progress.
 *
 * @param rows          the rows (invoice lines) of the file, blank lines not counted
 * @param withWarnings  invoices created with a warning (a customer's details in the file differ from the register; due
 *                      before today or issued in a closed month, with fordra.import.past-due=warn)
 * @param createdTotals the total of the created invoices per currency
 * @param problems      the invoices that were not created, or created with a warning, first {@value #PROBLEMS_SHOWN}
 *                      in file order; all of them: GET /api/invoice-files/{id}/invoices?problems=true
 * @param problemCount  how many invoices that is in all
 * @param sameFileAgain true when this answers a second upload of a file already received (nothing created again)
 * @param rate          invoices handled per second since the file was received (checked and created: an
 *                      all-or-nothing file is gone over twice); null before the first chunk
 * @param estimatedSecondsLeft at that rate, while the import runs; null when it is over or no rate is known yet
 */
public record InvoiceFileSummary(long id, String fileName, Source source, Mode mode, Status status, String encoding,
                                 String separator, int rows, int invoices, int checked, int processed, int created,
                                 int rejected, int duplicates, int withWarnings, Map<String, BigDecimal> createdTotals,
                                 Instant receivedAt, String receivedBy, Instant finishedAt,
                                 List<InvoiceOutcome> problems, int problemCount, boolean sameFileAgain,
                                 BigDecimal rate, Long estimatedSecondsLeft) {

  InvoiceFileSummary(long id, String fileName, Source source, Mode mode, Status status, String encoding,
                     String separator, int rows, int invoices, int checked, int processed, int created, int rejected,
                     int duplicates, int withWarnings, Map<String, BigDecimal> createdTotals, Instant receivedAt,
                     String receivedBy, Instant finishedAt, List<InvoiceOutcome> problems, int problemCount,
                     boolean sameFileAgain, ImportProgress progress) {
    this(id, fileName, source, mode, status, encoding, separator, rows, invoices, checked, processed, created,
        rejected, duplicates, withWarnings, createdTotals, receivedAt, receivedBy, finishedAt, problems, problemCount,
        sameFileAgain, progress.rate(), progress.estimatedSecondsLeft());
  }

  public static final int PROBLEMS_SHOWN = Capped.ENTRIES;

  public enum Source { UPLOAD, INBOX }

  /** fordra.import.mode: per-invoice (default) or all-or-nothing. */
  public enum Mode {
    PER_INVOICE, ALL_OR_NOTHING;

    /** "per-invoice" or "all-or-nothing" (as in fordra.import.mode), in any case, or the enum names. */
    public static java.util.Optional<Mode> parse(String value) {
      String v = value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      return java.util.Arrays.stream(values()).filter(m -> m.name().equals(v)).findFirst();
    }
  }

  /**
   * IMPORTING: invoices are being created; CHECKING: an all-or-nothing file is being checked whole; DONE; REJECTED: an
   * all-or-nothing file with an invalid invoice (nothing created).
   */
  public enum Status { CHECKING, IMPORTING, DONE, REJECTED }

  /** What became of one invoice of the file. */
  public enum Outcome { CREATED, REJECTED, DUPLICATE, NOT_CREATED }

  /**
   * One invoice of the file: where it stands (lines), what became of it and why.
   *
   * @param messages each problem (or, for a created invoice, warning) as "line 7, vatRate: …"
   */
  public record InvoiceOutcome(String invoiceNumber, int firstLine, int lastLine, int lineCount, Outcome outcome,
                               BigDecimal total, List<String> messages) {}

  InvoiceFileSummary again() {
    return new InvoiceFileSummary(id, fileName, source, mode, status, encoding, separator, rows, invoices, checked,
        processed, created, rejected, duplicates, withWarnings, createdTotals, receivedAt, receivedBy, finishedAt,
        problems, problemCount, true, rate, estimatedSecondsLeft);
  }

  InvoiceFileSummary with(Map<String, BigDecimal> createdTotals, List<InvoiceOutcome> problems, int problemCount) {
    return new InvoiceFileSummary(id, fileName, source, mode, status, encoding, separator, rows, invoices, checked,
        processed, created, rejected, duplicates, withWarnings, createdTotals, receivedAt, receivedBy, finishedAt,
        problems, problemCount, sameFileAgain, rate, estimatedSecondsLeft);
  }

  /** One line for the log and the process history. */
  public String describe() {
    return fileName + " (" + rows + " rows, " + invoices + " invoices, " + mode + "): " + status + ", created "
        + created + " " + createdTotals + ", rejected " + rejected + ", duplicates " + duplicates
        + ", with warnings " + withWarnings;
  }
}
