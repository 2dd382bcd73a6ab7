package io.fordra.close;

import io.fordra.invoice.file.ClosedMonths;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.ledger.ClosedPeriods;
import io.fordra.process.FordraClock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Month-end closes: started by hand (message RunMonthEndClose) or by the monthly timer, reconciled
 * ({@link Reconciliation}), reviewed by finance where there were differences, and recorded.
 */
@Service
class MonthEndCloses implements ClosedMonths, ClosedPeriods {

  /** What a form may show of the figures and differences (a Camunda string variable holds at most 4000). */
  static final int FORM_TEXT = 3900;

  private final MonthEndCloseRepository closes;
  private final Reconciliation reconciliation;
  private final MonthEndCloseRuns runs;
  private final FordraClock clock;

  MonthEndCloses(MonthEndCloseRepository closes, Reconciliation reconciliation, MonthEndCloseRuns runs,
                 FordraClock clock) {
    this.closes = closes;
    this.reconciliation = reconciliation;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Starts a close by hand for the month (null: the previous month); in the same transaction the reconciliation
   * runs, so the answer shows its outcome.
   */
  @Transactional
  public MonthEndCloseView startByHand(String period, String user) {
    YearMonth month = period == null || period.isBlank() ? YearMonth.from(clock.today()).minusMonths(1)
        : parse(period);
    if (month.isAfter(YearMonth.from(clock.today()))) {
      throw new InvalidRequestException("period", "must not be after the current month (" + YearMonth.from(clock.today())
          + ")");
    }
    long id = closes.insert(month.toString(), user, clock.now());
    closes.processInstance(id, runs.startByHand(month, id));
    return get(id);
  }

  /** A close the timer started: its row, for the month before the current one unless a period is given. */
  @Transactional
  public long open(YearMonth period, String processInstanceId, String startedBy) {
    long id = closes.insert(period.toString(), startedBy, clock.now());
    closes.processInstance(id, processInstanceId);
    return id;
  }

  /** Reconciles the close's month now and stores the figures and differences. */
  @Transactional
  public Reconciliation.Result reconcile(long closeId) {
    MonthEndCloseView close = get(closeId);
    Reconciliation.Result result = reconciliation.reconcile(YearMonth.parse(close.period()), clock.zone());
    closes.reconciled(closeId, result, result.differenceCount() == 0 ? MonthEndCloseStatus.NO_DIFFERENCES
        : MonthEndCloseStatus.DIFFERENCES, clock.now());
    return result;
  }

  /**
   * Finance decided on the differences: ACCEPTED (with the explanation) or CORRECTION_NEEDED (with what is to be
   * corrected). A comment is required either way; nothing is recorded when the answer is refused.
   */
  @Transactional
  public void recordDecision(long closeId, String decision, String comment, String user) {
    MonthEndCloseView close = get(closeId);
    Violations v = new Violations();
    if (Arrays.stream(MonthEndClose.Decision.values()).noneMatch(d -> d.name().equals(decision))) {
      v.add(MonthEndClose.DECISION.name(), "choose " + Arrays.stream(MonthEndClose.Decision.values())
          .map(Enum::name).collect(Collectors.joining(" or ")));
    }
    if (comment == null || comment.isBlank()) {
      v.add(MonthEndClose.COMMENT.name(), "a comment is required: explain the differences, or say what must be "
          + "corrected");
    } else {
      v.optionalText(MonthEndClose.COMMENT.name(), comment, 2000);
    }
    if (close.status() != MonthEndCloseStatus.DIFFERENCES) {
      v.add("status", "close " + closeId + " is " + close.status() + ", not waiting for a review");
    }
    v.throwIfAny();
    closes.decided(closeId, user, decision, comment.strip(), clock.now());
  }

  /** "Record close": the close is finished. */
  @Transactional
  public void close(long closeId) {
    MonthEndCloseView close = get(closeId);
    if (close.status() == MonthEndCloseStatus.RUNNING || close.status() == MonthEndCloseStatus.DIFFERENCES) {
      throw new IllegalStateException("Close " + closeId + " is " + close.status() + ": reconcile it (and review "
          + "its differences) before it is recorded");
    }
    closes.closed(closeId, clock.now());
  }

  /** A month is closed once a close of it is recorded or reviewed: the invoice-file import warns of it. */
  @Override
  public boolean isClosed(YearMonth month) {
    return closes.anyClosed(month.toString());
  }

  /** The day a booking dated {@code date} goes on: past every closed month from the date's on. */
  @Override
  public LocalDate firstOpenDay(LocalDate date) {
    YearMonth month = YearMonth.from(date);
    Set<String> closed = new HashSet<>(closes.closedPeriodsFrom(month.toString()));
    LocalDate day = date;
    while (closed.contains(month.toString())) {
      month = month.plusMonths(1);
      day = month.atDay(1);
    }
    return day;
  }

  @Override
  public java.util.Optional<LocalDate> closedOn(YearMonth month) {
    return closes.closedAt(month.toString()).map(at -> LocalDate.ofInstant(at, clock.zone()));
  }

  /**
   * Finance reopens a closed month for a real correction: the reason, who and when are recorded, and the month
   * takes bookings again until a close of it is recorded again. 409 when the close does not close its month.
   */
  @Transactional
  public MonthEndCloseView reopen(long closeId, String reason, String user) {
    // Read again under the month's lock: of two reopens at once, the second finds the month open and gets 409.
    closes.lockPeriod(get(closeId).period());
    MonthEndCloseView close = get(closeId);
    Violations v = new Violations();
    if (reason == null || reason.isBlank()) {
      v.add("reason", "a reason is required: say what must be corrected in " + close.period());
    } else {
      v.optionalText("reason", reason, 2000);
    }
    v.throwIfAny();
    if (!close.closesMonth()) {
      throw new ConflictException("Close " + closeId + " of " + close.period() + " does not close its month ("
          + (close.reopenedAt() != null ? "reopened " + close.reopenedAt() + " by " + close.reopenedBy()
          : "status " + close.status() + ", not recorded") + "): there is nothing to reopen");
    }
    if (closes.reopened(close.period(), user, reason.strip(), clock.now()) == 0) {
      throw new ConflictException("Close " + closeId + " of " + close.period() + " was reopened meanwhile");
    }
    return get(closeId);
  }

  public MonthEndCloseView get(long closeId) {
    return closes.find(closeId).orElseThrow(() -> new NotFoundException("No month-end close " + closeId));
  }

  /** The closes of a month (all when null), newest first, at most 100. */
  public List<MonthEndCloseView> list(String period) {
    return closes.list(period == null || period.isBlank() ? null : parse(period).toString(), 100);
  }

  /** The figures per currency, as the review form shows them. */
  static String figuresText(Reconciliation.Result result) {
    StringBuilder text = new StringBuilder();
    for (Reconciliation.Figures f : result.figures()) {
      text.append(f.currency()).append('\n')
          .append("  Receivables account at ").append(result.period().atEndOfMonth()).append(": ")
          .append(f.ledgerReceivablesAtPeriodEnd().toPlainString()).append('\n')
          .append("  Receivables account now: ").append(f.ledgerReceivables().toPlainString())
          .append("; open invoices now: ").append(f.openInvoices().toPlainString()).append('\n')
          .append("  Bank account in ").append(result.period()).append(": ").append(f.bankMovements().toPlainString())
          .append(" (refunds paid out ").append(f.refundsPaidOut().toPlainString()).append("); payments received: ")
          .append(f.paymentsReceived().toPlainString()).append('\n')
          .append("  Aging report as of ").append(result.agingDate()).append(": ")
          .append(f.agingTotal().toPlainString()).append('\n');
      if (nonZero(f.deferredRevenue()) || nonZero(f.toBeReleased())) {
        text.append("  Deferred-revenue account now: ").append(f.deferredRevenue().toPlainString())
            .append("; still to be released: ").append(f.toBeReleased().toPlainString()).append('\n');
      }
    }
    return cut(text.toString().strip(), "");
  }

  /** The listed differences, one a line, as the review form shows them (the rest: GET /api/month-end-closes/{id}). */
  static String differencesText(Reconciliation.Result result, long closeId) {
    String more = "\n… see GET /api/month-end-closes/" + closeId + " for all " + result.differenceCount();
    String text = result.differences().stream().map(d -> "• " + d.description()).collect(Collectors.joining("\n"));
    if (result.differences().size() < result.differenceCount()) {
      text += more;
    }
    return cut(text, more);
  }

  private static boolean nonZero(java.math.BigDecimal amount) {
    return amount != null && amount.signum() != 0;
  }

  private static String cut(String text, String more) {
    if (text.length() <= FORM_TEXT) {
      return text;
    }
    String tail = more.isEmpty() ? "\n…" : more;
    return text.substring(0, FORM_TEXT - tail.length()) + tail;
  }

  private static YearMonth parse(String period) {
    try {
      return YearMonth.parse(period.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("period", "must be a month as YYYY-MM, e.g. 2026-10");
    }
  }
}
