package io.fordra.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shipped reminder-run calendar (processes/reminder-runs.dmn): the 1st and the 15th at 06:00, SE and NO. */
class ReminderRunsDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision calendar;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = ReminderRunsDecisionTest.class.getResourceAsStream("/processes/reminder-runs.dmn")) {
      calendar = dmn.parseDecision(EngineReminderRuns.DECISION, in);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SE", "NO"})
  void theFirstAndTheFifteenthAtSix(String country) {
    List<ReminderRuns.Run> runs = dmn.evaluateDecisionTable(calendar,
            Variables.createVariables().putValue("country", country)).getResultList().stream()
        .map(EngineReminderRuns::run).toList();
    assertThat(runs).containsExactly(new ReminderRuns.Run(1, LocalTime.of(6, 0)),
        new ReminderRuns.Run(15, LocalTime.of(6, 0)));
  }

  @Test
  void aRowTheScheduleCannotUseIsNamed() {
    assertThatThrownBy(() -> EngineReminderRuns.run(Map.of("dayOfMonth", 32, "runTime", "06:00")))
        .hasMessage("Decision reminder-runs: dayOfMonth 32 is not a day of the month (1-31)");
    assertThatThrownBy(() -> EngineReminderRuns.run(Map.of("dayOfMonth", 5, "runTime", "6 o'clock")))
        .hasMessage("Decision reminder-runs: runTime 6 o'clock is not a time of day (HH:mm)");
  }
}
