package io.fordra.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** Task names and due dates as Tasklist lists them (issue 15, item 9): no Spring, no engine. */
class TaskHeadingsTest {

  private final TaskHeadings headings = Headings.on(LocalDate.of(2026, 12, 23));

  @Test
  void theNameSaysWhatTheTaskIsAboutWithAmountsInTheSellersFormat() {
    DelegateTask task = task("Respond to objection");

    headings.name(task, "F-2026-0001", "Kund AB", headings.amount(new BigDecimal("2500"), "SEK"));

    verify(task).setName("Respond to objection — F-2026-0001, Kund AB, 2\u00a0500,00 SEK");
  }

  @Test
  void aNameGivenAgainReplacesTheDetailsAndBlankPartsAreLeftOut() {
    DelegateTask task = task("Match payment — old payer, 1,00 SEK");

    headings.name(task, "Ny Betalare", null, " ", "12,00 SEK");

    verify(task).setName("Match payment — Ny Betalare, 12,00 SEK");
  }

  @Test
  void aLongNameIsCutToWhatTheEngineStores() {
    DelegateTask task = task("Decide disputed claim");

    headings.name(task, "F-1", "X".repeat(400));

    verify(task).setName(org.mockito.ArgumentMatchers.argThat(name -> name.length() == TaskHeadings.MAX_NAME
        && name.startsWith("Decide disputed claim — F-1, XXX") && name.endsWith("…")));
  }

  /** 23 December 2026 is a Wednesday; 24, 25 and 26 December are bank holidays in Sweden, 27 a Sunday. */
  @Test
  void configuredWorkingDaysSkipWeekendsAndHolidays() {
    DelegateTask task = task("Review dunning of priority customer");

    headings.dueAsConfigured(task, new TaskForm("review-dunning", java.util.List.of(), java.util.List.of()) {});

    verify(task).setDueDate(Headings.endOf(LocalDate.of(2026, 12, 29)));
  }

  @Test
  void aFormWithoutConfiguredDaysIsRefusedWithThePropertyToSet() {
    TaskProperties none = new TaskProperties(Map.of());

    assertThatThrownBy(() -> none.dueInWorkingDays("review-dunning"))
        .hasMessageContaining("fordra.tasks.due-in-working-days.review-dunning");
  }

  @Test
  void workingDaysStartFromTheNextWorkingDayWhenTodayIsNotOne() {
    assertThat(WorkingDays.plus(LocalDate.of(2026, 12, 6), 0, Country.SE)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(WorkingDays.plus(LocalDate.of(2026, 12, 4), 1, Country.SE)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(WorkingDays.plus(LocalDate.of(2026, 5, 15), 1, Country.NO)).as("17 May is a Sunday in 2026")
        .isEqualTo(LocalDate.of(2026, 5, 18));
  }

  private static DelegateTask task(String name) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getName()).thenReturn(name);
    return task;
  }
}
