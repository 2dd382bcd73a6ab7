package io.fordra.process;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Moves the engine clock forward for process owners' trials and acceptance tests, then wakes the job executor so
 * that timers now due fire at once. One node only: the offset lives in this JVM (the start-up guard refuses the
 * simulation on PostgreSQL, where several nodes may run).
 */
@Component
public class SimulationClock {

  private final ProcessEngineConfigurationImpl engine;
  private final FordraClock clock;

  public SimulationClock(ProcessEngineConfiguration engine, FordraClock clock) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.clock = clock;
  }

  /** Advances by an ISO-8601 period or duration ("P15D", "PT6H"); time never goes back. */
  public synchronized Instant advance(String amount) {
    Duration step = parse(amount);
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("advance must be a positive ISO-8601 period or duration, e.g. P15D");
    }
    long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis() + step.toMillis();
    ClockUtil.offset(offset);
    if (engine.getJobExecutor() != null) {
      engine.getJobExecutor().jobWasAdded();
    }
    return clock.now();
  }

  public Instant now() {
    return clock.now();
  }

  static Duration parse(String amount) {
    if (amount == null || amount.isBlank()) {
      throw new IllegalArgumentException("advance is required, e.g. P15D");
    }
    try {
      if (amount.contains("T")) {
        return Duration.parse(amount);
      }
      Period period = Period.parse(amount);
      if (period.getMonths() != 0 || period.getYears() != 0) {
        throw new IllegalArgumentException("advance in days or weeks (P45D, P6W), not months or years");
      }
      return Duration.ofDays(period.getDays());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + amount + "' is not an ISO-8601 period or duration such as P15D or PT6H");
    }
  }
}
