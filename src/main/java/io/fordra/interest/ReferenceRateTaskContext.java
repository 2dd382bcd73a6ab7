package io.fordra.interest;

import io.fordra.process.FordraClock;
import io.fordra.task.TaskHeadings;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Enter the reference rate for 2026-H2" created: named after the half-year, what to enter shown on the form, due
 * the day before the half-year starts (today when it has started).
 */
@Component
class ReferenceRateTaskContext implements TaskListener {

  private final ReferenceRateForm form;
  private final TaskHeadings headings;
  private final FordraClock clock;

  ReferenceRateTaskContext(ReferenceRateForm form, TaskHeadings headings, FordraClock clock) {
    this.form = form;
    this.headings = headings;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String country = ReferenceRateReminder.COUNTRY.from(task);
    HalfYear halfYear = HalfYear.parse(ReferenceRateReminder.HALF_YEAR.from(task));
    String what = "SE".equals(country)
        ? "Riksbanken's reference rate (the rate is the reference rate + 8 percentage points, räntelagen 6 §)"
        : "the forsinkelsesrente set by Finansdepartementet (forsinkelsesrenteloven § 3)";
    form.values().put(ReferenceRateReminder.PERIOD_TEXT, country + ", " + halfYear.start() + " – " + halfYear.end()
        + ": " + what).showOn(task);
    task.setName("Enter the reference rate for " + halfYear + " (" + country + ")");
    task.setDescription("No late-payment rate for " + country + " from " + halfYear.start()
        + " yet: interest for those days cannot be invoiced until it is entered");
    java.time.LocalDate due = halfYear.start().minusDays(1);
    headings.dueOn(task, due.isBefore(clock.today()) ? clock.today() : due);
  }
}
