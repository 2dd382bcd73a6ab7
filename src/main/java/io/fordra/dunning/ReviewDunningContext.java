package io.fordra.dunning;

import io.fordra.process.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Review dunning" created: puts what the case handler needs to decide on the task (task-local, for the form). */
@Component
class ReviewDunningContext implements TaskListener {

  private final DunningService dunning;

  public ReviewDunningContext(DunningService dunning) {
    this.dunning = dunning;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariablesLocal(dunning.reviewContext(InvoiceToCash.INVOICE_NUMBER.from(task)));
  }
}
