package io.fordra.close;

import io.fordra.ledger.Ledger;
import io.fordra.process.FordraClock;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * month-end-close "Release deferred revenue", before the reconciliation: the month's shares of periodised invoice
 * lines (and any earlier month's still unreleased) go from the deferred-revenue account to revenue, dated in their
 * month, while that month is still open. Each share once per line and month: run again, it releases nothing more.
 * A close the timer started closes the month before (as "Reconcile ledger" then finds it).
 */
@Component
class ReleaseDeferredRevenue implements JavaDelegate {

  private final Ledger ledger;
  private final FordraClock clock;

  ReleaseDeferredRevenue(Ledger ledger, FordraClock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String period = ReconcileLedger.period(execution, clock.today());
    Ledger.Released released = ledger.releaseDeferredRevenue(YearMonth.parse(period));
    MonthEndClose.RELEASES.set(execution, released.entries());
  }
}
