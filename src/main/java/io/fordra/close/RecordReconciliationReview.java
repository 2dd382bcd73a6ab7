package io.fordra.close;

import io.fordra.kernel.InvalidRequestException;
import io.fordra.process.UserTasks;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review reconciliation differences" completed: records who decided what, and why. A refused answer (no decision,
 * no comment) is shown in Tasklist; the task stays open and nothing is recorded.
 */
@Component
class RecordReconciliationReview implements TaskListener {

  private final MonthEndCloses closes;
  private final UserTasks tasks;

  public RecordReconciliationReview(MonthEndCloses closes, UserTasks tasks) {
    this.closes = closes;
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = task.getAssignee() != null ? task.getAssignee() : auth == null ? null : auth.getUserId();
    String decision = MonthEndClose.DECISION.from(task);
    String comment = MonthEndClose.COMMENT.from(task);
    try {
      closes.recordDecision(MonthEndClose.CLOSE_ID.from(task), decision, comment, user);
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException(e.violations().stream()
          .map(v -> (v.field().equals(MonthEndClose.DECISION.name()) ? "Decision: " : "") + v.message())
          .map(m -> Character.toUpperCase(m.charAt(0)) + m.substring(1))
          .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
    }
    tasks.comment(task.getId(), task.getProcessInstanceId(),
        decision + ": " + comment.strip());
  }
}
