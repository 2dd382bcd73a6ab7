package io.fordra.process;

import io.fordra.kernel.ConflictException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request that correlates a message into a running invoice process, in its own transaction, again when the
 * engine meets a concurrent change of the same process instance tree (a timer or async job moving on, a call activity
 * ending): Camunda's documented answer to an OptimisticLockingException is to retry. On PostgreSQL the same race can
 * show as a foreign key violation instead (SQLState 23503, e.g. act_fk_exe_super while the correlation deletes
 * executions that the job's committed rows still name), which is retried alike. At most 3 tries; then a 409 naming
 * the conflict (never a 500: the request was right, it only met a busy invoice), with the last error as its cause.
 */
@Component
public class ProcessConflicts {

  static final int TRIES = 3;
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final Logger log = LoggerFactory.getLogger(ProcessConflicts.class);

  private final TransactionTemplate transaction;

  public ProcessConflicts(PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The work's result; each try is a fresh transaction, so it must not be called inside one. */
  public <T> T retrying(Supplier<T> work) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("ProcessConflicts.retrying runs its own transactions; called inside one");
    }
    for (int tryNumber = 1; ; tryNumber++) {
      try {
        return transaction.execute(status -> work.get());
      } catch (RuntimeException e) {
        if (!isConflict(e)) {
          throw e;
        }
        if (tryNumber == TRIES) {
          throw new ConflictException("The invoice's process was changed by another step at the same moment, "
              + TRIES + " times in a row; nothing of this request was stored. Try again.", e);
        }
        log.info("Concurrent change of the process instance (try {} of {}), running the request again: {}",
            tryNumber, TRIES, reported(e));
      }
    }
  }

  /**
   * The conflict as the database reported it: the engine's own words hide a foreign key violation behind "An exception
   * occurred in the persistence layer", and the constraint's name says which part of the tree had moved on.
   */
  static String reported(Throwable e) {
    String database = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        database = (sql.getNextException() != null ? sql.getNextException() : sql).getMessage();
      }
    }
    return database == null ? e.toString() : e.getClass().getSimpleName() + ": " + database.lines().findFirst()
        .orElse(database);
  }

  /** An optimistic locking failure or a foreign key violation anywhere in the cause chain. */
  static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
      // A batch update (the engine's flush) carries the statement's own error as its next exception.
      for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
        if (FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }
}
