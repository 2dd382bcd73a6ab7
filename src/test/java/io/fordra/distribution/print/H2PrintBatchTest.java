package io.fordra.distribution.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/** The print batch scenario on H2, and the schedule. */
@FordraTestContext
@Import(HandOverListener.class)
class H2PrintBatchTest extends PrintBatchScenario {

  @Autowired JdbcClient jdbc;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired PrintBatchSchedule schedule;
  @Autowired List<ScheduledTaskHolder> scheduled;

  /** H2 names the blocker of a row lock, but not of an insert that waits on a unique key: it shows the statement. */
  @Override
  int sessionsWaitingForALock() {
    return jdbc.sql("""
        SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS
        WHERE BLOCKER_ID IS NOT NULL OR UPPER(EXECUTING_STATEMENT) LIKE 'INSERT INTO FORDRA_PRINT_BATCH %'""")
        .query(Integer.class).single();
  }

  /** H2 issue 4208: a reused (stale) result let two adds of the same hand-over insert it twice. */
  @Test
  void theDatabaseDoesNotReuseQueryResults() throws Exception {
    // H2 lists this setting nowhere in the database: the pool's URL shows what every connection opened with.
    assertThat(dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl())
        .startsWith("jdbc:h2:mem:fordra-unit").endsWith(";OPTIMIZE_REUSE_RESULTS=FALSE");
  }

  @Test
  void theScheduleIsOffWithCronDash() {
    assertThat(scheduled).as("scheduling is on").isNotEmpty();
    assertThat(scheduled).flatExtracting(holder -> List.copyOf(holder.getScheduledTasks()))
        .noneMatch(task -> task.getTask().getRunnable() instanceof ScheduledMethodRunnable method
            && method.getTarget() instanceof PrintBatchSchedule);
  }

  @Test
  void aScheduledCloseHandsTheBatchOverAndAFailedOneLeavesItOpenForTheNextRun() {
    PrintItem item = print.add(letter(1).id(), 1, recipient("Anna"));
    listener.failing = true;
    schedule.closeOpenBatch();
    assertThat(print.batch(item.batchId()).status()).isEqualTo(PrintBatchStatus.OPEN);

    listener.failing = false;
    schedule.closeOpenBatch();
    assertThat(print.batch(item.batchId()).status()).isEqualTo(PrintBatchStatus.HANDED_OVER);
  }
}
