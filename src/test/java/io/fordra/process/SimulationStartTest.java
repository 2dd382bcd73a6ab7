package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulationStartTest {

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theEngineClockStartsAtTheConfiguredInstant() {
    Instant start = Instant.parse("2026-12-03T08:00:00Z");

    new SimulationStart(true, "2026-12-03T08:00:00Z").preInit(null);

    Instant first = ClockUtil.getCurrentTime().toInstant();
    assertThat(Duration.between(start, first)).isBetween(Duration.ZERO, Duration.ofSeconds(5));
  }

  @Test
  void noStartLeavesTheClockAlone() {
    new SimulationStart(true, "").preInit(null);

    assertThat(Duration.between(Instant.now(), ClockUtil.getCurrentTime().toInstant()).abs())
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aStartWithoutTheSimulationIsRefused() {
    assertThatThrownBy(() -> new SimulationStart(false, "2026-12-03T08:00:00Z").preInit(null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("fordra.simulation.enabled=true");
  }

  @Test
  void aStartThatIsNoInstantIsRefusedWithTheExample() {
    assertThatThrownBy(() -> new SimulationStart(true, "3 December").preInit(null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("2026-12-03T08:00:00Z");
  }
}
