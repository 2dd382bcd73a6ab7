package io.fordra.dunning;

import io.fordra.customer.Country;
import java.time.LocalTime;
import java.util.List;

/**
 * The reminder-run calendar that a process owner keeps in processes/reminder-runs.dmn: read each time an invoice
 * starts waiting for its next run, so a newly deployed table applies without a restart.
 */
interface ReminderRuns {

  /** The runs of a month for a debtor in this country: each a day of the month and a time of day. */
  List<Run> of(Country country);

  record Run(int dayOfMonth, LocalTime time) {}
}
