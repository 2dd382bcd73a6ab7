package io.fordra.benchmark;

import static io.fordra.benchmark.BillingRunBenchmark.mb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fordra.benchmark.BillingRunBenchmark.Database;
import io.fordra.benchmark.BillingRunBenchmark.Report;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.process.FordraClock;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The pipeline benchmark, issue 17's one benchmark command: N invoices (-Dfordra.benchmark.invoices, default 500)
 * from an invoice file uploaded over HTTP (POST /api/invoice-files) → SENT (PDF rendered, e-mailed over SMTP to a
 * GreenMail server on loopback) → the due date passes (engine clock) → the reminder run sends reminders → 80 % paid
 * by a BgMax file (POST /api/payment-files) → those PAID, the rest still in dunning (REMINDED). Then, in the same
 * JVM, the same path on a bare Camunda engine on stock settings (the skeleton BPMN in src/test/resources/benchmark/,
 * no-op delegates, its own database) and the ratio Fordra/bare per phase.
 *
 * <p>-Dfordra.benchmark.database=h2 (default: H2 file databases under target/benchmark-pipeline-h2) or postgres
 * (fresh databases fordra_bench_pipeline and fordra_bench_bare on 127.0.0.1:5432, user postgres, trust auth). Only
 * correctness is asserted (counts, no Message-ID twice, the skeleton's async flags are Fordra's); the figures are
 * printed and written to target/benchmark-pipeline-report.txt, target/benchmark-pipeline.json and the chart
 * target/benchmark-pipeline.png. Run with
 * {@code ./mvnw -o -Pbenchmark verify -Dtest=PipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    // Ports: 18301 (HTTP) and 18325 (SMTP) unless -Dfordra.benchmark.http-port / smtp-port say otherwise.
    "server.port=${fordra.benchmark.http-port:" + PipelineBenchmark.HTTP_PORT + "}",
    "server.address=127.0.0.1",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    // Mail goes over SMTP to the GreenMail server below, not to the .eml outbox.
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${fordra.benchmark.smtp-port:" + PipelineBenchmark.SMTP_PORT + "}",
    "fordra.mail.outbox=target/benchmark-pipeline-outbox",
    // The undo window is a timer due at once: its job runs, but the benchmark measures sending, not waiting.
    "fordra.distribution.undo-window=" + PipelineBenchmark.UNDO_WINDOW,
    "fordra.invoices.inbox=target/benchmark-pipeline-invoices-inbox",
    "fordra.invoices.inbox-cron=-",
    "fordra.payments.inbox=target/benchmark-pipeline-payments-inbox",
    "fordra.payments.inbox-cron=-",
    "fordra.print.batch-close-cron=-",
    // Read by application-postgres.yaml only (the postgres profile); harmless on H2.
    "FORDRA_DB_URL=" + Database.POSTGRES_SERVER + PipelineBenchmark.POSTGRES_DATABASE,
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=" + PipelineBenchmark.ADMIN,
    "FORDRA_ADMIN_PASSWORD=" + PipelineBenchmark.ADMIN_PASSWORD
})
@ActiveProfiles(resolver = Database.Profiles.class)
@ContextConfiguration(initializers = PipelineBenchmark.Initializer.class)
@DirtiesContext
class PipelineBenchmark {

  static final int HTTP_PORT = 18301;
  static final int SMTP_PORT = 18325;
  static final String UNDO_WINDOW = "PT0S";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "bench-Secret-1";
  static final String POSTGRES_DATABASE = "fordra_bench_pipeline";
  static final String BARE_POSTGRES_DATABASE = "fordra_bench_bare";
  static final Path H2_DIRECTORY = Path.of("target", "benchmark-pipeline-h2");
  static final Path REPORT = Path.of("target", "benchmark-pipeline-report.txt");
  static final Path JSON = Path.of("target", "benchmark-pipeline.json");
  static final Path PNG = Path.of("target", "benchmark-pipeline.png");
  static final Path INVOICE_FILE = Path.of("target", "benchmark-pipeline-invoices.csv");
  static final Path PAYMENT_FILE = Path.of("target", "benchmark-pipeline-bgmax.txt");

