package io.fordra.process;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code fordra.simulation.start}: the simulation clock starts at this instant instead of now, so that a walk through
 * dated examples (the README's, scripts/readme-walk) gives the same answers whenever it is run. Set before the engine
 * is built, so the timer start events (reminder runs, month-end close) are scheduled from it. Only with the simulation
 * on, and meant for a fresh data folder: the clock then runs on from the start like the real one.
 */
@Component
public class SimulationStart extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(SimulationStart.class);

  private final boolean enabled;
  private final String start;

  public SimulationStart(@Value("${fordra.simulation.enabled:false}") boolean enabled,
                         @Value("${fordra.simulation.start:}") String start) {
    this.enabled = enabled;
    this.start = start;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (start == null || start.isBlank()) {
      return;
    }
    if (!enabled) {
      throw new IllegalStateException("fordra.simulation.start is set but the simulation clock is off: set "
          + "fordra.simulation.enabled=true as well, or leave the start out");
    }
    Instant at;
    try {
      at = Instant.parse(start.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("fordra.simulation.start '" + start + "' is not an instant such as "
          + "2026-12-03T08:00:00Z", e);
    }
    ClockUtil.offset(Duration.between(Instant.now(), at).toMillis());
    log.info("Simulation clock starts at {} (fordra.simulation.start)", at);
  }
}
