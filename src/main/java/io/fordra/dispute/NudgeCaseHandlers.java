package io.fordra.dispute;

import io.fordra.process.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Nudge case handlers" (asyncBefore, retried): the objection still waits for its answer. */
@Component
class NudgeCaseHandlers implements JavaDelegate {

  private final DisputeService disputes;

  public NudgeCaseHandlers(DisputeService disputes) {
    this.disputes = disputes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var services = execution.getProcessEngineServices();
    Task task = services.getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(InvoiceToCash.Elements.RESPOND_TO_OBJECTION).singleResult();
    String assigneeEmail = null;
    if (task != null && task.getAssignee() != null) {
      User user = services.getIdentityService().createUserQuery().userId(task.getAssignee()).singleResult();
      assigneeEmail = user == null ? null : user.getEmail();
    }
    disputes.nudge(InvoiceToCash.INVOICE_NUMBER.from(execution), assigneeEmail);
  }
}
