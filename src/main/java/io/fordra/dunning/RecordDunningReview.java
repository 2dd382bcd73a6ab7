package io.fordra.dunning;

import io.fordra.invoice.InvoiceToCash;
import io.fordra.invoice.InvoiceToCash.ReviewDecision;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review dunning" completed: refuses an incomplete answer (the message shows in Tasklist and the task stays open),
 * records the decision on the invoice and tells the policy that the step was reviewed.
 */
@Component
class RecordDunningReview implements TaskListener {

  static final int MAX_POSTPONE_DAYS = 90;

  private final DunningService dunning;

  public RecordDunningReview(DunningService dunning) {
    this.dunning = dunning;
  }

  @Override
  public void notify(DelegateTask task) {
    String answer = InvoiceToCash.REVIEW_DECISION.from(task);
    ReviewDecision decision = Arrays.stream(ReviewDecision.values())
        .filter(d -> d.name().equals(answer)).findFirst()
        .orElseThrow(() -> new ProcessEngineException("Choose a decision: " + Arrays.toString(ReviewDecision.values())));
    if (decision == ReviewDecision.POSTPONE) {
      Long days = InvoiceToCash.POSTPONE_DAYS.from(task);
      if (days == null || days < 1 || days > MAX_POSTPONE_DAYS) {
        throw new ProcessEngineException("To postpone, give the number of days (1-" + MAX_POSTPONE_DAYS + ")");
      }
    }
    String comment = InvoiceToCash.REVIEW_COMMENT.from(task);
    String user = task.getAssignee() != null ? task.getAssignee()
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    dunning.recordReview(InvoiceToCash.INVOICE_NUMBER.from(task), decision.name(), comment, user);
    InvoiceToCash.REVIEWED.set(task, decision == ReviewDecision.CONTINUE);
  }
}
