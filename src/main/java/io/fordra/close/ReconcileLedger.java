package io.fordra.close;

import io.fordra.process.FordraClock;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * month-end-close "Reconcile ledger": reconciles the month and stores the outcome. A close the timer started closes
 * the month before and gets its row (and business key) here; one started by hand names both.
 */
@Component
class ReconcileLedger implements JavaDelegate {

  private final MonthEndCloses closes;
  private final FordraClock clock;

  public ReconcileLedger(MonthEndCloses closes, FordraClock clock) {
    this.closes = closes;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String period = period(execution, clock.today());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(MonthEndClose.businessKey(period));
    }
    Long closeId = MonthEndClose.CLOSE_ID.from(execution);
    if (closeId == null) {
      closeId = closes.open(YearMonth.parse(period), execution.getProcessInstanceId(), "timer");
      MonthEndClose.CLOSE_ID.set(execution, closeId);
    }
    Reconciliation.Result result = closes.reconcile(closeId);
    MonthEndClose.DIFFERENCES.set(execution, result.differenceCount());
  }

  /**
   * The month the close closes: as started by hand, or (the timer's close) the month before today, then kept in
   * {@link MonthEndClose#PERIOD} for the steps after.
   */
  static String period(org.camunda.bpm.engine.delegate.DelegateExecution execution, java.time.LocalDate today) {
    String period = MonthEndClose.PERIOD.from(execution);
    if (period == null || period.isBlank()) {
      period = java.time.YearMonth.from(today).minusMonths(1).toString();
      MonthEndClose.PERIOD.set(execution, period);
    }
    return period;
  }
}