  private static final String PREFIX = "PB-";
  private static final int INVOICES_PER_CUSTOMER = 10;
  /** Every fifth invoice stays unpaid: 80 % are paid by the BgMax file. */
  private static final int UNPAID_EVERY = 5;
  /** The bare engine starts its instances in transactions of this many, as Fordra's import creates its chunks. */
  private static final int BARE_CHUNK = 200;
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  private static final long BUCKET_MILLIS = 10_000;
  private static final DateTimeFormatter BGMAX_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** The elements the skeleton mirrors, by id (the skeleton uses Fordra's ids): their async flags must agree. */
  private static final Map<String, List<String>> MIRRORED = Map.of(
      InvoiceToCash.RESOURCE, List.of("Start_InvoiceCreated", "Task_PrepareInvoice", "SubProcess_FollowUp",
          "Start_FollowUp", "Call_SendInvoice", "Timer_DueDate", "Task_MarkOverdue", "Timer_ReminderRun",
          "Task_PrepareReminder", "Call_SendReminder", "Timer_ReminderDeadline", "EventSubProcess_Payment",
          "Start_PaymentReceived", "Task_ApplyPayment", "Boundary_Settled", "Task_CloseAsPaid"),
      "processes/invoice-distribution.bpmn", List.of("Start_DocumentReady", "Timer_UndoWindow",
          "Task_BringLetterUpToDate", "Task_SendEmail", "End_Sent"));

  private static SmtpSink smtp;

  /** H2: fresh file databases under target/. PostgreSQL: a fresh fordra_bench_pipeline before the engine starts. */
  static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      if (Database.selected() == Database.POSTGRES) {
        SkeletonEngine.freshPostgresDatabase(Database.POSTGRES_SERVER, POSTGRES_DATABASE);
      } else {
        FileSystemUtils.deleteRecursively(H2_DIRECTORY.toFile());
        TestPropertyValues.of("spring.datasource.url=jdbc:h2:file:" + H2_DIRECTORY.toAbsolutePath().resolve("fordra")
            + ";DB_CLOSE_ON_EXIT=FALSE", "spring.datasource.username=sa", "spring.datasource.password=")
            .applyTo(context);
      }
    }
  }

  @BeforeAll
  static void startSmtpServer() {
    smtp = new SmtpSink(Integer.getInteger("fordra.benchmark.smtp-port", SMTP_PORT));
  }

  @AfterAll
  static void stopSmtpServer() {
    if (smtp != null) {
      smtp.close();
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired InvoiceService invoices;
  @Autowired FordraClock clock;
  @Autowired JdbcTemplate jdbc;
  @Value("${server.port}") int httpPort;
  @Value("${spring.mail.port}") int smtpPort;
  @Value("${fordra.invoices.import-chunk:200}") int importChunk;
  @Value("${fordra.payments.import-chunk:200}") int paymentChunk;

  private final Report report = new Report(REPORT);
  private final Heap heap = new Heap();
  private final Map<String, Object> json = new LinkedHashMap<>();

  /** One phase of one run, as measured. */
  record Phase(String name, long startedAt, long endedAt, long invoices, long jobs, long heapPeak) {
    double seconds() {
      return (endedAt - startedAt) / 1000.0;
    }

    double invoicesPerSecond() {
      return invoices / seconds();
    }

    double jobsPerSecond() {
      return jobs / seconds();
    }
  }

  /** What one run (Fordra or bare) produced: its phases, and event times for the chart (ms since it started). */
  static final class Run {
    final String name;
    long startedAt;
    final List<Phase> phases = new ArrayList<>();
    final List<Long> sent = new ArrayList<>();
    final List<Long> reminded = new ArrayList<>();
    final List<Long> paid = new ArrayList<>();
    long[] latencies = new long[0];
    long databaseBytes;
    final Map<String, String> notes = new LinkedHashMap<>();

    Run(String name) {
      this.name = name;
    }

    Phase phase(String name) {
      return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
  }

  static final String SEND = "1. import -> SENT";
  static final String DUE = "2. due date -> OVERDUE";
  static final String REMIND = "3. reminder run -> reminder sent";
  static final String PAY = "4. BgMax file -> PAID";

  @Test
  void invoiceFileToPaidOverHttpAndSmtpBesideABareEngine() throws Exception {
    int n = Integer.getInteger("fordra.benchmark.invoices", 500);
    assertThat(n).as("fordra.benchmark.invoices").isGreaterThanOrEqualTo(UNPAID_EVERY);
    int paying = n - n / UNPAID_EVERY;
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor jobExecutor = configuration.getJobExecutor();
    Run fordra = new Run("Fordra");
    Run bare = new Run("bare");
    List<String> mirrored = compareSkeletonWithFordra();
    try {
      describeSetUp(n, configuration, jobExecutor, mirrored);
      heap.start();

      runFordra(n, fordra);
      // Only one engine works at a time: the machine has 2 cores.
      jobExecutor.shutdown();
      ClockUtil.reset();
      runBare(n, paying, bare);

      reportRuns(n, fordra, bare);
      writeChart(fordra, bare);
    } finally {
      heap.stop();
      ClockUtil.reset();
      report.print();
      writeJson();
    }

    // Correctness only.
    assertThat(countStatus(InvoiceStatus.PAID)).as("Fordra invoices PAID").isEqualTo(paying);
    assertThat(countStatus(InvoiceStatus.REMINDED)).as("Fordra invoices still in dunning (REMINDED)")
        .isEqualTo(n - paying);
    assertThat(smtp.messages()).as("mails received by the SMTP server").isEqualTo(2L * n);
    assertThat(smtp.distinctMessageIds()).as("distinct Message-IDs").isEqualTo(2L * n);
    assertThat(smtp.duplicates()).as("mails received twice (same Message-ID)").isZero();
    assertThat(bare.sent).as("bare invoices sent").hasSize(n);
    assertThat(bare.reminded).as("bare reminders sent").hasSize(n);
    assertThat(bare.paid).as("bare instances closed as paid").hasSize(paying);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Fordra

  private void runFordra(int n, Run run) throws Exception {
    LocalDate issueDate = clock.today();
    LocalDate dueDate = issueDate.plusDays(30);
    int customers = writeInvoiceFile(n, issueDate, dueDate);
    RestClient api = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
        .baseUrl("http://127.0.0.1:" + httpPort).defaultHeaders(h -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD)).build();
    LongSupplier jobs = () -> successfulJobs(engine);

    // 1. Upload → every invoice SENT, mailed over SMTP.
    heap.resetPeak();
    Instant phaseStart = clock.now();
    long jobsBefore = jobs.getAsLong();
    run.startedAt = System.currentTimeMillis();
    Instant uploadedAt = clock.now();
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new FileSystemResource(INVOICE_FILE));
    ResponseEntity<JsonNode> accepted = api.post().uri("/api/invoice-files").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts).retrieve().toEntity(JsonNode.class);
    assertThat(accepted.getStatusCode().value()).as("POST /api/invoice-files").isEqualTo(202);
    long fileId = accepted.getBody().get("id").asLong();
    long[] importDoneAt = {0};
    int[] gcMark = {0};
    waitFor(SEND, n, () -> {
      if (importDoneAt[0] == 0 && "DONE".equals(api.get().uri("/api/invoice-files/{id}", fileId).retrieve()
          .body(JsonNode.class).get("status").asText())) {
        importDoneAt[0] = System.currentTimeMillis();
      }
      long sent = countStatus(InvoiceStatus.SENT);
      // Heap after GC at 25, 50, 75 and 100 % of the invoices sent: does what stays live grow with the run?
      while (gcMark[0] < 4 && sent >= (long) n * (gcMark[0] + 1) / 4) {
        heap.afterGc("Fordra, " + (gcMark[0] + 1) * 25 + " % SENT");
        gcMark[0]++;
      }
      return sent;
    }, () -> importDoneAt[0] > 0 && countStatus(InvoiceStatus.SENT) == n && smtp.messages() >= n);
    run.phases.add(new Phase(SEND, run.startedAt, System.currentTimeMillis(), n, jobs.getAsLong() - jobsBefore,
        heap.peak()));
    run.notes.put("invoice file", n + " invoices, " + customers + " customers created by the file, "
        + mb(Files.size(INVOICE_FILE)) + "; import (upload to DONE) "
        + String.format(Locale.ROOT, "%.1f s, %.1f invoices/s", (importDoneAt[0] - run.startedAt) / 1000.0,
        n * 1000.0 / (importDoneAt[0] - run.startedAt)));
    run.notes.put("jobs of phase 1 by activity", jobsByActivitySince(phaseStart));
    run.notes.put("mails after phase 1", smtp.messages() + " (" + mb(smtp.bytes()) + " over SMTP)");

    // 2. The due date passes: every invoice OVERDUE, waiting for the reminder run.
    long offset = moveClockTo(clock.engineDate(dueDate.plusDays(1), LocalTime.of(0, 1)));
    run.notes.put("engine clock moved (phase 2)", Instant.ofEpochMilli(System.currentTimeMillis() + offset).toString());
    heap.resetPeak();
    phaseStart = clock.now();
    jobsBefore = jobs.getAsLong();
    long started = System.currentTimeMillis();
    jobExecutorWake();
    String reminderRun = InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN;
    waitFor(DUE, n, () -> countStatus(InvoiceStatus.OVERDUE),
        () -> management.createJobQuery().timers().activityId(reminderRun).count() == n);
    run.phases.add(new Phase(DUE, started, System.currentTimeMillis(), n, jobs.getAsLong() - jobsBefore, heap.peak()));
    run.notes.put("jobs of phase 2 by activity", jobsByActivitySince(phaseStart));
    heap.afterGc("Fordra, all OVERDUE");

    // 3. The reminder run: every invoice gets its reminder by e-mail.
    Job first = management.createJobQuery().timers().activityId(reminderRun).orderByJobDuedate().desc()
        .listPage(0, 1).get(0);
    offset = moveClockTo(new Date(first.getDuedate().getTime() + 60_000));
    run.notes.put("engine clock moved (phase 3)", Instant.ofEpochMilli(System.currentTimeMillis() + offset).toString());
    heap.resetPeak();
    phaseStart = clock.now();
    jobsBefore = jobs.getAsLong();
    started = System.currentTimeMillis();
    jobExecutorWake();
    waitFor(REMIND, n, () -> countStatus(InvoiceStatus.REMINDED),
        () -> countStatus(InvoiceStatus.REMINDED) == n && smtp.messages() >= 2L * n);
    run.phases.add(new Phase(REMIND, started, System.currentTimeMillis(), n, jobs.getAsLong() - jobsBefore,
        heap.peak()));
    run.notes.put("jobs of phase 3 by activity", jobsByActivitySince(phaseStart));
    heap.afterGc("Fordra, all REMINDED");

    // 4. A BgMax file pays 80 % of the invoices (their open amount, reminder fee included).
    int payments = writeBgMax(clock.today());
    heap.resetPeak();
    phaseStart = clock.now();
    jobsBefore = jobs.getAsLong();
    started = System.currentTimeMillis();
    parts = new LinkedMultiValueMap<>();
    parts.add("file", new FileSystemResource(PAYMENT_FILE));
    ResponseEntity<JsonNode> booked = api.post().uri("/api/payment-files").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts).retrieve().toEntity(JsonNode.class);
    assertThat(booked.getStatusCode().is2xxSuccessful()).as("POST /api/payment-files: " + booked.getStatusCode())
        .isTrue();
    long paymentFileId = booked.getBody().get("id").asLong();
    waitFor(PAY, payments, () -> countStatus(InvoiceStatus.PAID), () -> countStatus(InvoiceStatus.PAID) == payments
        && "DONE".equals(api.get().uri("/api/payment-files/{id}", paymentFileId).retrieve().body(JsonNode.class)
        .get("status").asText()));
    run.phases.add(new Phase(PAY, started, System.currentTimeMillis(), payments, jobs.getAsLong() - jobsBefore,
        heap.peak()));
    run.notes.put("jobs of phase 4 by activity", jobsByActivitySince(phaseStart));
    JsonNode summary = api.get().uri("/api/payment-files/{id}", paymentFileId).retrieve().body(JsonNode.class);
    run.notes.put("payment file", payments + " payments, " + mb(Files.size(PAYMENT_FILE)) + "; tally "
        + summary.get("tally"));
    heap.afterGc("Fordra, end");

    run.databaseBytes = databaseSize(Database.selected() == Database.POSTGRES ? POSTGRES_DATABASE : null,
        H2_DIRECTORY.resolve("fordra.mv.db"));
    fordraTimeline(run, uploadedAt, offset);
  }

  /** SENT, REMINDER_SENT and PAID events (engine clock, less the offset the clock had) and created → SENT. */
  private void fordraTimeline(Run run, Instant uploadedAt, long finalOffset) {
    Map<Long, Long> created = new HashMap<>();
    Map<Long, Long> sent = new HashMap<>();
    jdbc.query("SELECT e.invoice_id, e.event_type, e.occurred_at FROM fordra_invoice_event e JOIN fordra_invoice i"
            + " ON i.id = e.invoice_id WHERE i.invoice_number LIKE ? AND e.event_type IN"
            + " ('CREATED', 'SENT', 'REMINDER_SENT', 'PAID')", rs -> {
          long id = rs.getLong(1);
          String type = rs.getString(2);
          long at = rs.getTimestamp(3).getTime();
          switch (type) {
            case "CREATED" -> created.merge(id, at, Math::min);
            case "SENT" -> {
              sent.merge(id, at, Math::min);
              run.sent.add(at - run.startedAt);
            }
            case "REMINDER_SENT" -> run.reminded.add(at - finalOffset - run.startedAt);
            default -> run.paid.add(at - finalOffset - run.startedAt);
          }
        }, PREFIX + "%");
    run.latencies = sent.entrySet().stream().mapToLong(e -> e.getValue() - created.getOrDefault(e.getKey(),
        e.getValue())).sorted().toArray();
    long[] fromUpload = sent.values().stream().mapToLong(at -> at - uploadedAt.toEpochMilli()).sorted().toArray();
    run.notes.put("upload -> SENT per invoice", percentiles(fromUpload));
  }

  private int writeInvoiceFile(int n, LocalDate issueDate, LocalDate dueDate) throws IOException {
    Files.createDirectories(INVOICE_FILE.getParent());
    int[] vat = {25, 12, 6};
    int customers = 0;
    try (BufferedWriter out = Files.newBufferedWriter(INVOICE_FILE, StandardCharsets.UTF_8)) {
      out.write("invoiceNumber;customerNumber;name;type;country;organisationNumber;email;street;postalCode;city;"
          + "issueDate;dueDate;currency;description;quantity;unitPrice;vatRate;orderReference\r\n");
      for (int i = 0; i < n; i++) {
        int c = i / INVOICES_PER_CUSTOMER;
        String customer = PREFIX + "C" + (100_000 + c);
        boolean business = c % 2 == 0;
        for (int l = 0; l < 1 + i % 3; l++) {
          StringBuilder row = new StringBuilder(200).append(PREFIX).append(1_000_000 + i).append(';').append(customer);
          if (i % INVOICES_PER_CUSTOMER == 0 && l == 0) {
            customers++;
            row.append(';').append(business ? "Kund " + c + " AB" : "Åsa Kund " + c).append(';')
                .append(business ? "BUSINESS;SE;556036-0793;" : "PRIVATE;SE;;")
                .append(customer.toLowerCase(Locale.ROOT)).append("@customer.example;Storgatan ").append(1 + c % 99)
                .append(";111 22;Stockholm");
          } else {
            row.append(";;;;;;;;");
          }
          row.append(';').append(issueDate).append(';').append(dueDate).append(";SEK;Tjänst ").append((char) ('A' + l))
              .append(", ").append(issueDate.getMonth().toString().toLowerCase(Locale.ROOT)).append(';')
              .append(1 + (i + l) % 4).append(';').append(100 + (i * 7 + l * 13) % 900).append(".50;")
              .append(vat[(i + l) % vat.length]).append(";PO-").append(i).append("\r\n");
          out.append(row);
        }
      }
    }
    return customers;
  }

  /**
   * A BgMax file (Bankgirot's layout, as BgMaxReader reads it) paying every invoice but each fifth its open amount
   * by OCR reference, one deposit to the seller's bankgiro, dated the given day.
   */
  private int writeBgMax(LocalDate day) throws IOException {
    List<String> numbers = jdbc.queryForList("SELECT invoice_number FROM fordra_invoice WHERE invoice_number LIKE ?"
        + " ORDER BY invoice_number", String.class, PREFIX + "%");
    String date = BGMAX_DATE.format(day);
    long sum = 0;
    int count = 0;
    try (BufferedWriter out = Files.newBufferedWriter(PAYMENT_FILE, StandardCharsets.ISO_8859_1)) {
      out.write(record("01" + pad("BGMAX", 20) + "01" + date + "120000000000" + "P"));
      out.write(record("05" + "0050501055" + pad("", 10) + "SEK"));
      for (int i = 0; i < numbers.size(); i++) {
        if (i % UNPAID_EVERY == UNPAID_EVERY - 1) {
          continue;
        }
        var invoice = invoices.get(numbers.get(i));
        long ore = invoice.openAmount().movePointRight(2).longValueExact();
        sum += ore;
        count++;
        out.write(record("20" + "0012345678" + pad(invoice.paymentReference(), 25) + "%018d".formatted(ore) + "2"
            + "1" + "%012d".formatted(count) + "0"));
      }
      out.write(record("15" + "0".repeat(35) + date + "00001" + "%018d".formatted(sum) + "SEK"
          + "%08d".formatted(count)));
      out.write(record("70" + "%08d".formatted(count) + "%08d".formatted(0) + "%08d".formatted(0) + "%08d".formatted(1)));
    }
    return count;
  }

  private static String pad(String s, int width) {
    return (s + " ".repeat(width)).substring(0, width);
  }

  private static String record(String s) {
    return pad(s, 80) + "\r\n";
  }

  private void jobExecutorWake() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
  }

  private long countStatus(InvoiceStatus status) {
    Long value = jdbc.queryForObject("SELECT COUNT(*) FROM fordra_invoice WHERE status = ? AND invoice_number LIKE ?",
        Long.class, status.name(), PREFIX + "%");
    return value == null ? 0 : value;
  }

  /** Successful jobs by activity (ACT_HI_JOB_LOG: Fordra's history level is full) since an engine-clock instant. */
  private String jobsByActivitySince(Instant engineTime) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.query("SELECT COALESCE(ACT_ID_, JOB_DEF_TYPE_, '(other)') AS what, COUNT(*) FROM ACT_HI_JOB_LOG"
        + " WHERE JOB_STATE_ = 2 AND TIMESTAMP_ >= ? GROUP BY COALESCE(ACT_ID_, JOB_DEF_TYPE_, '(other)')",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        }, java.sql.Timestamp.from(engineTime));
    return counts.toString();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The bare engine

  private void runBare(int n, int paying, Run run) throws Exception {
    Path h2 = H2_DIRECTORY.toAbsolutePath().resolve("bare");
    boolean postgres = Database.selected() == Database.POSTGRES;
    try (SkeletonEngine bare = new SkeletonEngine(postgres, Database.POSTGRES_SERVER, BARE_POSTGRES_DATABASE,
        h2.toString(), UNDO_WINDOW)) {
      run.notes.put("engine", "Camunda " + ProcessEngine.class.getPackage().getImplementationVersion() + ", "
          + bare.settings());
      run.notes.put("database", bare.url);
      RuntimeService runtime = bare.engine.getRuntimeService();
      ManagementService jobs = bare.engine.getManagementService();
      LocalDate today = clock.today();
      LocalDate dueDate = today.plusDays(30);
      Date overdueFrom = clock.engineDate(dueDate.plusDays(1), LocalTime.MIDNIGHT);
      // Fordra's first reminder run for these invoices: the 1st or 15th at 06:00 on or after the day after due.
      LocalDate runDay = dueDate.plusDays(1);
      while (runDay.getDayOfMonth() != 1 && runDay.getDayOfMonth() != 15) {
        runDay = runDay.plusDays(1);
      }
      Date reminderRun = clock.engineDate(runDay, LocalTime.of(6, 0));
      Date reminderDeadline = clock.engineDate(runDay.plusDays(11), LocalTime.MIDNIGHT);

      // 1. Start → every instance sent.
      heap.resetPeak();
      long jobsBefore = successfulJobs(bare.engine);
      Map<String, Long> startedAt = new HashMap<>();
      run.startedAt = System.currentTimeMillis();
      var commands = bare.configuration().getCommandExecutorTxRequired();
      for (int from = 0; from < n; from += BARE_CHUNK) {
        int first = from;
        int end = Math.min(n, from + BARE_CHUNK);
        commands.execute(context -> {
          for (int i = first; i < end; i++) {
            String key = PREFIX + (1_000_000 + i);
            startedAt.put(key, System.currentTimeMillis());
            Map<String, Object> variables = new HashMap<>();
            variables.put("invoiceNumber", key);
            variables.put("documentId", (long) i);
            variables.put("overdueFrom", overdueFrom);
            variables.put("reminderRun", reminderRun);
            variables.put("reminderDeadline", reminderDeadline);
            runtime.startProcessInstanceByKey(SkeletonEngine.INVOICE_TO_CASH, key, variables);
          }
          return null;
        });
      }
      waitForBare(SEND, n, bare.sendEmail.calls::get, () -> bare.sendEmail.calls.get() == n
          && jobs.createJobQuery().timers().activityId("Timer_DueDate").count() == n);
      run.phases.add(new Phase(SEND, run.startedAt, System.currentTimeMillis(), n,
          successfulJobs(bare.engine) - jobsBefore, heap.peak()));
      heap.afterGc("bare, all sent");
      run.latencies = bare.sendEmail.firstByKey.entrySet().stream()
          .mapToLong(e -> e.getValue() - startedAt.get(e.getKey())).sorted().toArray();
      List<Long> sentTimes = new ArrayList<>(bare.sendEmail.times);
      sentTimes.forEach(t -> run.sent.add(t - run.startedAt));

      // 2. Due date.
      moveClockTo(new Date(overdueFrom.getTime() + 60_000));
      heap.resetPeak();
      jobsBefore = successfulJobs(bare.engine);
      long started = System.currentTimeMillis();
      bare.jobExecutor().jobWasAdded();
      waitForBare(DUE, n, bare.markOverdue.calls::get,
          () -> jobs.createJobQuery().timers().activityId("Timer_ReminderRun").count() == n);
      run.phases.add(new Phase(DUE, started, System.currentTimeMillis(), n, successfulJobs(bare.engine) - jobsBefore,
          heap.peak()));

      // 3. Reminder run.
      moveClockTo(new Date(reminderRun.getTime() + 60_000));
      heap.resetPeak();
      jobsBefore = successfulJobs(bare.engine);
      started = System.currentTimeMillis();
      bare.jobExecutor().jobWasAdded();
      waitForBare(REMIND, n, () -> bare.sendEmail.calls.get() - n, () -> bare.sendEmail.calls.get() == 2L * n
          && jobs.createJobQuery().timers().activityId("Timer_ReminderDeadline").count() == n);
      run.phases.add(new Phase(REMIND, started, System.currentTimeMillis(), n,
          successfulJobs(bare.engine) - jobsBefore, heap.peak()));
      new ArrayList<>(bare.sendEmail.times).stream().skip(n).forEach(t -> run.reminded.add(t - run.startedAt));

      // 4. Payments: PaymentReceived correlated in transactions of as many as Fordra books per payment-file chunk.
      heap.resetPeak();
      jobsBefore = successfulJobs(bare.engine);
      started = System.currentTimeMillis();
      for (int from = 0; from < n; from += paymentChunk) {
        int first = from;
        int end = Math.min(n, from + paymentChunk);
        commands.execute(context -> {
          for (int i = first; i < end; i++) {
            if (i % UNPAID_EVERY != UNPAID_EVERY - 1) {
              runtime.createMessageCorrelation(InvoiceToCash.Messages.PAYMENT_RECEIVED)
                  .processInstanceBusinessKey(PREFIX + (1_000_000 + i)).correlate();
            }
          }
          return null;
        });
      }
      waitForBare(PAY, paying, bare.closeAsPaid.calls::get, () -> bare.closeAsPaid.calls.get() == paying);
      run.phases.add(new Phase(PAY, started, System.currentTimeMillis(), paying,
          successfulJobs(bare.engine) - jobsBefore, heap.peak()));
      bare.closeAsPaid.times.forEach(t -> run.paid.add(t - run.startedAt));
      run.notes.put("instances still waiting (unpaid, in dunning)", String.valueOf(runtime.createProcessInstanceQuery()
          .processDefinitionKey(SkeletonEngine.INVOICE_TO_CASH).count()));
      heap.afterGc("bare, end");
      run.databaseBytes = databaseSize(postgres ? BARE_POSTGRES_DATABASE : null, Path.of(h2 + ".mv.db"));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Shared helpers

  /**
   * Moves the engine clock (ClockUtil, which FordraClock reads) to the given instant; the clock keeps running from
   * there. Returns the offset from the wall clock.
   */
  private static long moveClockTo(Date at) {
    long offset = at.getTime() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    return offset;
  }

  /**
   * Successful job executions: Camunda's job-successful metric (its sum adds what is not yet reported to the
   * database). A job marks it after its commit, so a phase's count is read once it stopped moving.
   */
  private static long successfulJobs(ProcessEngine engine) {
    long[] last = {-1};
    try {
      await("job count settled").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300)).until(() -> {
        long now = engine.getManagementService().createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum();
        boolean settled = now == last[0];
        last[0] = now;
        return settled;
      });
    } catch (org.awaitility.core.ConditionTimeoutException stillMoving) {
      // Other jobs keep running (Fordra's own timers, a busy machine): the count as last read.
    }
    return last[0];
  }

  private void waitFor(String what, long total, Callable<Long> progress, Callable<Boolean> done) {
    waitUntil("Fordra " + what, total, progress, done, management);
  }

  private void waitForBare(String what, long total, Callable<Long> progress, Callable<Boolean> done) {
    waitUntil("bare " + what, total, progress, done, null);
  }

  private long lastFailureCheck;

  private void waitUntil(String what, long total, Callable<Long> progress, Callable<Boolean> done,
                         ManagementService failingJobs) {
    long started = System.nanoTime();
    long[] lastPrinted = {started};
    await(what).atMost(Duration.ofMinutes(5).plusMillis(200L * total)).pollDelay(Duration.ZERO).pollInterval(POLL)
        .until(() -> {
          long count = progress.call();
          if (System.nanoTime() - lastPrinted[0] >= PROGRESS_EVERY.toNanos()) {
            lastPrinted[0] = System.nanoTime();
            System.out.printf(Locale.ROOT, "[benchmark] %s: %d / %d after %.0f s, heap used %s%n", what, count, total,
                (System.nanoTime() - started) / 1e9, mb(heap.used()));
          }
          if (failingJobs != null && System.nanoTime() - lastFailureCheck > Duration.ofSeconds(2).toNanos()) {
            lastFailureCheck = System.nanoTime();
            List<Job> failed = failingJobs.createJobQuery().withException().listPage(0, 1);
            if (!failed.isEmpty()) {
              throw new AssertionError("Job " + failed.get(0).getId() + " failed: "
                  + failed.get(0).getExceptionMessage() + "\n"
                  + failingJobs.getJobExceptionStacktrace(failed.get(0).getId()));
            }
          }
          return done.call();
        });
  }

  /** pg_database_size on PostgreSQL; the H2 file's size otherwise. */
  private static long databaseSize(String postgresDatabase, Path h2File) throws Exception {
    if (postgresDatabase == null) {
      return Files.exists(h2File) ? Files.size(h2File) : 0;
    }
    try (Connection c = DriverManager.getConnection(Database.POSTGRES_SERVER + "postgres", "postgres", "");
         var s = c.prepareStatement("SELECT pg_database_size(?)")) {
      s.setString(1, postgresDatabase);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The skeleton must mirror Fordra's models as they are deployed in this run: the same async flags (asyncBefore,
   * asyncAfter, exclusive) on every mirrored element and a timer where Fordra has one. Returns what was compared.
   */
  private static List<String> compareSkeletonWithFordra() {
    List<String> compared = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    MIRRORED.forEach((resource, ids) -> {
      BpmnModelInstance fordra = Bpmn.readModelFromStream(PipelineBenchmark.class.getClassLoader()
          .getResourceAsStream(resource));
      String skeletonResource = resource.contains("distribution") ? SkeletonEngine.RESOURCES.get(1)
          : SkeletonEngine.RESOURCES.get(0);
      BpmnModelInstance skeleton = Bpmn.readModelFromStream(PipelineBenchmark.class.getClassLoader()
          .getResourceAsStream(skeletonResource));
      for (String id : ids) {
        FlowNode theirs = fordra.getModelElementById(id);
        FlowNode ours = skeleton.getModelElementById(id);
        if (theirs == null || ours == null) {
          differences.add(id + ": missing in " + (theirs == null ? resource : skeletonResource));
          continue;
        }
        String fordraFlags = flags(theirs);
        String skeletonFlags = flags(ours);
        compared.add(id + " " + fordraFlags);
        if (!fordraFlags.equals(skeletonFlags)) {
          differences.add(id + ": Fordra " + fordraFlags + ", skeleton " + skeletonFlags);
        }
      }
    });
    assertThat(differences).as("the skeleton (src/test/resources/benchmark/) must mirror Fordra's async flags and "
        + "timers: update it").isEmpty();
    return compared;
  }

  private static String flags(FlowNode node) {
    boolean timer = !node.getChildElementsByType(TimerEventDefinition.class).isEmpty();
    return "[" + (node.isCamundaAsyncBefore() ? "asyncBefore " : "") + (node.isCamundaAsyncAfter() ? "asyncAfter " : "")
        + (node.isCamundaExclusive() ? "exclusive" : "not exclusive") + (timer ? " timer" : "") + "]";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Heap

  /** Peak heap per phase (the heap pools' peak usage, reset at each phase) and the heap after a full GC at marks. */
  static final class Heap {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    final Map<String, Long> afterGc = new LinkedHashMap<>();
    private final List<long[]> samples = new ArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService sampler =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
          Thread thread = new Thread(r, "benchmark-heap-sampler");
          thread.setDaemon(true);
          return thread;
        });

    void start() {
      sampler.scheduleAtFixedRate(() -> {
        synchronized (samples) {
          samples.add(new long[] {System.currentTimeMillis(), used()});
        }
      }, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    void stop() {
      sampler.shutdownNow();
    }

    long used() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    void resetPeak() {
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The pools' peaks summed: an upper bound of the heap's peak (the pools peak at different moments). */
    long peak() {
      return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    void afterGc(String mark) {
      System.gc();
      afterGc.put(mark, used());
    }

    long maxSampled() {
      synchronized (samples) {
        return samples.stream().mapToLong(s -> s[1]).max().orElse(0);
      }
    }

    int sampleCount() {
      synchronized (samples) {
        return samples.size();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Report

  private void describeSetUp(int n, ProcessEngineConfigurationImpl configuration, JobExecutor jobExecutor,
                             List<String> mirrored) throws SQLException {
    report.section("Fordra pipeline benchmark, " + Instant.now());
    report.row("invoices (fordra.benchmark.invoices)", n + " (" + (n - n / UNPAID_EVERY) + " paid by BgMax, "
        + n / UNPAID_EVERY + " left in dunning)");
    try (Connection c = jdbc.getDataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      report.row("database (fordra.benchmark.database)", Database.selected().name().toLowerCase(Locale.ROOT) + ": "
          + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
      report.row("JDBC URL", meta.getURL());
    }
    report.row("cores / JVM max heap / load average", Runtime.getRuntime().availableProcessors() + " / "
        + mb(Runtime.getRuntime().maxMemory()) + " / " + InvoiceFileBenchmark.xmx() + " / " + loadAverage()
        + " (the machine is shared: figures are noisy)");
    report.row("Fordra job executor", jobExecutor.getClass().getSimpleName() + ", "
        + jobExecutor.getMaxJobsPerAcquisition() + " jobs/acquisition, wait " + jobExecutor.getWaitTimeInMillis()
        + " ms, max wait " + jobExecutor.getMaxWait() + " ms");
    report.row("Fordra history level / ensureJobDueDateNotNull", configuration.getHistoryLevel().getName() + " / "
        + configuration.isEnsureJobDueDateNotNull());
    report.row("undo window (both engines)", UNDO_WINDOW + ": the timer job runs, due at once");
    report.row("chunks", "invoice import " + importChunk + ", payment file " + paymentChunk
        + " per transaction (bare: " + BARE_CHUNK + " starts, " + paymentChunk + " correlations)");
    report.row("SMTP", "GreenMail on 127.0.0.1:" + smtpPort + " (counts messages and Message-IDs, keeps no "
        + "message)");
    report.row("skeleton mirrors (same flags as Fordra)", String.join(", ", mirrored));
    json.put("invoices", n);
    json.put("database", Database.selected().name().toLowerCase(Locale.ROOT));
    json.put("startedAt", Instant.now().toString());
    json.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private void reportRuns(int n, Run fordra, Run bare) {
    for (Run run : List.of(fordra, bare)) {
      report.section(run.name + (run == bare ? " (bare Camunda engine, stock settings, skeleton BPMN, no-op delegates)"
          : " (invoice file over HTTP, PDF, SMTP, BgMax over HTTP)"));
      for (Phase p : run.phases) {
        report.row(p.name(), String.format(Locale.ROOT, "%7.1f s  %7.1f invoices/s  %7.1f jobs/s (%d jobs)  heap peak %s",
            p.seconds(), p.invoicesPerSecond(), p.jobsPerSecond(), p.jobs(), mb(p.heapPeak())));
      }
      double total = (run.phases.get(run.phases.size() - 1).endedAt() - run.startedAt) / 1000.0;
      report.row("whole pipeline (start to last PAID)", String.format(Locale.ROOT, "%.1f s", total));
      report.row("created -> SENT per invoice", percentiles(run.latencies));
      report.row("database size / per invoice", mb(run.databaseBytes) + " / "
          + String.format(Locale.ROOT, "%.1f kB", run.databaseBytes / 1024.0 / n));
      run.notes.forEach(report::row);
    }

    report.section("Ratio Fordra / bare (throughput; 1.0 = as fast as the bare engine)");
    for (Phase p : fordra.phases) {
      Phase b = bare.phase(p.name());
      report.row(p.name(), String.format(Locale.ROOT, "%.2f  (invoices/s %.1f / %.1f; jobs/s %.1f / %.1f)",
          p.invoicesPerSecond() / b.invoicesPerSecond(), p.invoicesPerSecond(), b.invoicesPerSecond(),
          p.jobsPerSecond(), b.jobsPerSecond()));
    }
    report.row("p50 created -> SENT (bare / Fordra)", String.format(Locale.ROOT, "%.2f",
        (double) percentile(bare.latencies, 50) / Math.max(1, percentile(fordra.latencies, 50))));

    report.section("Mail (SMTP server on loopback)");
    report.row("messages received", smtp.messages() + " (expected " + 2 * n + ": invoice + reminder each), "
        + mb(smtp.bytes()));
    report.row("distinct Message-IDs / duplicates", smtp.distinctMessageIds() + " / " + smtp.duplicates());

    report.section("Memory (one JVM: Fordra, then the bare engine)");
    report.row("JVM max heap", mb(Runtime.getRuntime().maxMemory()) + " (" + InvoiceFileBenchmark.xmx() + ")");
    report.row("max heap used, sampled every second", mb(heap.maxSampled()) + " (" + heap.sampleCount() + " samples)");
    heap.afterGc.forEach((mark, used) -> report.row("after System.gc(): " + mark, mb(used)));
    List<Long> marks = new ArrayList<>(heap.afterGc.values());
    if (marks.size() >= 4) {
      long growth = marks.get(3) - marks.get(0);
      boolean flat = growth <= Math.max(16L << 20, marks.get(0) / 5);
      report.row("flat? (25 % -> 100 % SENT)", (flat ? "yes" : "NO") + ", " + (growth >= 0 ? "+" : "") + mb(growth)
          + " (flat: at most +20 % or +16 MB)");
      json.put("heapFlat", flat);
    }
    report.row("load average at the end", loadAverage() + " (other processes share the 2 cores)");

    for (Run run : List.of(fordra, bare)) {
      Map<String, Object> r = new LinkedHashMap<>();
      List<Map<String, Object>> phases = new ArrayList<>();
      for (Phase p : run.phases) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", p.name());
        m.put("seconds", round(p.seconds()));
        m.put("invoices", p.invoices());
        m.put("invoicesPerSecond", round(p.invoicesPerSecond()));
        m.put("jobs", p.jobs());
        m.put("jobsPerSecond", round(p.jobsPerSecond()));
        m.put("heapPeakBytes", p.heapPeak());
        if (run == fordra) {
          m.put("ratioToBare", round(p.invoicesPerSecond() / bare.phase(p.name()).invoicesPerSecond()));
        }
        phases.add(m);
      }
      r.put("phases", phases);
      r.put("createdToSentMillis", Map.of("p50", percentile(run.latencies, 50), "p99", percentile(run.latencies, 99),
          "max", percentile(run.latencies, 100)));
      r.put("databaseBytes", run.databaseBytes);
      r.put("databaseBytesPerInvoice", run.databaseBytes / n);
      r.put("notes", run.notes);
      json.put(run == fordra ? "fordra" : "bare", r);
    }
    json.put("mail", Map.of("received", smtp.messages(), "distinctMessageIds", smtp.distinctMessageIds(),
        "duplicates", smtp.duplicates(), "bytes", smtp.bytes()));
    json.put("heapAfterGcBytes", heap.afterGc);
    json.put("heapMaxSampledBytes", heap.maxSampled());
  }

  private void writeChart(Run fordra, Run bare) throws IOException {
    PipelineChart chart = new PipelineChart("Fordra vs. bare Camunda: " + fordra.sent.size() + " invoices, "
        + Database.selected().name().toLowerCase(Locale.ROOT) + ", " + LocalDateTime.now().withNano(0), BUCKET_MILLIS)
        .series(new PipelineChart.Series("Fordra: invoices SENT", new Color(0, 90, 200), false, fordra.sent))
        .series(new PipelineChart.Series("bare: invoices sent", new Color(120, 170, 240), true, bare.sent))
        .series(new PipelineChart.Series("Fordra: reminders sent", new Color(230, 130, 0), false, fordra.reminded))
        .series(new PipelineChart.Series("bare: reminders sent", new Color(250, 190, 110), true, bare.reminded))
        .series(new PipelineChart.Series("Fordra: invoices PAID", new Color(0, 150, 60), false, fordra.paid))
        .series(new PipelineChart.Series("bare: instances paid", new Color(120, 210, 140), true, bare.paid));
    for (Run run : List.of(fordra, bare)) {
      Color color = run == fordra ? new Color(90, 90, 90) : new Color(170, 170, 170);
      for (Phase p : run.phases) {
        chart.marker(new PipelineChart.Marker(run.name + " " + p.name().charAt(0), p.startedAt() - run.startedAt,
            color));
      }
    }
    chart.markerNote("dotted lines: phase starts. 1 invoice file uploaded / instances started, 2 clock moved past "
        + "the due date, 3 clock moved to the reminder run, 4 BgMax file uploaded / payments correlated");
    chart.write(PNG);
    report.row("chart", PNG + " (per " + BUCKET_MILLIS / 1000 + " s)");
  }

  private void writeJson() throws IOException {
    Files.createDirectories(JSON.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(JSON.toFile(), json);
  }

  private static String percentiles(long[] sortedMillis) {
    if (sortedMillis.length == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "p50 %.2f s, p99 %.2f s, max %.2f s (%d invoices)",
        percentile(sortedMillis, 50) / 1000.0, percentile(sortedMillis, 99) / 1000.0,
        percentile(sortedMillis, 100) / 1000.0, sortedMillis.length);
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
