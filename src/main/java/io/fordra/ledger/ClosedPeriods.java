package io.fordra.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The months the month-end close has closed (close.MonthEndCloses knows them). A closed month takes no new bookings:
 * a late document is booked on the first open day after it, as accountants do, so that a closed month's figures
 * (and its SIE file) never change.
 */
public interface ClosedPeriods {

  /** The day a booking dated {@code date} goes on: that day when its month is open, else the first day after. */
  LocalDate firstOpenDay(LocalDate date);

  /** The day the month's close was recorded (or reviewed), while the month stays closed; empty for an open month. */
  Optional<LocalDate> closedOn(YearMonth month);
}
