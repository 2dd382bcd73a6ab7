package io.fordra.close;

import io.fordra.process.ProcessVariable;

/**
 * The month-end-close process (processes/month-end-close.bpmn): monthly on the first working day (timer on the 1st,
 * then a wait until the first working day), or by hand (message RunMonthEndClose, POST /api/month-end-closes):
 * releases the month's deferred revenue, then reconciles the ledger with the invoices, the payments, the aging
 * report and the deferred revenue still to be released; differences go to finance.
 */
public final class MonthEndClose {

  public static final String KEY = "month-end-close";
  public static final String RESOURCE = "processes/month-end-close.bpmn";

  /** Starts a close by hand (the monthly timer starts the others). */
  public static final String RUN_BY_HAND = "RunMonthEndClose";

  public static final class Elements {
    public static final String START_MONTHLY = "Start_Monthly";
    public static final String START_BY_HAND = "Start_ByHand";
    public static final String WAIT_FIRST_WORKING_DAY = "Timer_FirstWorkingDay";
    public static final String RELEASE_DEFERRED_REVENUE = "Task_ReleaseDeferredRevenue";
    public static final String RECONCILE = "Task_ReconcileLedger";
    public static final String REVIEW = "Task_ReviewDifferences";
    public static final String RECORD_CLOSE = "Task_RecordClose";
    public static final String END = "End_Closed";

    private Elements() {}
  }

  /** The business key of a close: the month it closes. */
  public static String businessKey(String period) {
    return "month-end-close-" + period;
  }

  /** The month closed (YYYY-MM); the previous month when the timer starts the close. */
  public static final ProcessVariable<String> PERIOD = ProcessVariable.of("period", String.class);
  /** The close's row in fordra_month_end_close (GET /api/month-end-closes/{id}). */
  public static final ProcessVariable<Long> CLOSE_ID = ProcessVariable.of("closeId", Long.class);
  /** How many release entries of deferred revenue the close booked (one per invoice and month). */
  public static final ProcessVariable<Integer> RELEASES = ProcessVariable.of("revenueReleases", Integer.class);
  /** How many differences the reconciliation found (all of them, not only those listed). */
  public static final ProcessVariable<Integer> DIFFERENCES = ProcessVariable.of("differences", Integer.class);

  /** What a person decides in "Review reconciliation differences" (forms/review-reconciliation.form). */
  public enum Decision { ACCEPTED, CORRECTION_NEEDED }

  public static final ProcessVariable<String> DECISION = ProcessVariable.of("reconciliationDecision", String.class);
  public static final ProcessVariable<String> COMMENT = ProcessVariable.of("reconciliationComment", String.class);

  /** What the review form shows (task-local, read-only). */
  public static final ProcessVariable<String> FIGURES_TEXT = ProcessVariable.of("reconciliationFigures", String.class);
  public static final ProcessVariable<String> DIFFERENCES_TEXT =
      ProcessVariable.of("reconciliationDifferences", String.class);

  private MonthEndClose() {}
}
