package io.fordra.close;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A month-end close as GET /api/month-end-closes/{id} shows it.
 *
 * @param agingDate       the day the aging report was taken as of (the period's last day)
 * @param differenceCount all differences found; {@code differences} lists at most 100 of each kind
 * @param closedAt        when "Record close" finished it (after the review, if there were differences)
 * @param reopenedBy      who in finance reopened the month (null while it stays closed), when, and why
 */
public record MonthEndCloseView(long id, String period, MonthEndCloseStatus status, String processInstanceId,
                                String startedBy, Instant startedAt, Instant reconciledAt, LocalDate agingDate,
                                List<Reconciliation.Figures> figures, int differenceCount,
                                List<Reconciliation.Difference> differences, String decidedBy, String decision,
                                String comment, Instant decidedAt, Instant closedAt, String reopenedBy,
                                Instant reopenedAt, String reopenReason) {

  /** Whether this close closes its month: recorded or reviewed, and not reopened. */
  public boolean closesMonth() {
    return reopenedAt == null && (closedAt != null || status == MonthEndCloseStatus.REVIEWED);
  }
}
