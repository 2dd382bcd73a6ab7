package io.fordra.interest;

import io.fordra.kernel.InvalidRequestException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Enter the reference rate" completed: the row is recorded through the same checks as POST /api/interest-rates,
 * by the person who completed the task. A refused answer is shown in Tasklist; the task stays open, nothing is stored.
 */
@Component
class RecordReferenceRate implements TaskListener {

  private final InterestRateTable table;

  RecordReferenceRate(InterestRateTable table) {
    this.table = table;
  }

  @Override
  public void notify(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = task.getAssignee() != null ? task.getAssignee() : auth == null ? null : auth.getUserId();
    HalfYear halfYear = HalfYear.parse(ReferenceRateReminder.HALF_YEAR.from(task));
    try {
      table.recordFromTask(new InterestRateRequest(ReferenceRateReminder.COUNTRY.from(task), halfYear.start(),
          halfYear.end(), number("referenceRate", ReferenceRateReminder.REFERENCE_RATE.from(task, null)),
          number("rate", ReferenceRateReminder.RATE.from(task, null)),
          ReferenceRateReminder.SOURCE.from(task, null)), user);
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException(e.violations().stream().map(v -> v.field() + " " + v.message())
          .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
    } catch (io.fordra.kernel.ConflictException e) {
      throw new ProcessEngineException(e.getMessage());
    }
  }

  /** Tasklist sends what was typed: "2,5" as a Swede writes it is 2.5. */
  private static BigDecimal number(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(',', '.').replace("%", "").strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field, "must be a number in percent, e.g. 2.50");
    }
  }
}
