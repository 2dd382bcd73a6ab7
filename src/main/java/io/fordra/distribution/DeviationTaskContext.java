package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Correct distribution deviation" created: puts what the case handler needs on the task (task-local, for the form). */
@Component
class DeviationTaskContext implements TaskListener {

  private final DeviationService deviations;

  public DeviationTaskContext(DeviationService deviations) {
    this.deviations = deviations;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariablesLocal(deviations.taskContext(InvoiceDistribution.DOCUMENT_ID.from(task),
        InvoiceDistribution.FAILED_CHANNEL.from(task), InvoiceDistribution.DEVIATION_REASON.from(task)));
  }
}
