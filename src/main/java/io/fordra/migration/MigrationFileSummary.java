package io.fordra.migration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/migration-files/{id}: what became of a migration file, and the cut-over report (count and totals of the
 * invoices taken over, per currency and per dunning step) to compare with the previous system's aging list.
 *
 * @param status DONE, or REJECTED (an all-or-nothing file with an invalid invoice: nothing taken over)
 * @param mode   PER_INVOICE or ALL_OR_NOTHING
 */
public record MigrationFileSummary(long id, String fileName, String status, String mode, String problem, int rows,
                                   int invoices, int created, int rejected, int duplicates, int documents,
                                   Instant receivedAt, String receivedBy, Report report,
                                   List<InvoiceOutcome> problems, @JsonIgnore boolean sameFileAgain) {

  /** What became of one invoice of the file. */
  public enum Outcome { CREATED, REJECTED, DUPLICATE, NOT_CREATED }

  /** One invoice of the file: where it stands, what became of it and why (problems with line and column). */
  public record InvoiceOutcome(String invoiceNumber, String lines, Outcome outcome, String currency,
                               String dunningStep, BigDecimal openAmount, boolean objection, List<String> messages) {}

  /**
   * The cut-over report: the invoices taken over from this file, per currency (their total, paid, fees and open
   * amount = total - paid + fees, which the opening entries booked) and per dunning step and currency.
   */
  public record Report(List<CurrencyTotals> perCurrency, List<StepTotals> perStep) {}

  public record CurrencyTotals(String currency, int count, BigDecimal totalAmount, BigDecimal paidAmount,
                               BigDecimal feesAmount, BigDecimal openAmount, int withObjection) {}

  public record StepTotals(String dunningStep, String currency, int count, BigDecimal openAmount) {}

  MigrationFileSummary again() {
    return new MigrationFileSummary(id, fileName, status, mode, problem, rows, invoices, created, rejected,
        duplicates, documents, receivedAt, receivedBy, report, problems, true);
  }
}
