package io.fordra.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes ACT_RU_JOB(DUEDATE_): with a million invoices waiting on timers, job acquisition must not scan the job
 * table. The stock Camunda schema has no such index; this plugin adds it once the engine's tables exist.
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
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // Not fatal (e.g. another node created it at the same moment, or the user may not create indexes).
      log.warn("Could not create index FORDRA_IDX_JOB_DUEDATE on ACT_RU_JOB(DUEDATE_): {}", e.getMessage());
    }
  }
}
