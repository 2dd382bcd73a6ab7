package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 17, fault 4 (kill -9, restart): a node that starts again under its id frees the jobs it had locked, instead of
 * leaving them to wait out the five-minute lock; another node's locks stay.
 */
class JobLockOwnerTest {

  private final String url = "jdbc:h2:mem:job-lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
  private ProcessEngine engine;

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    jdbc.execute("SHUTDOWN");
  }

  @Test
  void aRestartedNodeFreesItsOwnLocksAndNoOtherNodes() {
    engine = start(new JobLockOwner("node-a:8080", 0));
    assertThat(engine.getProcessEngineConfiguration()).extracting(c -> ((ProcessEngineConfigurationImpl) c)
        .getJobExecutor().getLockOwner()).isEqualTo("node-a:8080");
    engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn", Bpmn.createExecutableProcess("wait")
        .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent().timerWithDuration("PT1H").endEvent().done()).deploy();
    for (int i = 0; i < 3; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("wait");
    }
    List<String> jobs = engine.getManagementService().createJobQuery().list().stream().map(j -> j.getId()).toList();
    Timestamp lockedUntil = new Timestamp(System.currentTimeMillis() + 300_000);
    // As a node killed mid-run leaves them: two locked by node A, one by node B, which is still running.
    lock(jobs.get(0), "node-a:8080", lockedUntil);
    lock(jobs.get(1), "node-a:8080", lockedUntil);
    lock(jobs.get(2), "node-b:8081", lockedUntil);
    engine.close();

    engine = start(new JobLockOwner("node-a:8080", 0));

    assertThat(owner(jobs.get(0))).isNull();
    assertThat(owner(jobs.get(1))).isNull();
    assertThat(owner(jobs.get(2))).isEqualTo("node-b:8081");
    assertThat(jdbc.queryForObject("SELECT LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE ID_ = ?", Timestamp.class,
        jobs.get(0))).isNull();
    assertThat(jdbc.queryForObject("SELECT REV_ FROM ACT_RU_JOB WHERE ID_ = ?", Integer.class, jobs.get(0)))
        .as("a freed job's revision moves on: a stale holder's update fails").isEqualTo(2);
  }

  @Test
  void theNodeIdDefaultsToHostAndPortAndIsCheckedAtStart() {
    assertThat(JobLockOwner.nodeId("", 18301)).endsWith(":18301");
    assertThat(JobLockOwner.nodeId(" fordra-1 ", 8080)).isEqualTo("fordra-1");
    assertThatThrownBy(() -> JobLockOwner.nodeId("node a", 8080)).hasMessageContaining("fordra.node-id");
    assertThatThrownBy(() -> JobLockOwner.nodeId("x".repeat(256), 8080)).hasMessageContaining("fordra.node-id");
  }

  private ProcessEngine start(JobLockOwner plugin) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(url);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("job-lock-" + UUID.randomUUID());
    configuration.getProcessEnginePlugins().add(plugin);
    return configuration.buildProcessEngine();
  }

  private void lock(String jobId, String owner, Timestamp until) {
    jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?", owner, until, jobId);
  }

  private String owner(String jobId) {
    return jdbc.queryForObject("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE ID_ = ?", String.class, jobId);
  }
}
