package io.fordra.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * A bare Camunda engine on stock settings (StandaloneProcessEngineConfiguration as it comes: default job executor,
 * default history level, MyBatis' pooled data source) on its own database, running the skeleton of Fordra's
 * invoice-to-cash + invoice-distribution path (src/test/resources/benchmark/) with no-op delegates. Only the
 * database, the engine's name, the delegates, the pool's maximum checkout time and the id generator are set (see
 * below why).
 */
final class SkeletonEngine implements AutoCloseable {

  static final String INVOICE_TO_CASH = "skeleton-invoice-to-cash";
  static final String DISTRIBUTION = "skeleton-invoice-distribution";
  static final List<String> RESOURCES = List.of("benchmark/skeleton-invoice-to-cash.bpmn",
      "benchmark/skeleton-invoice-distribution.bpmn");

  /** A no-op delegate that counts its calls and, where asked, when each business key passed it (wall clock). */
  static final class Step implements JavaDelegate {
    final AtomicLong calls = new AtomicLong();
    final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
    final Map<String, Long> firstByKey = new ConcurrentHashMap<>();
    private final boolean timed;

    Step(boolean timed) {
      this.timed = timed;
    }

    @Override
    public void execute(DelegateExecution execution) {
      calls.incrementAndGet();
      if (timed) {
        long now = System.currentTimeMillis();
        times.add(now);
        firstByKey.putIfAbsent(execution.getProcessBusinessKey(), now);
      }
    }
  }

  final Step prepareInvoice = new Step(false);
  final Step bringLetterUpToDate = new Step(false);
  final Step sendEmail = new Step(true);
  final Step markOverdue = new Step(false);
  final Step prepareReminder = new Step(false);
  final Step checkSettlement = new Step(false);
  final Step closeAsPaid = new Step(true);

  final ProcessEngine engine;
  final String url;

  /**
   * The engine on a fresh database: PostgreSQL {@code database} (dropped and created) on the server, or an H2 file
   * database at {@code h2File}.
   */
  SkeletonEngine(boolean postgres, String server, String database, String h2File, String undoWindow) {
    if (postgres) {
      freshPostgresDatabase(server, database);
      url = server + database;
    } else {
      url = "jdbc:h2:file:" + h2File + ";DB_CLOSE_ON_EXIT=FALSE";
    }
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("fordra-benchmark-bare-skeleton");
    configuration.setJdbcUrl(url);
    configuration.setJdbcDriver(postgres ? "org.postgresql.Driver" : "org.h2.Driver");
    configuration.setJdbcUsername(postgres ? "postgres" : "sa");
    configuration.setJdbcPassword("");
    configuration.setDatabaseSchemaUpdate(StandaloneProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(true);
    // The one setting that is not stock: MyBatis' pool takes back a connection held over 20 s (its default) from
    // the transaction that holds it, and a transaction of 200 starts can take that long on a loaded 2-core machine.
    configuration.setJdbcMaxCheckoutTime(600_000);
    // And the id generator Camunda recommends and Fordra (Spring Boot starter) uses: the stock DbIdGenerator takes a
    // second pooled connection for each block of ids, and 10 job threads + the starting thread on the stock pool of
    // 10 connections then wait for each other (seen here on PostgreSQL: 10 minutes without progress).
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setBeans(new java.util.HashMap<Object, Object>(Map.of("prepareInvoice", prepareInvoice, "bringLetterUpToDate", bringLetterUpToDate,
        "sendEmail", sendEmail, "markOverdue", markOverdue, "prepareReminder", prepareReminder,
        "checkSettlement", checkSettlement, "closeAsPaid", closeAsPaid, "undoWindow", undoWindow)));
    engine = configuration.buildProcessEngine();
    var deployment = engine.getRepositoryService().createDeployment().name("bare skeleton");
    RESOURCES.forEach(deployment::addClasspathResource);
    deployment.deploy();
  }

  /** Drops the database (closing its connections) and creates it anew, on a PostgreSQL server with trust auth. */
  static void freshPostgresDatabase(String server, String database) {
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create a fresh " + database + " on " + server, e);
    }
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  JobExecutor jobExecutor() {
    return configuration().getJobExecutor();
  }

  /** How the stock job executor and engine are set, for the report. */
  String settings() {
    JobExecutor jobs = jobExecutor();
    return jobs.getClass().getSimpleName() + ", " + jobs.getMaxJobsPerAcquisition() + " jobs/acquisition, wait "
        + jobs.getWaitTimeInMillis() + " ms, max wait " + jobs.getMaxWait() + " ms, history level "
        + configuration().getHistoryLevel().getName() + ", ensureJobDueDateNotNull "
        + configuration().isEnsureJobDueDateNotNull() + ", MyBatis pool of " + (configuration()
        .getJdbcMaxActiveConnections() > 0 ? configuration().getJdbcMaxActiveConnections() : 10)
        + " connections (max checkout " + configuration().getJdbcMaxCheckoutTime() / 1000 + " s), "
        + configuration().getIdGenerator().getClass().getSimpleName();
  }

  @Override
  public void close() {
    engine.close();
  }
}
