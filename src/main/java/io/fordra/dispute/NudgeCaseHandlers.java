package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import io.fordra.process.UserTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Nudge case handlers" (asyncBefore, retried): the objection still waits for its answer. */
@Component
class NudgeCaseHandlers implements JavaDelegate {

  private final DisputeService disputes;
  private final UserTasks tasks;

  public NudgeCaseHandlers(DisputeService disputes, UserTasks tasks) {
    this.disputes = disputes;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    disputes.nudge(InvoiceToCash.INVOICE_NUMBER.from(execution),
        tasks.assigneeEmail(execution.getProcessInstanceId(), InvoiceToCash.Elements.RESPOND_TO_OBJECTION));
  }
}
