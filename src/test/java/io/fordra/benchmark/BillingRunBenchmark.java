package io.fordra.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.FordraClock;
import io.fordra.invoice.InvoiceToCash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing-run benchmark: N invoices (-Dfordra.benchmark.invoices, default 2000) through InvoiceService.create,
 * sent by the job executor, left waiting on their due-date timers, then taken overdue in one dunning wave.
 * -Dfordra.benchmark.database=h2 (default, in-memory) or postgres (a fresh database fordra_bench on 127.0.0.1:5432,
 * user postgres, trust auth, with the postgres profile). Only correctness is asserted; the figures are printed and
 * written to target/benchmark-report.txt. Run with ./mvnw -Pbenchmark verify.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    // No servlet container (webEnvironment NONE): Camunda's REST starter would need one (JerseyApplicationPath).
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
    "fordra.mail.outbox=" + BillingRunBenchmark.OUTBOX,
    // Measure sending, not the undo window.
    "fordra.distribution.undo-window=PT0S",
    // Read by application-postgres.yaml only (the postgres profile); harmless on H2.
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/" + BillingRunBenchmark.Database.POSTGRES_DATABASE,
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=bench-Secret-1"
})
@ActiveProfiles(resolver = BillingRunBenchmark.Database.Profiles.class)
@ContextConfiguration(initializers = BillingRunBenchmark.Database.Initializer.class)
@DirtiesContext
class BillingRunBenchmark {

  static final String OUTBOX = "target/benchmark-outbox";
  static final Path REPORT = Path.of("target", "benchmark-report.txt");

  private static final int CHUNK = 200;
  private static final int INVOICES_PER_CUSTOMER = 10;
  private static final int QUERY_RUNS = 20;
  private static final int WARM_UP_RUNS = 3;
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /** Which database the benchmark runs on: chosen by -Dfordra.benchmark.database before the context starts. */
  enum Database {
    H2, POSTGRES;

    static final String PROPERTY = "fordra.benchmark.database";
    static final String H2_URL = "jdbc:h2:mem:fordra-bench;DB_CLOSE_DELAY=-1";
    static final String POSTGRES_DATABASE = "fordra_bench";
    static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    static Database selected() {
      String value = System.getProperty(PROPERTY, "h2").trim();
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "h2", "" -> H2;
        case "postgres", "postgresql" -> POSTGRES;
        default -> throw new IllegalArgumentException(PROPERTY + "=" + value + ": use h2 or postgres");
      };
    }

    /** The postgres profile (application-postgres.yaml) must be active before the config files are read. */
    static class Profiles implements ActiveProfilesResolver {
      @Override
      public String[] resolve(Class<?> testClass) {
        return selected() == POSTGRES ? new String[] {"postgres"} : new String[0];
      }
    }

