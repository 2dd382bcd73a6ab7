package io.fordra.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * "fordraReadiness" in /actuator/health/readiness (beside Spring Boot's readinessState): OUT_OF_SERVICE until
 * {@link Readiness} says ready, so a load balancer sends nothing to a node that would answer 503.
 */
class FordraReadinessHealthIndicator implements HealthIndicator {

  private final Readiness readiness;

  public FordraReadinessHealthIndicator(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public Health health() {
    return readiness.isReady() ? Health.up().build()
        : Health.outOfService().withDetail("waitingFor", readiness.missing().toString()).build();
  }
}
