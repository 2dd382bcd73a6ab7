package io.fordra.dispute;

import io.fordra.invoice.InvoiceToCash;
import io.fordra.process.UserTasks;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Decide disputed claim" completed: conciliation board or closure, recorded; a bad answer stays in Tasklist. */
@Component
class RecordDisputedClaimDecision implements TaskListener {

  private final DisputeService disputes;
  private final UserTasks tasks;

  public RecordDisputedClaimDecision(DisputeService disputes, UserTasks tasks) {
    this.disputes = disputes;
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = task.getAssignee() != null ? task.getAssignee() : auth == null ? null : auth.getUserId();
    try {
      disputes.decideDisputedClaim(InvoiceToCash.INVOICE_NUMBER.from(task),
          InvoiceToCash.DISPUTED_CLAIM_DECISION.from(task), InvoiceToCash.DECISION_COMMENT.from(task), user);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(e.getMessage());
    }
    tasks.comment(task.getId(), task.getProcessInstanceId(),
        InvoiceToCash.DISPUTED_CLAIM_DECISION.from(task) + ": " + InvoiceToCash.DECISION_COMMENT.from(task));
  }
}
