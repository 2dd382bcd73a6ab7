package io.fordra.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fordra.customer.CustomerService;
import io.fordra.invoice.InvoiceService;
import io.fordra.process.FordraClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an invoice's next reminder run is, by whatever calendar the decision reminder-runs gives. */
class DunningScheduleTest {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private final FordraClock clock = mock(FordraClock.class);
  private final DunningSchedule schedule = new DunningSchedule(mock(InvoiceService.class),
      mock(CustomerService.class), mock(ReminderRuns.class), clock);

  @Test
  void theFirstRunAtOrAfterNowOnOrAfterTheEarliestDay() {
    when(clock.zone()).thenReturn(STOCKHOLM);
    List<ReminderRuns.Run> calendar = List.of(run(15, "06:00"), run(1, "06:00"));

    assertThat(schedule.nextRun(at(2026, 4, 2, "09:00"), LocalDate.of(2026, 4, 2), calendar))
        .isEqualTo(at(2026, 4, 15, "06:00"));
    assertThat(schedule.nextRun(at(2026, 4, 15, "06:00"), LocalDate.of(2026, 4, 2), calendar))
        .as("a run at this very moment").isEqualTo(at(2026, 4, 15, "06:00"));
    assertThat(schedule.nextRun(at(2026, 4, 15, "06:01"), LocalDate.of(2026, 4, 2), calendar))
        .isEqualTo(at(2026, 5, 1, "06:00"));
    assertThat(schedule.nextRun(at(2026, 4, 2, "09:00"), LocalDate.of(2026, 4, 16), calendar))
        .as("not before the earliest day the policy allows").isEqualTo(at(2026, 5, 1, "06:00"));
  }

  @Test
  void twoRunsOnOneDayComeInTheirOrderAndADayAMonthLacksIsSkipped() {
    when(clock.zone()).thenReturn(STOCKHOLM);
    List<ReminderRuns.Run> calendar = List.of(run(31, "14:00"), run(31, "08:00"));

    assertThat(schedule.nextRun(at(2026, 3, 31, "09:00"), LocalDate.of(2026, 3, 1), calendar))
        .isEqualTo(at(2026, 3, 31, "14:00"));
    assertThat(schedule.nextRun(at(2026, 4, 1, "09:00"), LocalDate.of(2026, 4, 1), calendar))
        .as("April has no 31st").isEqualTo(at(2026, 5, 31, "08:00"));
  }

  @Test
  void aCalendarWithoutRunsStopsTheStepWithWhatToDeploy() {
    when(clock.zone()).thenReturn(STOCKHOLM);
    assertThatThrownBy(() -> schedule.nextRun(at(2026, 4, 1, "09:00"), LocalDate.of(2026, 4, 1), List.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("processes/reminder-runs.dmn");
  }

  private static ReminderRuns.Run run(int day, String time) {
    return new ReminderRuns.Run(day, LocalTime.parse(time));
  }

  private static Instant at(int year, int month, int day, String time) {
    return LocalDate.of(year, month, day).atTime(LocalTime.parse(time)).atZone(STOCKHOLM).toInstant();
  }
}
