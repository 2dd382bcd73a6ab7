package io.fordra.payment.file;

import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review entries kept aside" completed: what the person did is recorded on the file with who and when (the summary's
 * keptAsideReview; the note stays in the process history as keptAsideNote). No note: refused, the task stays open.
 */
@Component
class RecordKeptAsideReview implements TaskListener {

  private final PaymentFileService files;

  public RecordKeptAsideReview(PaymentFileService files) {
    this.files = files;
  }

  @Override
  public void notify(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = task.getAssignee() != null ? task.getAssignee() : auth == null ? null : auth.getUserId();
    try {
      files.recordKeptAsideReview(PaymentFileImport.PAYMENT_FILE_ID.from(task), user,
          PaymentFileImport.KEPT_ASIDE_NOTE.from(task));
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException(e.violations().stream().map(v -> "The note " + v.message())
          .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
    } catch (ConflictException e) {
      throw new ProcessEngineException(e.getMessage());
    }
  }
}
