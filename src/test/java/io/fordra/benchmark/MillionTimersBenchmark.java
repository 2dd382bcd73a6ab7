package io.fordra.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.process.FordraClock;
import io.fordra.reference.PaymentReferences;
import io.fordra.report.AgingReport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A million waiting timers (issue 17, item 3), on PostgreSQL only (a fresh database fordra_bench_timers on
 * 127.0.0.1:5432, user postgres): N invoices (-Dfordra.benchmark.waiting-invoices, default 100 000) waiting on their
 * due-date timers (Timer_DueDate in invoice-to-cash). Measures job acquisition, the due jobs a reminder run finds,
 * and the API's and Cockpit's common queries with 3 invoices and with N; writes
 * target/benchmark-million-timers-report.txt. Run with
 * {@code ./mvnw -o -Pbenchmark verify -Dtest=MillionTimersBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>The bulk path. Three invoices go through the product (InvoiceService.create, the job executor sends them) until
 * they wait on Timer_DueDate. The first one is the template: its rows are copied N - 3 times with set-based
 * INSERT ... SELECT FROM generate_series, 100 000 copies per transaction. Copied, with fresh ids and consistent
 * references: fordra_customer (one customer per 10 invoices), fordra_invoice (own number, id, due date, valid OCR
 * reference), fordra_invoice_line, fordra_invoice_event, fordra_ledger_entry and fordra_ledger_line (the invoice's
 * booking), fordra_document and fordra_document_delivery (the sent PDF, so the copies' documentId variable points
 * at their own document); ACT_RU_EXECUTION, ACT_RU_JOB (the timer, its due date moved with the invoice's),
 * ACT_RU_VARIABLE, ACT_RU_EVENT_SUBSCR (the message start events of the follow-up subprocess), ACT_HI_PROCINST,
 * the unfinished ACT_HI_ACTINST rows and ACT_HI_VARINST. Engine ids of a copy are md5(template id # copy number)
 * (see FUNCTIONS; activity instance ids keep their "ActivityId:" prefix); process definition, job definition and
 * deployment ids are shared, as they are for real instances.
 *
 * <p>Limits of the bulk path: every copy is the template's shape (one line, a Swedish business customer, e-mail
 * channel, same amounts); the finished history of the template (ACT_HI_DETAIL, ACT_HI_JOB_LOG, ACT_HI_DECINST and
 * its inputs/outputs, finished ACT_HI_ACTINST rows and the finished invoice-distribution call) and the .eml files in
 * the outbox are not copied, so Cockpit's history of a copy starts at the waiting state and the database is smaller
 * than after a real billing run of N; it copies only what the template has and fails if the template has rows in a
 * per-invoice table it does not know (a guard against silently unfaithful copies after a schema change). Due dates
 * are spread over days 2 to 60 from today, and 1 in 600 invoices falls due tomorrow: that day is the one the
 * benchmark fires to prove the copies are real (their timers fire, the invoices go OVERDUE, the rest stay SENT).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    // No servlet container (webEnvironment NONE): Camunda's REST starter would need one (JerseyApplicationPath).
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
    "fordra.mail.outbox=target/benchmark-million-timers-outbox",
    "fordra.distribution.undo-window=PT0S",
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/" + MillionTimersBenchmark.DATABASE,
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=bench-Secret-1"
})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = MillionTimersBenchmark.FreshDatabase.class)
@DirtiesContext
class MillionTimersBenchmark {

  static final String DATABASE = "fordra_bench_timers";
  static final Path REPORT = Path.of("target", "benchmark-million-timers-report.txt");

  private static final int SEEDS = 3;
  // The candidate group Tasklist shows to case handlers (io.fordra.security.StaffGroups is package-private).
  private static final String CASE_HANDLERS = "case-handlers";
  private static final int INVOICES_PER_CUSTOMER = 10;
  // A multiple of INVOICES_PER_CUSTOMER: a customer's copies are all in one transaction.
  private static final int COPIES_PER_TRANSACTION = 100_000;
  private static final int QUERY_RUNS = 7;
  private static final String DUE_DATE = InvoiceToCash.Elements.WAIT_FOR_DUE_DATE;
  private static final String REMINDER_RUN = InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN;

