package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import io.fordra.process.UserTasks;
import io.fordra.task.TasklistLinks;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-to-cash "Nudge case handlers" (asyncBefore, retried): the objection still waits for its answer. The mail
 * links to "Respond to objection" in Tasklist, or to Tasklist itself where this instance has no such task open.
 */
@Component
class NudgeCaseHandlers implements JavaDelegate {

  private final DisputeService disputes;
  private final UserTasks tasks;
  private final TasklistLinks links;

  public NudgeCaseHandlers(DisputeService disputes, UserTasks tasks, TasklistLinks links) {
    this.disputes = disputes;
    this.tasks = tasks;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<UserTasks.OpenTask> respond = tasks.openTask(execution.getProcessInstanceId(),
        InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    disputes.nudge(InvoiceToCash.INVOICE_NUMBER.from(execution),
        respond.map(UserTasks.OpenTask::assigneeEmail).orElse(null),
        respond.map(t -> links.task(t.id())).orElse(links.tasklist()));
  }
}