    /** H2: the in-memory URL. PostgreSQL: drops and creates fordra_bench before the engine creates its tables. */
    static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
      @Override
      public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (selected() == H2) {
          environment.getPropertySources().addFirst(new MapPropertySource("fordra-benchmark-h2", Map.of(
              "spring.datasource.url", H2_URL, "spring.datasource.username", "sa", "spring.datasource.password", "")));
          return;
        }
        if (!Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
          throw new IllegalStateException("the postgres profile is not active");
        }
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + POSTGRES_DATABASE + " WITH (FORCE)");
          s.execute("CREATE DATABASE " + POSTGRES_DATABASE);
        } catch (SQLException e) {
          throw new IllegalStateException("Could not create a fresh " + POSTGRES_DATABASE + " on " + POSTGRES_SERVER, e);
        }
      }
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired InvoiceService invoices;
  @Autowired FordraClock clock;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  private final Report report = new Report(REPORT);

  @Test
  void billingRunSendingWaitingTimersAndDunningWave() throws Exception {
    int n = Integer.getInteger("fordra.benchmark.invoices", 2000);
    assertThat(n).as("fordra.benchmark.invoices").isPositive();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor jobExecutor = configuration.getJobExecutor();
    LocalDate issueDate = clock.today();
    LocalDate dueDate = issueDate.plusDays(30);
    try {
      describeSetUp(n, configuration, jobExecutor, issueDate, dueDate);
      deleteOutbox();

      billingRun(n, jobExecutor, issueDate, dueDate);
      sending(n, jobExecutor);
      waitingTimers(n);
      dunningWave(n, jobExecutor, dueDate);

      report.section("Memory");
      Runtime runtime = Runtime.getRuntime();
      report.row("JVM heap used / max", mb(runtime.totalMemory() - runtime.freeMemory()) + " / "
          + mb(runtime.maxMemory()));
    } finally {
      ClockUtil.reset();
      if (!jobExecutor.isActive()) {
        jobExecutor.start();
      }
      report.print();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. Billing run

  private void billingRun(int n, JobExecutor jobExecutor, LocalDate issueDate, LocalDate dueDate) {
    report.section("1. Billing run: InvoiceService.create, " + CHUNK + " invoices per transaction");
    // Acquisition paused while the run is created, so that creation and sending are measured separately
    // (on 2 cores they would otherwise share the CPU). Sending starts the moment the run is committed.
    jobExecutor.shutdown();
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    Progress progress = new Progress("billing run", n);
    long started = System.nanoTime();
    for (int from = 0; from < n; from += CHUNK) {
      int first = from;
      int end = Math.min(n, from + CHUNK);
      transaction.executeWithoutResult(status -> {
        for (int i = first; i < end; i++) {
          invoices.create(invoiceRequest(i, issueDate, dueDate));
        }
      });
      progress.report(end);
    }
    double seconds = secondsSince(started);
    long created = count("SELECT COUNT(*) FROM fordra_invoice");
    long customers = count("SELECT COUNT(*) FROM fordra_customer");
    report.row("invoices created", created + " (" + customers + " customers, "
        + count("SELECT COUNT(*) FROM fordra_invoice_line") + " lines)");
    report.row("invoice-to-cash instances started",
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(InvoiceToCash.KEY).count());
    report.row("documents rendered in create (PDF, sync)", count("SELECT COUNT(*) FROM fordra_document"));
    report.row("jobs waiting to be executed", management.createJobQuery().messages().count() + " async jobs, "
        + management.createJobQuery().timers().count() + " timers");
    report.row("job executor meanwhile", "acquisition paused (shutdown), started again for 2.");
    report.row("total", seconds(seconds));
    report.row("throughput", rate(n, seconds, "invoices/s"));
    assertThat(created).as("invoices created").isEqualTo(n);
  }

  private InvoiceRequest invoiceRequest(int i, LocalDate issueDate, LocalDate dueDate) {
    int c = i / INVOICES_PER_CUSTOMER;
    CustomerRequest customer = customer(c);
    int lineCount = 1 + i % 3;
    List<InvoiceRequest.LineRequest> lines = new ArrayList<>(lineCount);
    int[] vatRates = {25, 12, 6};
    for (int l = 0; l < lineCount; l++) {
      lines.add(new InvoiceRequest.LineRequest("Service " + (char) ('A' + l) + ", period " + issueDate.getMonth(),
          BigDecimal.valueOf(1 + (i + l) % 5), new BigDecimal(100 + (i * 7 + l * 13) % 900 + ".50"),
          BigDecimal.valueOf(vatRates[(i + l) % vatRates.length]), null, "PO-" + i));
    }
    // The first invoice of a customer brings the customer along (created in the same transaction); later ones
    // refer to it by number.
    boolean first = i % INVOICES_PER_CUSTOMER == 0;
    return new InvoiceRequest("BR-" + (1_000_000 + i), customer.customerNumber(), first ? customer : null,
        issueDate, dueDate, customer.country() == Country.NO ? Currency.NOK : Currency.SEK, lines, null, null);
  }

  /** Customers cycle through SE/NO, business/private; none is a priority customer, so dunning starts with a reminder. */
  private static CustomerRequest customer(int c) {
    Country country = c % 2 == 0 ? Country.SE : Country.NO;
    CustomerType type = (c / 2) % 2 == 0 ? CustomerType.BUSINESS : CustomerType.PRIVATE;
    String number = "BC-" + (100_000 + c);
    String organisationNumber = type == CustomerType.PRIVATE ? null
        : country == Country.SE ? "556036-0793" : "923609016";
    return new CustomerRequest(number, (type == CustomerType.BUSINESS ? "Kund AB " : "Kund ") + c, type, false,
        country, organisationNumber, number.toLowerCase(Locale.ROOT) + "@customer.example", null,
        new CustomerRequest.AddressRequest("Storgatan " + (1 + c % 99), country == Country.SE ? "111 22" : "0150",
            country == Country.SE ? "Stockholm" : "Oslo", null),
        c % 3 != 0, Channel.EMAIL, null, null);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. Sending

  private void sending(int n, JobExecutor jobExecutor) {
    report.section("2. Sending: the job executor e-mails every invoice (outbox " + OUTBOX + ")");
    Map<String, Long> jobsBefore = successfulJobsByActivity();
    Progress progress = new Progress("sending", n);
    long started = System.nanoTime();
    jobExecutor.start();
    waitUntil("all " + n + " invoices SENT and no executable job left", limitFor(n), () -> {
      long sent = countStatus(InvoiceStatus.SENT);
      progress.report(sent);
      return sent == n && management.createJobQuery().executable().count() == 0;
    });
    double seconds = secondsSince(started);
    Map<String, Long> jobs = difference(successfulJobsByActivity(), jobsBefore);
    long executed = jobs.values().stream().mapToLong(Long::longValue).sum();
    report.row("invoices SENT", countStatus(InvoiceStatus.SENT));
    report.row("jobs executed (successful)", executed + " = " + String.format(Locale.ROOT, "%.2f", executed / (double) n)
        + " per invoice " + jobs);
    OutboxSize mails = outbox();
    report.row("e-mails in outbox", mails.files() + " .eml files, " + mb(mails.bytes()));
    report.row("total (from job executor start)", seconds(seconds));
    report.row("throughput", rate(executed, seconds, "jobs/s") + ", " + rate(n, seconds, "invoices/s"));
    assertThat(countStatus(InvoiceStatus.SENT)).as("invoices SENT").isEqualTo(n);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. Waiting timers

  private void waitingTimers(int n) throws Exception {
    report.section("3. Waiting timers (ACT_RU_JOB) and job acquisition");
    long dueDateTimers = management.createJobQuery().timers().activityId(InvoiceToCash.Elements.WAIT_FOR_DUE_DATE)
        .count();
    report.row("instances waiting on " + InvoiceToCash.Elements.WAIT_FOR_DUE_DATE, dueDateTimers);
    report.row("ACT_RU_JOB rows (all types)", count("SELECT COUNT(*) FROM ACT_RU_JOB"));
    report.row("timers due now", management.createJobQuery().timers().duedateLowerThan(new Date(
        ClockUtil.getCurrentTime().getTime() + 1)).count());
    List<String> indexes = indexesOnJobTable();
    report.row("FORDRA_IDX_JOB_DUEDATE exists", indexes.stream()
        .anyMatch(ix -> ix.equalsIgnoreCase("FORDRA_IDX_JOB_DUEDATE")) + "  (indexes on ACT_RU_JOB: " + indexes + ")");

    if (database() == Database.POSTGRES) {
      // Executed (deleted) send jobs stay in the table and in FORDRA_IDX_JOB_DUEDATE until (auto)vacuum runs.
      report.row("act_ru_job live / dead tuples, last autovacuum", jdbc.queryForObject(
          "SELECT n_live_tup || ' / ' || n_dead_tup || ', ' || COALESCE(CAST(last_autovacuum AS VARCHAR), 'never')"
              + " FROM pg_stat_user_tables WHERE relname = 'act_ru_job'", String.class));
    }
    Timings api = time(() -> management.createJobQuery().executable().timers().count());
    report.row("createJobQuery().executable().timers().count()", api + "  -> " + api.lastResult);

    Date now = ClockUtil.getCurrentTime();
    Timings acquisition = time(() -> {
      try (Connection c = dataSource.getConnection();
           PreparedStatement s = c.prepareStatement(ACQUISITION_SQL)) {
        Timestamp at = new Timestamp(now.getTime());
        s.setTimestamp(1, at);
        s.setTimestamp(2, at);
        s.setTimestamp(3, at);
        int rows = 0;
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows++;
          }
        }
        return (long) rows;
      }
    });
    report.row("acquisition SELECT (JDBC, LIMIT 16)", acquisition + "  -> " + acquisition.lastResult + " rows");

    String literal = "TIMESTAMP '" + new Timestamp(now.getTime()) + "'";
    List<String> plan = explain(ACQUISITION_SQL.replace("?", literal));
    report.row("plan uses FORDRA_IDX_JOB_DUEDATE", mentionsDueDateIndex(plan));
    report.text("Query plan of the acquisition query (" + explainCommand() + ", shape of Camunda's "
        + "selectNextJobsToExecute with ensureJobDueDateNotNull):", ACQUISITION_SQL.replace("?", literal), plan);
    List<String> countPlan = explain(EXECUTABLE_TIMERS_COUNT_SQL.replace("?", literal));
    report.text("For comparison, the plan of the count behind createJobQuery().executable().timers().count() "
        + "(Camunda's selectJobCountByQueryCriteria; note DUEDATE_ IS NULL OR ...):",
        EXECUTABLE_TIMERS_COUNT_SQL.replace("?", literal), countPlan);
    assertThat(dueDateTimers).as("instances waiting on the due-date timer").isEqualTo(n);
  }

  /**
   * Camunda 7.24's selectNextJobsToExecute as the job executor runs it here: ensureJobDueDateNotNull (no
   * "DUEDATE_ IS NULL OR"), not deployment-aware, no priority range, no ordering, max-jobs-per-acquisition 16.
   */
  static final String ACQUISITION_SQL = """
      SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
      FROM ACT_RU_JOB RES
      WHERE (RES.RETRIES_ > 0)
        AND (RES.DUEDATE_ <= ?)
        AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < ?)
        AND RES.SUSPENSION_STATE_ = 1
        AND ((RES.EXCLUSIVE_ = TRUE AND NOT EXISTS (
              SELECT J2.ID_ FROM ACT_RU_JOB J2
              WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND (J2.EXCLUSIVE_ = TRUE)
                AND (J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= ?)))
          OR RES.EXCLUSIVE_ = FALSE)
      LIMIT 16 OFFSET 0""";

  /** What JobQuery.executable().timers().count() runs (Camunda 7.24, Job.xml selectJobCountByQueryCriteria). */
  private static final String EXECUTABLE_TIMERS_COUNT_SQL = """
      SELECT COUNT(DISTINCT RES.ID_)
      FROM ACT_RU_JOB RES LEFT OUTER JOIN ACT_RU_EXECUTION PI ON PI.ID_ = RES.PROCESS_INSTANCE_ID_
      WHERE (RES.RETRIES_ > 0)
        AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= ?)
        AND ((RES.EXECUTION_ID_ IS NULL) OR (PI.SUSPENSION_STATE_ = 1 OR PI.SUSPENSION_STATE_ IS NULL))
        AND RES.TYPE_ = 'timer'""";

  private String explainCommand() {
    return database() == Database.POSTGRES ? "EXPLAIN (ANALYZE, BUFFERS)" : "EXPLAIN ANALYZE";
  }

  private List<String> explain(String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(explainCommand() + " " + sql)) {
      while (rs.next()) {
        lines.addAll(Arrays.asList(rs.getString(1).split("\\R")));
      }
    }
    return lines;
  }

  private static boolean mentionsDueDateIndex(List<String> plan) {
    return plan.stream().anyMatch(line -> line.toUpperCase(Locale.ROOT).contains("FORDRA_IDX_JOB_DUEDATE"));
  }

  private List<String> indexesOnJobTable() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
        try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
          while (rs.next()) {
            String name = rs.getString("INDEX_NAME");
            if (name != null && !names.contains(name)) {
              names.add(name);
            }
          }
        }
      }
    }
    Collections.sort(names);
    return names;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 4. Dunning wave

  private void dunningWave(int n, JobExecutor jobExecutor, LocalDate dueDate) {
    Date overdueAt = clock.engineDate(dueDate.plusDays(1), LocalTime.of(9, 0));
    report.section("4. Dunning wave: engine clock moved to " + overdueAt.toInstant() + " (due date " + dueDate + ")");
    Map<String, Long> jobsBefore = successfulJobsByActivity();
    Progress progress = new Progress("dunning wave", n);
    long started = System.nanoTime();
    ClockUtil.setCurrentTime(overdueAt);
    jobExecutor.jobWasAdded();
    String reminderRun = InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN;
    waitUntil("all " + n + " invoices OVERDUE and waiting at " + reminderRun, limitFor(n), () -> {
      long overdue = countStatus(InvoiceStatus.OVERDUE);
      progress.report(overdue);
      return overdue == n && management.createJobQuery().timers().activityId(reminderRun).count() == n;
    });
    double seconds = secondsSince(started);
    Map<String, Long> jobs = difference(successfulJobsByActivity(), jobsBefore);
    long executed = jobs.values().stream().mapToLong(Long::longValue).sum();
    long waitingForReminder = management.createJobQuery().timers().activityId(reminderRun).count();
    report.row("invoices OVERDUE", countStatus(InvoiceStatus.OVERDUE));
    report.row("instances waiting on " + reminderRun, waitingForReminder);
    report.row("due-date timers left", management.createJobQuery().timers()
        .activityId(InvoiceToCash.Elements.WAIT_FOR_DUE_DATE).count());
    report.row("next reminder run", firstDueDate(reminderRun));
    report.row("jobs executed (successful)", executed + " " + jobs);
    report.row("total (from clock move)", seconds(seconds));
    report.row("throughput", rate(executed, seconds, "timers/s"));
    assertThat(countStatus(InvoiceStatus.OVERDUE)).as("invoices OVERDUE").isEqualTo(n);
    assertThat(waitingForReminder).as("instances waiting for the reminder run").isEqualTo(n);
  }

  private String firstDueDate(String activityId) {
    List<Job> first = management.createJobQuery().timers().activityId(activityId).orderByJobDuedate().asc()
        .listPage(0, 1);
    return first.isEmpty() ? "-" : first.get(0).getDuedate().toInstant().toString();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers

  private void describeSetUp(int n, ProcessEngineConfigurationImpl configuration, JobExecutor jobExecutor,
                             LocalDate issueDate, LocalDate dueDate) throws SQLException {
    report.section("Fordra billing-run benchmark, " + Instant.now());
    report.row("invoices (fordra.benchmark.invoices)", n);
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      report.row("database (fordra.benchmark.database)", database().name().toLowerCase(Locale.ROOT) + ": "
          + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
      report.row("JDBC URL", meta.getURL());
    }
    report.row("cores / JVM max heap / load average", Runtime.getRuntime().availableProcessors() + " / "
        + mb(Runtime.getRuntime().maxMemory()) + " / " + String.format(Locale.ROOT, "%.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    String pool = jobExecutor instanceof SpringJobExecutor spring
        && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor tasks
        ? tasks.getCorePoolSize() + "-" + tasks.getMaxPoolSize() + " threads, queue " + tasks.getQueueCapacity()
        : jobExecutor.getClass().getSimpleName();
    report.row("job executor", pool + ", " + jobExecutor.getMaxJobsPerAcquisition() + " jobs/acquisition, wait "
        + jobExecutor.getWaitTimeInMillis() + " ms, max wait " + jobExecutor.getMaxWait() + " ms");
    report.row("ensureJobDueDateNotNull / history level", configuration.isEnsureJobDueDateNotNull() + " / "
        + configuration.getHistoryLevel().getName());
    report.row("issue date / due date", issueDate + " / " + dueDate);
    report.row("customers", "1 per " + INVOICES_PER_CUSTOMER + " invoices (SE/NO, business/private), 1-3 lines");
  }

  private static Database database() {
    return Database.selected();
  }

  private long count(String sql) {
    Long value = jdbc.queryForObject(sql, Long.class);
    return value == null ? 0 : value;
  }

  private long countStatus(InvoiceStatus status) {
    Long value = jdbc.queryForObject("SELECT COUNT(*) FROM fordra_invoice WHERE status = ?", Long.class, status.name());
    return value == null ? 0 : value;
  }

  /** Successful job executions so far (history), by activity. */
  private Map<String, Long> successfulJobsByActivity() {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.query("SELECT COALESCE(ACT_ID_, JOB_DEF_TYPE_, '(other)'), COUNT(*) FROM ACT_HI_JOB_LOG"
        + " WHERE JOB_STATE_ = 2 GROUP BY COALESCE(ACT_ID_, JOB_DEF_TYPE_, '(other)')",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> difference = new TreeMap<>();
    after.forEach((activity, count) -> {
      long delta = count - before.getOrDefault(activity, 0L);
      if (delta != 0) {
        difference.put(activity, delta);
      }
    });
    return difference;
  }

  /** Generous: 2 minutes plus 50 ms per invoice (the engine does well over 20 jobs/s even on 2 cores). */
  private static Duration limitFor(int n) {
    return Duration.ofMinutes(2).plusMillis(50L * n);
  }

  /** Polls until done; fails at once when a job fails instead of waiting for its retries. */
  private void waitUntil(String what, Duration limit, Callable<Boolean> done) {
    await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
      failOnFailedJobs();
      return done.call();
    });
  }

  private long lastFailureCheck;

  private void failOnFailedJobs() {
    if (System.nanoTime() - lastFailureCheck < Duration.ofSeconds(2).toNanos()) {
      return;
    }
    lastFailureCheck = System.nanoTime();
    List<Job> failed = management.createJobQuery().withException().listPage(0, 1);
    if (!failed.isEmpty()) {
      throw new AssertionError("Job " + failed.get(0).getId() + " failed: " + failed.get(0).getExceptionMessage()
          + "\n" + management.getJobExceptionStacktrace(failed.get(0).getId()));
    }
  }

  private static Timings time(Callable<Long> query) throws Exception {
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      query.call();
    }
    long[] nanos = new long[QUERY_RUNS];
    long result = 0;
    for (int i = 0; i < QUERY_RUNS; i++) {
      long started = System.nanoTime();
      result = query.call();
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    double median = (nanos[QUERY_RUNS / 2 - 1] + nanos[QUERY_RUNS / 2]) / 2.0;
    return new Timings(nanos[0] / 1e6, median / 1e6, nanos[QUERY_RUNS - 1] / 1e6, result);
  }

  private record Timings(double minMillis, double medianMillis, double maxMillis, long lastResult) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "median %.3f ms (min %.3f, max %.3f, %d runs)", medianMillis, minMillis,
          maxMillis, QUERY_RUNS);
    }
  }

  private static void deleteOutbox() throws IOException {
    deleteTree(Path.of(OUTBOX));
  }

  /** Deletes a folder with all it holds (nothing when it does not exist). */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private record OutboxSize(long files, long bytes) {}

  private static OutboxSize outbox() {
    Path outbox = Path.of(OUTBOX);
    if (!Files.isDirectory(outbox)) {
      return new OutboxSize(0, 0);
    }
    try (Stream<Path> files = Files.list(outbox)) {
      long[] totals = new long[2];
      files.filter(f -> f.getFileName().toString().endsWith(".eml")).forEach(f -> {
        totals[0]++;
        try {
          totals[1] += Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return new OutboxSize(totals[0], totals[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double secondsSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  static String rate(long count, double seconds, String unit) {
    return String.format(Locale.ROOT, "%.1f %s", count / seconds, unit);
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** A progress line every 10 s, so that a 100 000-invoice run shows it is alive. */
  static final class Progress {
    private final String what;
    private final int total;
    private final long started = System.nanoTime();
    private long lastPrinted = System.nanoTime();

    Progress(String what, int total) {
      this.what = what;
      this.total = total;
    }

    void report(long done) {
      long now = System.nanoTime();
      if (now - lastPrinted >= PROGRESS_EVERY.toNanos() && done < total) {
        lastPrinted = now;
        System.out.printf(Locale.ROOT, "[benchmark] %s: %d / %d after %.0f s%n", what, done, total,
            (now - started) / 1e9);
      }
    }
  }

  /** The report: printed to stdout and written to its file (target/benchmark-report.txt for this benchmark). */
  static final class Report {
    private final Path file;
    private final StringBuilder text = new StringBuilder();

    Report(Path file) {
      this.file = file;
    }

    void section(String title) {
      text.append('\n').append(title).append('\n').append("-".repeat(Math.min(title.length(), 110))).append('\n');
    }

    void row(String label, Object value) {
      text.append(String.format(Locale.ROOT, "  %-48s %s%n", label, value));
    }

    void text(String title, String sql, List<String> lines) {
      text.append('\n').append("  ").append(title).append('\n');
      sql.lines().forEach(line -> text.append("    | ").append(line).append('\n'));
      text.append("    plan:\n");
      lines.forEach(line -> text.append("    | ").append(line).append('\n'));
    }

    void print() {
      String out = "\n==================== FORDRA BENCHMARK REPORT ====================" + text
          + "=================================================================\n";
      System.out.println(out);
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
