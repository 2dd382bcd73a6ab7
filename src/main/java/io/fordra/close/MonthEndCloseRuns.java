package io.fordra.close;

import java.time.YearMonth;

/**
 * The month-end-close process as the close service sees it (its port): the service decides and stores, the process
 * runs the steps. {@link EngineMonthEndCloseRuns} is the adapter to Camunda.
 */
interface MonthEndCloseRuns {

  /** Starts the close of the month by hand for the stored close; the id of the process instance that runs it. */
  String startByHand(YearMonth month, long closeId);
}
