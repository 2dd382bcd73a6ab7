package io.fordra.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A balanced ledger entry (a verification): its lines add up to zero.
 *
 * @param bookingDate the day the business event belongs to (issue date, payment date, day of the credit note …)
 */
public record LedgerEntry(long id, LocalDate bookingDate, EntryKind kind, String text, String currency,
                          Long invoiceId, Long paymentId, Instant createdAt, List<LedgerLine> lines) {

  public BigDecimal sum() {
    return lines.stream().map(LedgerLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
