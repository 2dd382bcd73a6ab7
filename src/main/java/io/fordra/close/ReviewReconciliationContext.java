package io.fordra.close;

import io.fordra.task.TaskHeadings;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review reconciliation differences" created: the figures and the listed differences, on the task (task-local, for
 * the form; the close itself keeps them all); named after the period, due in the configured working days.
 */
@Component
class ReviewReconciliationContext implements TaskListener {

  private final MonthEndCloses closes;
  private final ReviewReconciliationForm form;
  private final TaskHeadings headings;

  public ReviewReconciliationContext(MonthEndCloses closes, ReviewReconciliationForm form,
                                     TaskHeadings headings) {
    this.closes = closes;
    this.form = form;
    this.headings = headings;
  }

  @Override
  public void notify(DelegateTask task) {
    long closeId = MonthEndClose.CLOSE_ID.from(task);
    MonthEndCloseView close = closes.get(closeId);
    Reconciliation.Result result = new Reconciliation.Result(java.time.YearMonth.parse(close.period()),
        close.agingDate(), close.figures(), close.differenceCount(), close.differences());
    form.values()
        .put(MonthEndClose.FIGURES_TEXT, MonthEndCloses.figuresText(result))
        .put(MonthEndClose.DIFFERENCES_TEXT, MonthEndCloses.differencesText(result, closeId))
        .showOn(task);
    BigDecimal largest = close.differences().stream().map(d -> d.difference().abs()).max(BigDecimal::compareTo)
        .orElse(BigDecimal.ZERO);
    task.setDescription(close.differenceCount() + " reconciliation difference"
        + (close.differenceCount() == 1 ? "" : "s") + " in " + close.period() + " (largest "
        + largest.toPlainString() + ")");
    headings.name(task, close.period(), close.differenceCount() + (close.differenceCount() == 1 ? " difference"
        : " differences"));
    headings.dueAsConfigured(task, form);
  }
}
