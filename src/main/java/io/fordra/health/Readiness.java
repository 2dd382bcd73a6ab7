package io.fordra.health;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node may take requests: Tomcat answers several seconds before Camunda has deployed the process archive
 * (a POST /api/invoices then failed with "no processes deployed with key 'invoice-to-cash'"). Ready once every
 * condition has held; from then on for good (shutting down is Spring Boot's ReadinessState's business).
 */
class Readiness {

  private static final Logger log = LoggerFactory.getLogger(Readiness.class);

  /** What must have happened, in the order they are checked (the cheap ones first). */
  public enum Condition {
    PROCESS_ARCHIVE_DEPLOYED("the process archive is deployed"),
    JOB_EXECUTOR_STARTED("the job executor is started"),
    DATABASE_MIGRATED("the database migrations are applied");

    private final String description;

    Condition(String description) {
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private final Map<Condition, BooleanSupplier> checks;
  private final Set<Condition> met = EnumSet.noneOf(Condition.class);
  private volatile boolean ready;

  /** One check per condition; a check is asked until it first holds, then never again. */
  public Readiness(Map<Condition, BooleanSupplier> checks) {
    if (!checks.keySet().containsAll(EnumSet.allOf(Condition.class))) {
      throw new IllegalArgumentException("a check for every condition is needed, got " + checks.keySet());
    }
    this.checks = new LinkedHashMap<>(checks);
  }

  public boolean isReady() {
    if (ready) {
      return true;
    }
    synchronized (met) {
      for (Condition condition : Condition.values()) {
        if (!met.contains(condition)) {
          if (!checks.get(condition).getAsBoolean()) {
            return false;
          }
          met.add(condition);
        }
      }
      if (!ready) {
        ready = true;
        log.info("Fordra is ready: {}", met);
      }
      return true;
    }
  }

  /** The conditions not yet seen to hold (empty once ready). */
  public Set<Condition> missing() {
    isReady();
    synchronized (met) {
      return EnumSet.complementOf(EnumSet.copyOf(met.isEmpty() ? EnumSet.noneOf(Condition.class) : met));
    }
  }
}
