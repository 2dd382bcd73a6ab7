package io.fordra.process;

import io.fordra.kernel.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fordra's one source of "now": the engine clock, so that domain dates and timers agree when tests or the
 * simulation move time.
 */
@Component
public class FordraClock implements BusinessClock {

  private final ZoneId zone;

  public FordraClock(@Value("${fordra.time-zone:Europe/Stockholm}") ZoneId zone) {
    this.zone = zone;
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** A date and time of day in Fordra's zone, as the engine's timer expressions want it. */
  public Date engineDate(LocalDate date, LocalTime time) {
    return Date.from(date.atTime(time).atZone(zone).toInstant());
  }
}
