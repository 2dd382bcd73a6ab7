package io.fordra.process;

import java.util.function.Predicate;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Job failures that are only a concurrent change of the same process instance, logged as one INFO line instead of
 * Camunda's WARN ENGINE-14006 (one per conflict: 49 in a 2 000-letter burst): nothing for an operator to do.
 * <ul>
 *   <li>an OptimisticLockingException: the job executor runs the job again at once, its retries unchanged (Camunda's
 *   JobRetryCmd does not count it);</li>
 *   <li>any failure of a job that no longer exists afterwards: another transaction ended its process instance (a
 *   payment in full ended the follow-up while its letter was being sent) and the job went with it; the engine may
 *   then have read the tree half gone ("Cannot restore state of process instance ...").</li>
 * </ul>
 * Every other failure is logged as Camunda does (WARN with the stack trace), its retries count down, and the last one
 * ends in an incident, as before.
 */
@Component
class JobConflictLogging extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(JobConflictLogging.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // JVM-wide in Camunda; each engine (tests start several, one after another) answers for its own jobs.
    ExecuteJobHelper.ExceptionLoggingHandler camunda = ExecuteJobHelper.LOGGING_HANDLER instanceof ConflictsAtInfo ours
        ? ours.camunda() : ExecuteJobHelper.LOGGING_HANDLER;
    ExecuteJobHelper.LOGGING_HANDLER = new ConflictsAtInfo(camunda,
        jobId -> configuration.getManagementService().createJobQuery().jobId(jobId).count() > 0);
  }

  /** Whether the failure is an optimistic locking conflict, anywhere in its cause chain. */
  static boolean isOptimisticLocking(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  /** Conflicts at INFO; everything else to Camunda's handler. */
  record ConflictsAtInfo(ExecuteJobHelper.ExceptionLoggingHandler camunda, Predicate<String> jobExists)
      implements ExecuteJobHelper.ExceptionLoggingHandler {

    @Override
    public void exceptionWhileExecutingJob(String jobId, Throwable failure) {
      if (isOptimisticLocking(failure)) {
        log.info("Job {} met a concurrent change of its process instance and runs again, retries unchanged",
            jobId);
      } else if (!exists(jobId)) {
        log.info("Job {} failed while another transaction ended its process instance; the job went with it ({})",
            jobId, failure.toString());
      } else {
        camunda.exceptionWhileExecutingJob(jobId, failure);
      }
    }

    private boolean exists(String jobId) {
      try {
        return jobExists.test(jobId);
      } catch (RuntimeException e) {
        return true; // cannot tell: log it as Camunda does
      }
    }
  }
}
