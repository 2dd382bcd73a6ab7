package io.fordra.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Gives this node's job executor a lock owner that stays the same across restarts (fordra.node-id, by default the
 * host name and the HTTP port), and when the node starts, frees the jobs it had locked when it stopped.
 *
 * <p>Why: Camunda's lock owner is a new UUID on every start, so after a kill -9 the jobs the dead process had locked
 * wait out the whole lock time (five minutes) before any node runs them. A node that starts again under the same id
 * knows those locks are its own and that nothing of its own is running yet. Every node running at the same time must
 * have its own id; jobs of a node that does not come back still wait for their locks to expire.
 */
@Component
public class JobLockOwner extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(JobLockOwner.class);
  /** ACT_RU_JOB.LOCK_OWNER_ is VARCHAR(255). */
  static final int MAX_LENGTH = 255;

  private final String nodeId;
  private ProcessEngineConfigurationImpl configuration;

  public JobLockOwner(@Value("${fordra.node-id:}") String configured, @Value("${server.port:8080}") int port) {
    this.nodeId = nodeId(configured, port);
  }

  static String nodeId(String configured, int port) {
    String id = StringUtils.hasText(configured) ? configured.strip() : hostName() + ":" + port;
    if (id.length() > MAX_LENGTH || !id.matches("[\\p{Alnum}._:@-]+")) {
      throw new IllegalArgumentException("fordra.node-id must be 1-" + MAX_LENGTH
          + " letters, digits or . _ : @ - (it is the job lock owner in ACT_RU_JOB): " + id);
    }
    return id;
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (StringUtils.hasText(fromEnvironment)) {
      return fromEnvironment.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  public String nodeId() {
    return nodeId;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor != null) {
      jobExecutor.setLockOwner(nodeId);
    }
  }

  /** Runs before the job executor starts acquiring (the starter starts it once the application is deployed). */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (configuration == null || configuration.getJobExecutor() == null
        || !nodeId.equals(configuration.getJobExecutor().getLockOwner())) {
      return;
    }
    // REV_ + 1: an executor that somehow still held one of these jobs fails its update instead of overwriting.
    String sql = "UPDATE " + configuration.getDatabaseTablePrefix() + "ACT_RU_JOB SET LOCK_OWNER_ = NULL,"
        + " LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?";
    try (Connection connection = configuration.getDataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, nodeId);
      int released = statement.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (released > 0) {
        log.info("Node {} freed {} jobs it had locked when it stopped; they run now instead of after their lock time",
            nodeId, released);
      }
    } catch (SQLException e) {
      // Not fatal: the jobs then run when their locks expire, as they would without this.
      log.warn("Node {} could not free the jobs it had locked when it stopped: {}", nodeId, e.getMessage());
    }
  }
}
