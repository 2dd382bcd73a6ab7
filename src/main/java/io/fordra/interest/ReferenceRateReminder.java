package io.fordra.interest;

import io.fordra.customer.Country;
import io.fordra.process.ProcessVariable;

/**
 * The reference-rate-reminder process (processes/reference-rate.bpmn): a daily check finds each country's half-year
 * whose row is missing and due (fordra.interest.rate-reminder-days-before days before it starts, or started), and
 * starts one instance per country and half-year with the finance task "Enter the reference rate for 2026-H2", which
 * stays until the row exists: completed with the rate, or ended by ReferenceRateRecorded when the row came over
 * POST /api/interest-rates. Business key: reference-rate-SE-2026-H2.
 */
public final class ReferenceRateReminder {

  public static final String KEY = "reference-rate-reminder";
  public static final String RESOURCE = "processes/reference-rate.bpmn";

  /** Starts the reminder of one country's half-year (business key {@link #businessKey}). */
  public static final String RATE_MISSING = "ReferenceRateMissing";
  /** The row was recorded over the API: the task ends. */
  public static final String RATE_RECORDED = "ReferenceRateRecorded";

  public static final class Elements {
    public static final String START_DAILY = "Start_Daily";
    public static final String FIND_MISSING = "Task_FindMissingRates";
    public static final String END_CHECKED = "End_Checked";
    public static final String START_RATE_MISSING = "Start_RateMissing";
    public static final String ENTER_RATE = "Task_EnterRate";
    public static final String RECORDED_ELSEWHERE = "Boundary_RecordedElsewhere";
    public static final String END_RECORDED = "End_Recorded";
    public static final String END_RECORDED_ELSEWHERE = "End_RecordedElsewhere";

    private Elements() {}
  }

  /** SE or NO. */
  public static final ProcessVariable<String> COUNTRY = ProcessVariable.of("country", String.class);
  /** 2026-H2. */
  public static final ProcessVariable<String> HALF_YEAR = ProcessVariable.of("halfYear", String.class);
  /** The half-year's days and what the country's rate is, for the form. */
  public static final ProcessVariable<String> PERIOD_TEXT = ProcessVariable.of("ratePeriod", String.class);
  /** The answer: SE's reference rate, NO's forsinkelsesrente (text: Tasklist sends numbers untyped), the source. */
  public static final ProcessVariable<String> REFERENCE_RATE = ProcessVariable.of("referenceRate", String.class);
  public static final ProcessVariable<String> RATE = ProcessVariable.of("rate", String.class);
  public static final ProcessVariable<String> SOURCE = ProcessVariable.of("rateSource", String.class);
  /** How many reminders the daily check started. */
  public static final ProcessVariable<Integer> REMINDERS_STARTED = ProcessVariable.of("remindersStarted",
      Integer.class);

  public static String businessKey(Country country, HalfYear halfYear) {
    return "reference-rate-" + country + "-" + halfYear;
  }

  private ReferenceRateReminder() {}
}
