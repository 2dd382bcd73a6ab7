package io.fordra.interest;

import java.time.YearMonth;

/** The interest-invoicing process as POST /api/interest-invoicing sees it (its port); the adapter is the engine's. */
interface InterestInvoicingRuns {

  /** Starts a run by hand for the month (null: the month before the current one); the process instance's id. */
  String startByHand(YearMonth month);
}
