package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import io.fordra.process.UserTasks;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Respond to objection" completed: an answer that does not fit is refused, the message shows in Tasklist. */
@Component
class CheckObjectionAnswer implements TaskListener {

  private final DisputeService disputes;
  private final UserTasks tasks;

  public CheckObjectionAnswer(DisputeService disputes, UserTasks tasks) {
    this.disputes = disputes;
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      disputes.checkAnswer(InvoiceToCash.INVOICE_NUMBER.from(task), InvoiceToCash.OBJECTION_DECISION.from(task),
          InvoiceToCash.CREDIT_AMOUNT.from(task), InvoiceToCash.REPLY_TEXT.from(task));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(e.getMessage());
    }
    // The written dialogue is evidence: kept as a task comment in the engine's history as well.
    tasks.comment(task.getId(), task.getProcessInstanceId(),
        InvoiceToCash.OBJECTION_DECISION.from(task) + ": " + InvoiceToCash.REPLY_TEXT.from(task));
  }
}
