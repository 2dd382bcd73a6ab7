package io.fordra.health;

import io.fordra.interest.InterestRateTable;
import io.fordra.interest.MissingRate;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "interestRateCoverage" in /actuator/health (not in the readiness group): always UP, since a missing rate stops only
 * the interest for its days, not Fordra; its detail names each country without a rate from a day up to today
 * ("no rate for SE from 2026-07-01"), which finance enters over POST /api/interest-rates or the Tasklist task.
 */
@Component
class InterestRateCoverageHealthIndicator implements HealthIndicator {

  private final InterestRateTable rates;

  InterestRateCoverageHealthIndicator(InterestRateTable rates) {
    this.rates = rates;
  }

  @Override
  public Health health() {
    var missing = rates.missing().stream().map(MissingRate::message).toList();
    return Health.up().withDetail("missing", missing).build();
  }
}
