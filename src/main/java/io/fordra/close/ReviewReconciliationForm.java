package io.fordra.close;

import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/** forms/review-reconciliation.form: the month's figures and differences (read-only), and finance's decision. */
@Component
public class ReviewReconciliationForm extends TaskForm {

  public ReviewReconciliationForm() {
    super("review-reconciliation",
        List.of(MonthEndClose.PERIOD, MonthEndClose.FIGURES_TEXT, MonthEndClose.DIFFERENCES_TEXT),
        List.of(MonthEndClose.DECISION, MonthEndClose.COMMENT));
  }
}
