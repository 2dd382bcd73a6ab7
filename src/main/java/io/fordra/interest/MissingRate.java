package io.fordra.interest;

import io.fordra.customer.Country;
import java.time.LocalDate;

/** A country has no late-payment rate from a day (up to today) on which interest may run. */
public record MissingRate(Country country, LocalDate from) {

  public String message() {
    return "no rate for " + country + " from " + from;
  }
}
