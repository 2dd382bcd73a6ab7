package io.fordra.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.interest.InterestRateTable;
import io.fordra.interest.MissingRate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** A missing late-payment rate is said, never made a reason to be down or not ready. */
class InterestRateCoverageHealthIndicatorTest {

  private final InterestRateTable rates = mock(InterestRateTable.class);
  private final InterestRateCoverageHealthIndicator indicator = new InterestRateCoverageHealthIndicator(rates);

  @Test
  void upWithTheCountriesWithoutARate() {
    when(rates.missing()).thenReturn(List.of(new MissingRate(Country.SE, LocalDate.of(2026, 7, 1))));
    var health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("missing", List.of("no rate for SE from 2026-07-01"));

    when(rates.missing()).thenReturn(List.of());
    assertThat(indicator.health().getDetails()).containsEntry("missing", List.of());
  }
}