  /** Drops and creates fordra_bench_timers before the engine creates its tables. */
  static class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
           Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + DATABASE);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not create a fresh " + DATABASE + " on 127.0.0.1:5432", e);
      }
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired InvoiceService invoices;
  @Autowired AgingReport aging;
  @Autowired FordraClock clock;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  private final BillingRunBenchmark.Report report = new BillingRunBenchmark.Report(REPORT);

  @Test
  void millionWaitingTimers() throws Exception {
    int n = Integer.getInteger("fordra.benchmark.waiting-invoices", 100_000);
    assertThat(n).as("fordra.benchmark.waiting-invoices").isGreaterThan(SEEDS);
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor jobExecutor = configuration.getJobExecutor();
    LocalDate today = clock.today();
    try {
      report.section("Fordra million-waiting-timers benchmark: " + n + " invoices waiting on " + DUE_DATE);
      report.row("database", jdbc.queryForObject("SELECT version()", String.class));
      report.row("cores / JVM max heap", Runtime.getRuntime().availableProcessors() + " / "
          + BillingRunBenchmark.mb(Runtime.getRuntime().maxMemory()));
      report.row("timings", "median and max of " + QUERY_RUNS + " runs after one warm-up; 2 shared cores, noisy");

      seeds(today);
      Map<String, String> empty = measure("with " + SEEDS + " invoices (empty tables)", today, configuration, false);

      bulk(n, today);
      Map<String, String> full = measure("with " + n + " waiting invoices", today, configuration, true);

      report.section("Summary: " + SEEDS + " invoices vs " + n);
      empty.forEach((what, figure) -> report.row(what, figure + "  ->  " + full.get(what)));

      fireFirstDueDay(n, jobExecutor);
      reminderRun(configuration);
    } finally {
      ClockUtil.reset();
      report.print();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Seeds: real invoices through the product

  private void seeds(LocalDate today) {
    long started = System.nanoTime();
    for (int i = 0; i < SEEDS; i++) {
      invoices.create(seedRequest(i, today, today.plusDays(30)));
    }
    await("seed invoices waiting on " + DUE_DATE).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
        .until(() -> timersAt(DUE_DATE) == SEEDS);
    report.row("seed invoices (InvoiceService.create + job executor)", SEEDS + " SENT, waiting on " + DUE_DATE
        + " in " + BillingRunBenchmark.seconds(BillingRunBenchmark.secondsSince(started)));
  }

  private static InvoiceRequest seedRequest(int i, LocalDate issueDate, LocalDate dueDate) {
    CustomerRequest customer = new CustomerRequest("MT-" + (100_000 + i), "Kund AB " + i, CustomerType.BUSINESS,
        false, Country.SE, "556036-0793", "mt-" + i + "@customer.example", null,
        new CustomerRequest.AddressRequest("Storgatan 1", "111 22", "Stockholm", null), true, Channel.EMAIL, null,
        null);
    return new InvoiceRequest("MT-" + (1_000_000 + i), customer.customerNumber(), customer, issueDate, dueDate,
        Currency.SEK, List.of(new InvoiceRequest.LineRequest("Service A", BigDecimal.ONE, new BigDecimal("100.50"),
        BigDecimal.valueOf(25), null, "PO-" + i)), null, null);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The bulk path

  /**
   * The copy's engine id: the copy number, then 12 hex digits of md5(template id), keeping an activity instance id's
   * "ActivityId:". Ids that grow with the copy number go to the right end of each B-tree index; random UUIDs sent
   * every row to a random leaf page and made the load ten times slower.
   */
  private static final String FUNCTIONS = """
      CREATE OR REPLACE FUNCTION bench_id(x TEXT, k BIGINT) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
        SELECT CASE WHEN x IS NULL THEN NULL
                    WHEN position(':' IN x) > 0
                      THEN split_part(x, ':', 1) || ':' || lpad(k::text, 8, '0') || '-' || left(md5(x), 12)
                    ELSE lpad(k::text, 8, '0') || '-' || left(md5(x), 12) END $$;
      CREATE OR REPLACE FUNCTION bench_luhn(d TEXT) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
        SELECT ((10 - SUM(CASE WHEN (length(d) - i) % 2 = 0
                               THEN (substr(d, i, 1)::int * 2) / 10 + (substr(d, i, 1)::int * 2) % 10
                               ELSE substr(d, i, 1)::int END) % 10) % 10)::text
        FROM generate_series(1, length(d)) i $$;
      CREATE OR REPLACE FUNCTION bench_ocr(d TEXT) RETURNS TEXT IMMUTABLE LANGUAGE sql AS $$
        SELECT d || ((length(d) + 2) % 10) || bench_luhn(d || ((length(d) + 2) % 10)) $$""";

  /** The per-invoice tables the bulk path copies; any other table holding the template's rows fails the run. */
  private static final List<String> COPIED_INVOICE_TABLES = List.of("fordra_invoice_line", "fordra_invoice_event",
      "fordra_document", "fordra_ledger_entry", "fordra_ledger_line");

  private record Template(long invoiceId, String invoiceNumber, String customerNumber, LocalDate dueDate,
                          String processInstanceId, long documentId, long ledgerEntryId) {}

  private void bulk(int n, LocalDate today) {
    report.section("Bulk path: " + (n - SEEDS) + " copies of a real waiting invoice (INSERT ... SELECT)");
    Template t = template();
    jdbc.execute(FUNCTIONS);
    for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.columns WHERE column_name ="
        + " 'invoice_id' AND table_schema = current_schema()", String.class)) {
      long rows = count("SELECT COUNT(*) FROM " + table + " WHERE invoice_id = " + t.invoiceId());
      assertThat(rows == 0 || COPIED_INVOICE_TABLES.contains(table))
          .as("the template has " + rows + " rows in " + table + ", which the bulk path does not copy").isTrue();
    }
    assertThat(count("SELECT COUNT(*) FROM fordra_document WHERE invoice_id = " + t.invoiceId())).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM fordra_ledger_entry WHERE invoice_id = " + t.invoiceId())).isEqualTo(1);
    report.row("template", t.invoiceNumber() + ", process instance " + t.processInstanceId());
    report.row("engine rows per waiting instance", engineRowsOf(t.processInstanceId()));

    long invoiceBase = count("SELECT MAX(id) FROM fordra_invoice");
    long documentBase = count("SELECT MAX(id) FROM fordra_document");
    long entryBase = count("SELECT MAX(id) FROM fordra_ledger_entry");
    long started = System.nanoTime();
    Map<String, Double> secondsPerTable = new LinkedHashMap<>();
    int copies = n - SEEDS;
    for (int from = 1; from <= copies; from += COPIES_PER_TRANSACTION) {
      int to = Math.min(copies, from + COPIES_PER_TRANSACTION - 1);
      copyBatch(t, from, to, today, invoiceBase, documentBase, entryBase, secondsPerTable);
      System.out.printf(Locale.ROOT, "[benchmark] bulk: %d / %d copies after %.0f s%n", to, copies,
          BillingRunBenchmark.secondsSince(started));
    }
    jdbc.execute("SELECT setval('fordra_invoice_seq', (SELECT MAX(id) FROM fordra_invoice))");
    jdbc.execute("SELECT setval(pg_get_serial_sequence('fordra_document', 'id'), (SELECT MAX(id) FROM fordra_document))");
    jdbc.execute("SELECT setval(pg_get_serial_sequence('fordra_ledger_entry', 'id'),"
        + " (SELECT MAX(id) FROM fordra_ledger_entry))");
    double insertSeconds = BillingRunBenchmark.secondsSince(started);
    long analyzeStarted = System.nanoTime();
    // What autovacuum would do soon after such a load; the plans below must not depend on luck of its timing.
    jdbc.execute("ANALYZE");
    report.row("copies inserted", copies + " in " + BillingRunBenchmark.seconds(insertSeconds) + " ("
        + BillingRunBenchmark.rate(copies, insertSeconds, "invoices/s") + "), ANALYZE "
        + BillingRunBenchmark.seconds(BillingRunBenchmark.secondsSince(analyzeStarted)));
    secondsPerTable.forEach((table, seconds) -> report.row("  " + table, BillingRunBenchmark.seconds(seconds)));
    report.row("database size", jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))",
        String.class));

    assertThat(count("SELECT COUNT(*) FROM fordra_invoice WHERE status = 'SENT'")).isEqualTo(n);
    assertThat(timersAt(DUE_DATE)).as("instances waiting on " + DUE_DATE).isEqualTo(n);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(InvoiceToCash.KEY)
        .count()).isEqualTo(n);
    String lastNumber = copyNumber(copies);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(lastNumber)
        .singleResult()).as("the last copy's process instance, by business key").isNotNull();
    assertThat(PaymentReferences.isValidSwedishOcr(invoices.get(lastNumber).paymentReference()))
        .as("the last copy's OCR reference").isTrue();
    report.row("engine rows after the load", engineRowCounts());
  }

  private Template template() {
    return jdbc.queryForObject("""
        SELECT i.id, i.invoice_number, i.customer_number, i.due_date, e.proc_inst_id_,
               (SELECT d.id FROM fordra_document d WHERE d.invoice_id = i.id),
               (SELECT l.id FROM fordra_ledger_entry l WHERE l.invoice_id = i.id)
        FROM fordra_invoice i JOIN act_ru_execution e ON e.business_key_ = i.invoice_number
        WHERE i.invoice_number = 'MT-1000000'""", (rs, row) -> new Template(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getLong(6), rs.getLong(7)));
  }

  private static String copyNumber(long k) {
    return String.format(Locale.ROOT, "MW-%07d", k);
  }

  /**
   * The copies of one transaction. bench_copy holds one row per copy: its number k, ids, invoice number, customer,
   * due date and how many days its dates move from the template's.
   */
  private void copyBatch(Template t, int from, int to, LocalDate today, long invoiceBase, long documentBase,
                         long entryBase, Map<String, Double> secondsPerTable) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        Map<String, String> values = Map.of(
            ":from", Integer.toString(from), ":to", Integer.toString(to), ":today", "DATE '" + today + "'",
            ":invoiceBase", Long.toString(invoiceBase), ":documentBase", Long.toString(documentBase),
            ":entryBase", Long.toString(entryBase), ":templateDue", "DATE '" + t.dueDate() + "'",
            ":templateNumber", "'" + t.invoiceNumber() + "'", ":templateCustomer", "'" + t.customerNumber() + "'",
            ":pi", "'" + t.processInstanceId() + "'");
        s.execute("DROP TABLE IF EXISTS bench_copy");
        s.execute(bind("""
            CREATE TEMP TABLE bench_copy ON COMMIT DROP AS
            SELECT k, :invoiceBase + k AS invoice_id, :documentBase + k AS document_id, :entryBase + k AS entry_id,
                   'MW-' || lpad(k::text, 7, '0') AS invoice_number,
                   'MWC-' || lpad(((k - 1) / %d)::text, 6, '0') AS customer_number,
                   :today + day AS due_date, :today + day - :templateDue AS shift
            FROM (SELECT k, CASE WHEN k %% 600 = 0 THEN 1 ELSE 2 + k %% 59 END AS day
                  FROM generate_series(:from, :to) k) g""".formatted(INVOICES_PER_CUSTOMER), values));
        s.execute("CREATE UNIQUE INDEX ON bench_copy (k)");
        s.execute("ANALYZE bench_copy");
        String templateInvoice = "t.id = " + t.invoiceId();
        String onInvoice = "t.invoice_id = " + t.invoiceId();
        copy(s, secondsPerTable, "fordra_customer", "t.customer_number = :templateCustomer",
            "(SELECT DISTINCT customer_number FROM bench_copy)", Map.of(
                "customer_number", "c.customer_number",
                "name", "'Kund AB ' || c.customer_number",
                "email", "lower(c.customer_number) || '@customer.example'"), values);
        copy(s, secondsPerTable, "fordra_invoice", templateInvoice, "bench_copy", Map.of(
            "id", "c.invoice_id", "invoice_number", "c.invoice_number", "customer_number", "c.customer_number",
            "due_date", "c.due_date", "pay_by", "t.pay_by + c.shift",
            "payment_reference", "bench_ocr(c.invoice_id::text)"), values);
        copy(s, secondsPerTable, "fordra_invoice_line", onInvoice, "bench_copy", Map.of(
            "invoice_id", "c.invoice_id"), values);
        copy(s, secondsPerTable, "fordra_invoice_event", onInvoice, "bench_copy", Map.of(
            "id", "DEFAULT", "invoice_id", "c.invoice_id",
            "message", "replace(replace(t.message, :templateNumber, c.invoice_number),"
                + " CAST(:templateDue AS TEXT), CAST(c.due_date AS TEXT))"), values);
        copy(s, secondsPerTable, "fordra_ledger_entry", onInvoice, "bench_copy", Map.of(
            "id", "c.entry_id", "invoice_id", "c.invoice_id",
            "text", "replace(replace(t.text, :templateNumber, c.invoice_number), :templateCustomer,"
                + " c.customer_number)"), values);
        copy(s, secondsPerTable, "fordra_ledger_line", "t.entry_id = " + t.ledgerEntryId(), "bench_copy", Map.of(
            "entry_id", "c.entry_id",
            "invoice_id", "CASE WHEN t.invoice_id IS NULL THEN NULL ELSE c.invoice_id END",
            "customer_number", "CASE WHEN t.customer_number IS NULL THEN NULL ELSE c.customer_number END"), values);
        copy(s, secondsPerTable, "fordra_document", onInvoice, "bench_copy", Map.of(
            "id", "c.document_id", "invoice_id", "c.invoice_id",
            "file_name", "replace(t.file_name, :templateNumber, c.invoice_number)",
            "message_id", "replace(t.message_id, :templateNumber, c.invoice_number)",
            "pay_by", "t.pay_by + c.shift",
            "sent_to", "lower(c.customer_number) || '@customer.example'"), values);
        copy(s, secondsPerTable, "fordra_document_delivery", "t.document_id = " + t.documentId(), "bench_copy",
            Map.of("id", "DEFAULT", "document_id", "c.document_id",
                "recipient", "lower(c.customer_number) || '@customer.example'"), values);

        String engineIds = "bench_id(t.%s, c.k)";
        copy(s, secondsPerTable, "act_ru_execution", "t.proc_inst_id_ = :pi", "bench_copy", ids(engineIds,
            Map.of("business_key_", "CASE WHEN t.business_key_ IS NULL THEN NULL ELSE c.invoice_number END"),
            "id_", "root_proc_inst_id_", "proc_inst_id_", "parent_id_", "super_exec_", "act_inst_id_"), values);
        copy(s, secondsPerTable, "act_ru_job", "t.process_instance_id_ = :pi", "bench_copy", ids(engineIds,
            Map.of("duedate_", "t.duedate_ + c.shift * INTERVAL '1 day'"),
            "id_", "execution_id_", "root_proc_inst_id_", "process_instance_id_"), values);
        String variableValues = """
            CASE t.name_ WHEN 'invoiceNumber' THEN c.invoice_number
                         WHEN 'documentId' THEN CAST(c.document_id AS TEXT) ELSE t.text_ END""";
        copy(s, secondsPerTable, "act_ru_variable", "t.proc_inst_id_ = :pi", "bench_copy", ids(engineIds,
            Map.of("text_", variableValues,
                "long_", "CASE t.name_ WHEN 'documentId' THEN c.document_id ELSE t.long_ END"),
            "id_", "execution_id_", "proc_inst_id_", "var_scope_"), values);
        copy(s, secondsPerTable, "act_ru_event_subscr", "t.proc_inst_id_ = :pi", "bench_copy", ids(engineIds,
            Map.of(), "id_", "execution_id_", "proc_inst_id_"), values);
        copy(s, secondsPerTable, "act_hi_procinst", "t.proc_inst_id_ = :pi", "bench_copy", ids(engineIds,
            Map.of("business_key_", "c.invoice_number"), "id_", "proc_inst_id_", "root_proc_inst_id_"), values);
        copy(s, secondsPerTable, "act_hi_actinst", "t.proc_inst_id_ = :pi AND t.end_time_ IS NULL", "bench_copy",
            ids(engineIds, Map.of(), "id_", "parent_act_inst_id_", "execution_id_", "proc_inst_id_",
                "root_proc_inst_id_", "call_proc_inst_id_"), values);
        copy(s, secondsPerTable, "act_hi_varinst", "t.proc_inst_id_ = :pi", "bench_copy", ids(engineIds,
            Map.of("text_", variableValues,
                "long_", "CASE t.name_ WHEN 'documentId' THEN c.document_id ELSE t.long_ END"),
            "id_", "proc_inst_id_", "execution_id_", "act_inst_id_", "root_proc_inst_id_"), values);
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("bulk copy " + from + "-" + to + " failed", e);
    }
  }

  private static Map<String, String> ids(String pattern, Map<String, String> others, String... idColumns) {
    Map<String, String> overrides = new LinkedHashMap<>(others);
    for (String column : idColumns) {
      overrides.put(column, pattern.formatted(column));
    }
    return overrides;
  }

  /**
   * INSERT INTO table SELECT every column of the template rows (t) once per row of copies (c), with the given
   * expressions for some columns (DEFAULT leaves the column out, so its identity fills it).
   */
  private void copy(Statement s, Map<String, Double> secondsPerTable, String table, String templateRows,
                    String copies, Map<String, String> overrides, Map<String, String> values) throws SQLException {
    List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = ?"
        + " AND table_schema = current_schema() ORDER BY ordinal_position", String.class, table);
    assertThat(columns).as("columns of " + table).isNotEmpty();
    assertThat(columns).as("columns of " + table).containsAll(overrides.keySet());
    List<String> inserted = columns.stream().filter(col -> !"DEFAULT".equals(overrides.get(col))).toList();
    String sql = "INSERT INTO " + table + " (" + String.join(", ", inserted) + ") SELECT "
        + inserted.stream().map(col -> overrides.getOrDefault(col, "t." + col)).collect(Collectors.joining(", "))
        + " FROM " + table + " t CROSS JOIN " + copies + " c WHERE " + templateRows;
    long started = System.nanoTime();
    s.executeUpdate(bind(sql, values));
    secondsPerTable.merge(table, BillingRunBenchmark.secondsSince(started), Double::sum);
  }

  private static String bind(String sql, Map<String, String> values) {
    String bound = sql;
    // Longest names first, so that :templateDue is not taken for :template...
    for (String name : values.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
      bound = bound.replace(name, values.get(name));
    }
    return bound;
  }

  private String engineRowsOf(String processInstanceId) {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("act_ru_execution", "proc_inst_id_");
    tables.put("act_ru_job", "process_instance_id_");
    tables.put("act_ru_variable", "proc_inst_id_");
    tables.put("act_ru_event_subscr", "proc_inst_id_");
    tables.put("act_ru_task", "proc_inst_id_");
    tables.put("act_hi_procinst", "proc_inst_id_");
    tables.put("act_hi_actinst", "proc_inst_id_");
    tables.put("act_hi_varinst", "proc_inst_id_");
    return tables.entrySet().stream().map(e -> e.getKey() + " " + count("SELECT COUNT(*) FROM " + e.getKey()
        + " WHERE " + e.getValue() + " = '" + processInstanceId + "'")).collect(Collectors.joining(", "));
  }

  private String engineRowCounts() {
    return List.of("act_ru_execution", "act_ru_job", "act_ru_variable", "act_ru_event_subscr", "act_hi_actinst")
        .stream().map(table -> table + " " + count("SELECT COUNT(*) FROM " + table))
        .collect(Collectors.joining(", "));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Measurements

  private Map<String, String> measure(String title, LocalDate today, ProcessEngineConfigurationImpl configuration,
                                      boolean explainAll) throws Exception {
    report.section("Measured " + title);
    Map<String, String> figures = new LinkedHashMap<>();
    Date now = ClockUtil.getCurrentTime();
    report.row("ACT_RU_JOB rows / due now", count("SELECT COUNT(*) FROM act_ru_job") + " / "
        + management.createJobQuery().duedateLowerThan(new Date(now.getTime() + 1)).count());

    JobExecutor jobExecutor = configuration.getJobExecutor();
    Timings acquire = time(() -> {
      AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
          .execute(new AcquireJobsCmd(jobExecutor, jobExecutor.getMaxJobsPerAcquisition()));
      return (long) acquired.size();
    });
    figures.put("job acquisition (AcquireJobsCmd, nothing due)", acquire.toString());
    Timings acquireSql = time(() -> queryRows(ACQUISITION_SQL, now));
    figures.put("acquisition SELECT (JDBC)", acquireSql.toString());

    String customer = jdbc.queryForObject("SELECT customer_number FROM fordra_invoice ORDER BY id DESC LIMIT 1",
        String.class);
    String number = jdbc.queryForObject("SELECT invoice_number FROM fordra_invoice ORDER BY id DESC LIMIT 1",
        String.class);
    figures.put("GET /api/invoices/{n} (what InvoiceController.get reads)", time(() -> getInvoice(number)).toString());
    Timings customersInvoices = time(() -> listInvoices(customer, null));
    figures.put("GET /api/invoices?customerNumber= (a customer's)", customersInvoices + ", "
        + customersInvoices.lastResult() + " rows");
    Timings openInvoices = time(() -> listInvoices(null, InvoiceStatus.SENT));
    figures.put("GET /api/invoices?status=SENT (limit 100)", openInvoices.toString());
    figures.put("GET /api/invoices (newest 100)", time(() -> listInvoices(null, null)).toString());
    Timings tasks = time(() -> (long) engine.getTaskService().createTaskQuery()
        .taskCandidateGroup(CASE_HANDLERS).includeAssignedTasks().orderByTaskCreateTime().desc()
        .listPage(0, 15).size());
    figures.put("task list (candidate group, first 15)", tasks.toString());
    Timings taskCount = time(() -> engine.getTaskService().createTaskQuery()
        .taskCandidateGroup(CASE_HANDLERS).includeAssignedTasks().count());
    figures.put("task count (candidate group)", taskCount.toString());
    Timings cockpitInstances = time(() -> (long) engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(InvoiceToCash.KEY).listPage(0, 50).size());
    figures.put("Cockpit: instances of invoice-to-cash (first 50)", cockpitInstances.toString());
    Timings byBusinessKey = time(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).count());
    figures.put("Cockpit: instance by business key", byBusinessKey.toString());
    Timings agingReport = time(() -> (long) aging.on(today).customers().size());
    figures.put("aging report (AgingReport.on(today))", agingReport + ", " + agingReport.lastResult()
        + " customer rows");
    figures.forEach(report::row);

    if (explainAll) {
      Timestamp at = new Timestamp(now.getTime());
      explain("Job acquisition, nothing due (Camunda's selectNextJobsToExecute shape)",
          ACQUISITION_SQL.replace("?", literal(at)));
      explain("An invoice by number", "SELECT * FROM fordra_invoice WHERE invoice_number = '" + number + "'");
      explain("A customer's invoices (the list endpoint)", "SELECT * FROM fordra_invoice WHERE 1 = 1 AND"
          + " customer_number = '" + customer + "' ORDER BY issue_date DESC, id DESC LIMIT 100");
      explain("Invoices by status (the list endpoint)", "SELECT * FROM fordra_invoice WHERE 1 = 1 AND"
          + " status = 'SENT' ORDER BY issue_date DESC, id DESC LIMIT 100");
      explain("The newest invoices (the list endpoint without filters)", "SELECT * FROM fordra_invoice WHERE 1 = 1"
          + " ORDER BY issue_date DESC, id DESC LIMIT 100");
    }
    return figures;
  }

  /** The reads of GET /api/invoices/{n} (InvoiceController.get): the invoice, booking date, supply, lines, events. */
  private long getInvoice(String number) {
    Invoice invoice = invoices.get(number);
    invoices.bookingDate(invoice);
    invoices.supply(invoice);
    return invoices.lines(invoice).size() + invoices.events(invoice).size();
  }

  /** The reads of GET /api/invoices (InvoiceController.search), limit 100. */
  private long listInvoices(String customerNumber, InvoiceStatus status) {
    List<Invoice> found = invoices.search(customerNumber, status, null, null, 100);
    List<Long> ids = found.stream().map(Invoice::id).toList();
    invoices.bookingDates(ids);
    invoices.supplies(ids);
    return found.size();
  }

  /** Camunda 7.24's selectNextJobsToExecute with ensureJobDueDateNotNull, LIMIT 16. */
  private static final String ACQUISITION_SQL = BillingRunBenchmark.ACQUISITION_SQL;

  private long queryRows(String sql, Date at) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql.replace("?", literal(new Timestamp(at.getTime()))))) {
      long rows = 0;
      while (rs.next()) {
        rows++;
      }
      return rows;
    }
  }

  private static String literal(Timestamp at) {
    return "TIMESTAMP '" + at + "'";
  }

  private void explain(String title, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      while (rs.next()) {
        lines.addAll(Arrays.asList(rs.getString(1).split("\\R")));
      }
    }
    report.text(title + " (EXPLAIN (ANALYZE, BUFFERS))", sql, lines);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Proof: the copies' timers fire

  private void fireFirstDueDay(int n, JobExecutor jobExecutor) {
    Job first = management.createJobQuery().timers().activityId(DUE_DATE).orderByJobDuedate().asc().listPage(0, 1)
        .get(0);
    Date fireAt = new Date(first.getDuedate().getTime() + Duration.ofHours(1).toMillis());
    long due = management.createJobQuery().timers().activityId(DUE_DATE).duedateLowerThan(fireAt).count();
    report.section("Proof: engine clock moved to " + fireAt.toInstant() + "; " + due + " due-date timers are due");
    long started = System.nanoTime();
    ClockUtil.setCurrentTime(fireAt);
    jobExecutor.jobWasAdded();
    await("the " + due + " due invoices OVERDUE").atMost(Duration.ofMinutes(5).plusMillis(100L * due))
        .pollInterval(Duration.ofMillis(500)).until(() -> {
          List<Job> failed = management.createJobQuery().withException().listPage(0, 1);
          if (!failed.isEmpty()) {
            throw new AssertionError("job failed: " + failed.get(0).getExceptionMessage() + "\n"
                + management.getJobExceptionStacktrace(failed.get(0).getId()));
          }
          return countStatus(InvoiceStatus.OVERDUE) == due && timersAt(REMINDER_RUN) == due;
        });
    double seconds = BillingRunBenchmark.secondsSince(started);
    report.row("invoices OVERDUE", countStatus(InvoiceStatus.OVERDUE) + " in " + BillingRunBenchmark.seconds(seconds)
        + " (" + BillingRunBenchmark.rate(due, seconds, "timers/s") + ")");
    report.row("instances now waiting on " + REMINDER_RUN, timersAt(REMINDER_RUN));
    report.row("invoices still SENT, waiting on " + DUE_DATE, countStatus(InvoiceStatus.SENT) + " / "
        + timersAt(DUE_DATE));
    report.row("copies among the OVERDUE", count("SELECT COUNT(*) FROM fordra_invoice WHERE status = 'OVERDUE'"
        + " AND invoice_number LIKE 'MW-%'"));
    assertThat(countStatus(InvoiceStatus.OVERDUE)).isEqualTo(due);
    assertThat(countStatus(InvoiceStatus.SENT)).isEqualTo(n - due);
    assertThat(timersAt(DUE_DATE)).isEqualTo(n - due);
    assertThat(count("SELECT COUNT(*) FROM fordra_invoice WHERE status = 'OVERDUE' AND invoice_number LIKE 'MW-%'"))
        .as("copies among the invoices that went OVERDUE").isEqualTo(due);
  }

  /**
   * A reminder run is no query of its own: each overdue invoice waits on its Timer_ReminderRun job, due at the
   * next run (processes/reminder-runs.dmn), and the job executor's acquisition finds the due ones by DUEDATE_.
   */
  private void reminderRun(ProcessEngineConfigurationImpl configuration) throws Exception {
    Job next = management.createJobQuery().timers().activityId(REMINDER_RUN).orderByJobDuedate().asc()
        .listPage(0, 1).get(0);
    Date runAt = new Date(next.getDuedate().getTime() + 1);
    Timestamp at = new Timestamp(runAt.getTime());
    long dueJobs = management.createJobQuery().duedateLowerThan(new Date(runAt.getTime() + 1)).count();
    report.section("Reminder run at " + runAt.toInstant() + ": the jobs it finds due");
    report.row("jobs due at the run (any activity)", dueJobs + " of " + count("SELECT COUNT(*) FROM act_ru_job"));
    report.row("of them at " + REMINDER_RUN, management.createJobQuery().timers().activityId(REMINDER_RUN)
        .duedateLowerThan(new Date(runAt.getTime() + 1)).count());
    explain("Acquisition at the reminder run (one acquisition of 16)", ACQUISITION_SQL.replace("?", literal(at)));
    explain("Every job due at the reminder run (what the run's acquisitions walk through, all of them)",
        ACQUISITION_SQL.replace("?", literal(at)).replace("LIMIT 16 OFFSET 0", ""));
    // The job executor stops first: these acquisitions lock 16 due jobs each, which nobody is to run.
    JobExecutor jobExecutor = configuration.getJobExecutor();
    jobExecutor.shutdown();
    ClockUtil.setCurrentTime(runAt);
    Timings acquire = time(() -> (long) configuration.getCommandExecutorTxRequired()
        .execute(new AcquireJobsCmd(jobExecutor, jobExecutor.getMaxJobsPerAcquisition())).size());
    report.row("job acquisition at the run (AcquireJobsCmd, " + dueJobs + " due)", acquire + ", "
        + acquire.lastResult() + " jobs locked per acquisition");
    assertThat(acquire.lastResult()).as("jobs acquired at the reminder run").isPositive();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers

  private long timersAt(String activityId) {
    return management.createJobQuery().timers().activityId(activityId).count();
  }

  private long countStatus(InvoiceStatus status) {
    return count("SELECT COUNT(*) FROM fordra_invoice WHERE status = '" + status.name() + "'");
  }

  private long count(String sql) {
    Long value = jdbc.queryForObject(sql, Long.class);
    return value == null ? 0 : value;
  }

  /** One warm-up, then QUERY_RUNS timed runs. */
  private static Timings time(Callable<Long> query) throws Exception {
    query.call();
    List<Long> nanos = new ArrayList<>();
    long result = 0;
    while (nanos.size() < QUERY_RUNS) {
      long started = System.nanoTime();
      result = query.call();
      nanos.add(System.nanoTime() - started);
    }
    Collections.sort(nanos);
    return new Timings(nanos.get(QUERY_RUNS / 2) / 1e6, nanos.get(QUERY_RUNS - 1) / 1e6, result);
  }

  private record Timings(double medianMillis, double maxMillis, long lastResult) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "median %.1f ms, max %.1f ms", medianMillis, maxMillis);
    }
  }
}
