package io.fordra.interest;

import io.fordra.customer.Country;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of the late-payment rate table (GET /api/interest-rates): the rate of a country for a half-year, for SE with
 * Riksbanken's reference rate it is computed from (rate = reference + 8, räntelagen 6 §), where the figure comes from,
 * and who recorded it when ("migration" for the rows shipped with Fordra).
 */
public record InterestRate(Country country, LocalDate validFrom, LocalDate validTo, BigDecimal referenceRate,
                           BigDecimal rate, String source, String recordedBy, Instant recordedAt) {

  public String halfYear() {
    return HalfYear.of(validFrom).toString();
  }
}
