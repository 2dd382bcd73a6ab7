package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.kernel.ConflictException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class ProcessConflictsTest {

  /** Records how each transaction ended. */
  static class Transactions extends AbstractPlatformTransactionManager {
    final List<String> ends = new ArrayList<>();

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      ends.add("commit");
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      ends.add("rollback");
    }
  }

  final Transactions transactions = new Transactions();
  final ProcessConflicts conflicts = new ProcessConflicts(transactions);
  final AtomicInteger tries = new AtomicInteger();

  @Test
  void anOptimisticLockingFailureIsRunAgainInAFreshTransactionUntilItSucceeds() {
    String result = conflicts.retrying(() -> {
      assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
      if (tries.incrementAndGet() < 3) {
        throw new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE ExecutionEntity' failed");
      }
      return "booked";
    });

    assertThat(result).isEqualTo("booked");
    assertThat(tries).hasValue(3);
    assertThat(transactions.ends).containsExactly("rollback", "rollback", "commit");
  }

  @Test
  void aForeignKeyViolationDeepInTheEngineFlushIsRunAgain() {
    SQLException fk = new SQLException("insert or update on table \"act_ru_execution\" violates foreign key "
        + "constraint \"act_fk_exe_super\"", "23503");
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23503", new int[0]);
    batch.setNextException(fk);
    String result = conflicts.retrying(() -> {
      if (tries.incrementAndGet() == 1) {
        throw new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
            new RuntimeException("flush", batch));
      }
      if (tries.get() == 2) {
        throw new DataIntegrityViolationException("fk", new SQLException("fk", "23503"));
      }
      return "booked";
    });

    assertThat(result).isEqualTo("booked");
    assertThat(tries).hasValue(3);
    // The log line names the constraint, which the engine's own message leaves out.
    assertThat(ProcessConflicts.reported(new ProcessEngineException("An exception occurred in the persistence layer",
        new RuntimeException("flush", batch)))).isEqualTo("ProcessEngineException: insert or update on table "
        + "\"act_ru_execution\" violates foreign key constraint \"act_fk_exe_super\"");
  }

  @Test
  void afterThreeTriesTheConflictIsA409WithTheLastErrorAsCause() {
    List<OptimisticLockingException> thrown = new ArrayList<>();

    assertThatThrownBy(() -> conflicts.retrying(() -> {
      OptimisticLockingException e = new OptimisticLockingException("try " + tries.incrementAndGet());
      thrown.add(e);
      throw e;
    })).isInstanceOf(ConflictException.class).hasMessageContaining("3 times in a row").hasCause(thrown.get(2));
    assertThat(tries).hasValue(3);
    assertThat(transactions.ends).containsExactly("rollback", "rollback", "rollback");
  }

  @Test
  void otherErrorsAreNotRunAgain() {
    assertThatThrownBy(() -> conflicts.retrying(() -> {
      tries.incrementAndGet();
      throw new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));
    })).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> conflicts.retrying(() -> {
      tries.incrementAndGet();
      throw new IllegalArgumentException("amount must be more than 0");
    })).isInstanceOf(IllegalArgumentException.class);

    assertThat(tries).hasValue(2);
    assertThat(transactions.ends).containsExactly("rollback", "rollback");
  }

  @Test
  void itRefusesToRunInsideATransactionItCouldNotRunAgain() {
    assertThatThrownBy(() -> new TransactionTemplate(transactions).execute(
        (TransactionStatus status) -> conflicts.retrying(() -> tries.incrementAndGet())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(tries).hasValue(0);
  }
}
