package io.fordra.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes ACT_RU_JOB(DUEDATE_): with a million invoices waiting on timers, job acquisition must not scan the job
 * table. The stock Camunda schema has no such index; this plugin adds it once the engine's tables exist.
 *
 * <p>Also FORDRA_IDX_JOB_LOCKED on the locked jobs: once jobs are due (a reminder run), PostgreSQL plans the
 * acquisition's "no other job of this instance is locked" NOT EXISTS as one hashed subplan over every locked job,
 * which without an index is a scan of the whole job table per acquisition (55 ms at 100 000 waiting timers, growing
 * with the table). On PostgreSQL the index is partial: only locked jobs, so a million waiting timers do not bloat it.
 */
@Component
public class JobDueDateIndex extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX IF NOT EXISTS FORDRA_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
          .contains("postgres");
      statement.execute(postgres
          ? "CREATE INDEX IF NOT EXISTS FORDRA_IDX_JOB_LOCKED ON ACT_RU_JOB (LOCK_EXP_TIME_) WHERE LOCK_OWNER_ IS NOT NULL"
          : "CREATE INDEX IF NOT EXISTS FORDRA_IDX_JOB_LOCKED ON ACT_RU_JOB (LOCK_OWNER_, LOCK_EXP_TIME_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // Not fatal (e.g. another node created it at the same moment, or the user may not create indexes).
      log.warn("Could not create the indexes FORDRA_IDX_JOB_DUEDATE and FORDRA_IDX_JOB_LOCKED on ACT_RU_JOB: {}",
          e.getMessage());
    }
  }
}
