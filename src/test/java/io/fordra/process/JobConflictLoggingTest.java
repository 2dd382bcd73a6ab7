package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 17, item 9: which job failures reach Camunda's WARN ENGINE-14006 and which are one INFO line. That a job
 * failing for good still ends in an incident is InvoiceDistributionProcessTest's (SMTP down: retries, then
 * the incident).
 */
@ExtendWith(OutputCaptureExtension.class)
class JobConflictLoggingTest {

  private final List<String> toCamunda = new ArrayList<>();
  private final ExecuteJobHelper.ExceptionLoggingHandler camunda = (jobId, failure) -> toCamunda.add(jobId);

  @Test
  void aRetriedOptimisticLockingConflictIsOneInfoLineAndNoWarning(CapturedOutput output) {
    var handler = new JobConflictLogging.ConflictsAtInfo(camunda, jobId -> true);

    handler.exceptionWhileExecutingJob("job-1", new OptimisticLockingException("ENGINE-03005 Entity was updated"));
    handler.exceptionWhileExecutingJob("job-2", new ProcessEngineException("wrapped",
        new OptimisticLockingException("ENGINE-03005 Entity was updated")));

    assertThat(toCamunda).isEmpty();
    assertThat(output.getAll()).contains("Job job-1 met a concurrent change of its process instance and runs again")
        .contains("Job job-2 met a concurrent change").doesNotContain("WARN").doesNotContain("ENGINE-14006");
  }

  @Test
  void aJobWhoseInstanceAnotherTransactionEndedIsOneInfoLine(CapturedOutput output) {
    var handler = new JobConflictLogging.ConflictsAtInfo(camunda, jobId -> false);

    handler.exceptionWhileExecutingJob("job-3", new NullValueException(
        "Cannot restore state of process instance p-1: list of executions is empty"));

    assertThat(toCamunda).isEmpty();
    assertThat(output.getAll()).contains("Job job-3 failed while another transaction ended its process instance")
        .doesNotContain("WARN");
  }

  @Test
  void aJobThatFailsForRealIsLoggedAsCamundaDoes(CapturedOutput output) {
    var handler = new JobConflictLogging.ConflictsAtInfo(camunda, jobId -> true);

    handler.exceptionWhileExecutingJob("job-4", new IllegalStateException("SMTP server refused the message"));
    var unsure = new JobConflictLogging.ConflictsAtInfo(camunda, jobId -> {
      throw new IllegalStateException("database gone");
    });
    unsure.exceptionWhileExecutingJob("job-5", new IllegalStateException("SMTP server refused the message"));

    assertThat(toCamunda).containsExactly("job-4", "job-5");
    assertThat(output.getAll()).doesNotContain("job-4").doesNotContain("job-5");
  }
}
