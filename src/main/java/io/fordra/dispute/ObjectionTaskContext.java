package io.fordra.dispute;

import io.fordra.process.InvoiceToCash;
import java.time.LocalTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Respond to objection" / "Decide disputed claim" created: what the case handler must see (task-local, for the
 * form), and the reply deadline as the task's due date so that Tasklist lists it.
 */
@Component
class ObjectionTaskContext implements TaskListener {

  private final DisputeService disputes;
  private final io.fordra.process.FordraClock clock;

  public ObjectionTaskContext(DisputeService disputes, io.fordra.process.FordraClock clock) {
    this.disputes = disputes;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String invoiceNumber = InvoiceToCash.INVOICE_NUMBER.from(task);
    task.setVariablesLocal(disputes.taskContext(invoiceNumber));
    task.setVariableLocal(InvoiceToCash.INVOICE_NUMBER.name(), invoiceNumber);
    if (InvoiceToCash.Elements.RESPOND_TO_OBJECTION.equals(task.getTaskDefinitionKey())) {
      task.setDueDate(clock.engineDate(disputes.replyDeadline(invoiceNumber), LocalTime.of(23, 59)));
    }
  }
}
