package io.fordra.interest;

import io.fordra.customer.Country;

/** The reference-rate-reminder process as the rate table sees it (its port); the adapter is the engine's. */
interface ReferenceRateReminders {

  /** The row of the country's half-year was recorded elsewhere (over the API): its open task, if any, ends. */
  void recorded(Country country, HalfYear halfYear);

  /** Starts the reminder of the country's half-year unless one waits already; whether it started one. */
  boolean remind(Country country, HalfYear halfYear);
}
