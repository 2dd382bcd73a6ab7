package io.fordra.interest;

import io.fordra.task.TaskForm;
import java.util.List;
import org.springframework.stereotype.Component;

/** forms/enter-reference-rate.form: the country and half-year (read-only), and the rate with its source. */
@Component
public class ReferenceRateForm extends TaskForm {

  public ReferenceRateForm() {
    super("enter-reference-rate",
        List.of(ReferenceRateReminder.COUNTRY, ReferenceRateReminder.HALF_YEAR, ReferenceRateReminder.PERIOD_TEXT),
        List.of(ReferenceRateReminder.REFERENCE_RATE, ReferenceRateReminder.RATE, ReferenceRateReminder.SOURCE));
  }
}
