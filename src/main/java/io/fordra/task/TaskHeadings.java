package io.fordra.task;

import io.fordra.invoice.Money;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What Tasklist's list shows of a task (issue 15, item 9): its name says what it is about ("Respond to objection —
 * F-2026-0001, Kund AB, 2 500,00 SEK", amounts as the seller's staff write them) and it has a due date, so the list
 * can be sorted by it. Each task's create listener calls this with what it knows.
 */
@Component
public class TaskHeadings {

  /** ACT_RU_TASK.NAME_ holds 255 characters. */
  static final int MAX_NAME = 255;
  static final String SEPARATOR = " — ";
  /** Due at the end of the day: a task due today is not overdue before the day is over. */
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  private final SellerProperties seller;
  private final FordraClock clock;
  private final TaskProperties properties;

  public TaskHeadings(SellerProperties seller, FordraClock clock, TaskProperties properties) {
    this.seller = seller;
    this.clock = clock;
    this.properties = properties;
  }

  /** Names the task "model name — about, about, …" (blank parts left out). */
  public void name(DelegateTask task, String... about) {
    String base = task.getName() == null ? "" : task.getName();
    int earlier = base.indexOf(SEPARATOR);
    if (earlier >= 0) {
      base = base.substring(0, earlier);
    }
    String details = Arrays.stream(about).filter(Objects::nonNull).filter(s -> !s.isBlank())
        .collect(Collectors.joining(", "));
    String name = details.isEmpty() ? base : base + SEPARATOR + details;
    task.setName(name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…");
  }

  /** An amount as the seller's staff read it: "2 500,00 SEK" (sv, nb), "2,500.00 SEK" (en). */
  public String amount(BigDecimal amount, String currency) {
    return Money.format(amount, seller.country().language()) + " " + currency;
  }

  /** Due at the end of that day (Fordra's time zone). */
  public void dueOn(DelegateTask task, LocalDate day) {
    task.setDueDate(clock.engineDate(day, END_OF_DAY));
  }

  /** Due the configured number of working days (fordra.tasks.due-in-working-days.&lt;form id&gt;) after today. */
  public void dueAsConfigured(DelegateTask task, TaskForm form) {
    dueOn(task, WorkingDays.plus(clock.today(), properties.dueInWorkingDays(form.id()), seller.country()));
  }
}
