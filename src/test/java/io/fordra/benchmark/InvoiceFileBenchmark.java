package io.fordra.benchmark;

import static io.fordra.benchmark.BillingRunBenchmark.deleteTree;
import static io.fordra.benchmark.BillingRunBenchmark.mb;
import static io.fordra.benchmark.BillingRunBenchmark.rate;
import static io.fordra.benchmark.BillingRunBenchmark.seconds;
import static io.fordra.benchmark.BillingRunBenchmark.secondsSince;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.article.ArticleRequest;
import io.fordra.article.ArticleService;
import io.fordra.benchmark.BillingRunBenchmark.Database;
import io.fordra.benchmark.BillingRunBenchmark.Report;
import io.fordra.process.FordraClock;
import io.fordra.invoice.file.InvoiceFileImport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The invoice-file benchmark: a generated billing file of N lines (-Dfordra.benchmark.invoice-file-lines, default
 * 100 000; about 2.4 lines per invoice, 10 000 customers created by the file, article lines, 0.5 % invalid invoices)
 * uploaded to POST /api/invoice-files and imported by the job executor, in a JVM whose heap is capped (the benchmark
 * profile's -Xmx512m, fordra.benchmark.argLine). Measures staging, the import until DONE and the peak heap: the
 * import must not need memory that grows with the file. H2 (a file database under target/, so that the data is not
 * on the heap) or -Dfordra.benchmark.database=postgres (a fresh fordra_bench, as BillingRunBenchmark). Only
 * correctness is asserted; the figures are printed and written to target/benchmark-report-invoice-file.txt.
 * Run with ./mvnw -Pbenchmark verify -Dtest=InvoiceFileBenchmark -Dsurefire.failIfNoSpecifiedTests=false.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    "fordra.mail.outbox=" + InvoiceFileBenchmark.OUTBOX,
    "fordra.invoices.inbox=target/benchmark-invoices-inbox",
    "fordra.invoices.inbox-cron=-",
    "fordra.payments.inbox-cron=-",
    // Read by application-postgres.yaml only (the postgres profile); harmless on H2.
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/" + Database.POSTGRES_DATABASE,
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=" + InvoiceFileBenchmark.ADMIN,
    "FORDRA_ADMIN_PASSWORD=" + InvoiceFileBenchmark.ADMIN_PASSWORD
})
@ActiveProfiles(resolver = Database.Profiles.class)
@ContextConfiguration(initializers = InvoiceFileBenchmark.Initializer.class)
@DirtiesContext
class InvoiceFileBenchmark {

  static final String OUTBOX = "target/benchmark-outbox-invoice-file";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "bench-Secret-1";
  static final Path REPORT = Path.of("target", "benchmark-report-invoice-file.txt");
  static final Path CSV = Path.of("target", "benchmark-invoice-file.csv");
  static final Path H2_DIRECTORY = Path.of("target", "benchmark-h2-invoice-file");

  private static final int CUSTOMERS = 10_000;
  /** Every 199th invoice has a line with VAT 7 %, a rate Sweden does not have: about 0.5 %, rejected. */
  private static final int BAD_EVERY = 199;
  private static final int ARTICLES = 12;
  private static final Duration LIMIT = Duration.ofMinutes(60);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);

  /** H2: a fresh file database under target/ (in memory its tables would be on the capped heap). PostgreSQL: as BillingRunBenchmark. */
  static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      if (Database.selected() == Database.POSTGRES) {
        new Database.Initializer().initialize(context);
        return;
      }
      try {
        deleteTree(H2_DIRECTORY);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String url = "jdbc:h2:file:" + H2_DIRECTORY.toAbsolutePath().resolve("fordra") + ";DB_CLOSE_ON_EXIT=FALSE";
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fordra-benchmark-h2", Map.of(
          "spring.datasource.url", url, "spring.datasource.username", "sa", "spring.datasource.password", "")));
    }
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired ArticleService articles;
  @Autowired FordraClock clock;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Value("${fordra.invoices.import-chunk:200}") int chunk;
  @Value("${fordra.distribution.undo-window:PT5M}") String undoWindow;

  private final Report report = new Report(REPORT);

  @Test
  void aBillingFileOfManyLinesIsImportedInBoundedMemory() throws Exception {
    int lines = Integer.getInteger("fordra.benchmark.invoice-file-lines", 100_000);
    assertThat(lines).as("fordra.benchmark.invoice-file-lines").isPositive();
    HeapMonitor heap = new HeapMonitor();
    long startedAll = System.nanoTime();
    try {
      describeSetUp(lines);
      deleteTree(Path.of(OUTBOX));

      heap.phase("1. generate the file");
      LocalDate issueDate = clock.today();
      List<String> articleNumbers = createArticles();
      long started = System.nanoTime();
      Generated file = generate(CSV, lines, articleNumbers, issueDate, issueDate.plusDays(30));
      double generation = secondsSince(started);
      report.section("1. The file (generated streaming to " + CSV + ")");
      report.row("size", mb(Files.size(CSV)) + ", ';' separator, UTF-8, decimal comma on every other invoice");
      report.row("lines (rows)", file.rows);
      report.row("invoices", file.invoices + " (1-4 lines, " + String.format(Locale.ROOT, "%.2f",
          (double) file.rows / file.invoices) + " on average)");
      report.row("customers (each created by its first row)", file.customers + " (" + file.createdCustomers
          + " get a valid invoice)");
      report.row("lines naming an article (" + ARTICLES + " in the register)", file.articleLines
          + " (description, price and VAT from the register)");
      report.row("invalid invoices (a line with VAT 7 %)", file.bad);
      report.row("generated in", seconds(generation));

      heap.phase("2. upload and staging");
      RestClient api = RestClient.builder()
          // The JDK client streams a multipart body (FormHttpMessageConverter writes it into the request as it goes).
          .requestFactory(new JdkClientHttpRequestFactory())
          .baseUrl("http://localhost:" + port)
          .defaultHeaders(h -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD)).build();
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("file", new FileSystemResource(CSV));
      started = System.nanoTime();
      long importStarted = started;
      ResponseEntity<JsonNode> received = api.post().uri("/api/invoice-files")
          .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JsonNode.class);
      double staging = secondsSince(started);
      JsonNode summary = received.getBody();
      assertThat(received.getStatusCode().value()).as("POST /api/invoice-files").isEqualTo(202);
      long id = summary.get("id").asLong();
      report.section("2. Upload and staging: POST /api/invoice-files (multipart, streamed from the file)");
      report.row("answer", received.getStatusCode().value() + ", file " + id + ", status "
          + summary.get("status").asText() + ", " + summary.get("rows").asInt() + " rows, "
          + summary.get("invoices").asInt() + " invoices, separator " + summary.get("separator").asText());
      report.row("total (upload, hash, staging, grouping, process start)", seconds(staging));
      report.row("throughput", rate(file.rows, staging, "rows/s") + ", "
          + String.format(Locale.ROOT, "%.1f MB/s", Files.size(CSV) / 1048576.0 / staging));
      assertThat(summary.get("rows").asInt()).as("rows staged").isEqualTo(file.rows);
      assertThat(summary.get("invoices").asInt()).as("invoices grouped").isEqualTo(file.invoices);

      heap.phase("3. import (job executor)");
      started = System.nanoTime();
      JsonNode done = awaitDone(api, id, file.invoices, heap);
      double importing = secondsSince(started);
      double uploadToDone = secondsSince(importStarted);
      heap.phase("end");

      report.section("3. Import: invoice-file-import, " + chunk + " invoices per job (fordra.invoices.import-chunk)");
      report.row("status", done.get("status").asText() + " (processed " + done.get("processed").asInt() + " of "
          + done.get("invoices").asInt() + ")");
      report.row("created / rejected / duplicates / with warnings", done.get("created").asInt() + " / "
          + done.get("rejected").asInt() + " / " + done.get("duplicates").asInt() + " / "
          + done.get("withWarnings").asInt());
      report.row("created totals", done.get("createdTotals").properties().stream()
          .map(e -> e.getValue().decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " "
              + e.getKey()).collect(Collectors.joining(", ")));
      report.row("customers in the register", count("SELECT COUNT(*) FROM fordra_customer"));
      report.row("invoices / documents (PDF rendered in the import)", count("SELECT COUNT(*) FROM fordra_invoice")
          + " / " + count("SELECT COUNT(*) FROM fordra_document"));
      report.row("staged rows left", count("SELECT COUNT(*) FROM fordra_invoice_file_row"));
      report.row("total (upload answered to DONE)", seconds(importing));
      report.row("throughput", rate(file.invoices, importing, "invoices/s") + ", "
          + rate(file.rows, importing, "rows/s"));
      report.row("upload to DONE (staging + import)", seconds(uploadToDone) + ", "
          + rate(file.rows, uploadToDone, "rows/s"));
      deciles.forEach(report::row);
      long failedJobs = management.createJobQuery().withException().count();
      report.row("failed jobs meanwhile (any process)", failedJobs);
      report.row("jobs left (sending continues after the import)", management.createJobQuery().count());

      assertThat(done.get("status").asText()).as("status").isEqualTo("DONE");
      assertThat(done.get("processed").asInt()).as("processed").isEqualTo(file.invoices);
      assertThat(done.get("rejected").asInt()).as("rejected").isEqualTo(file.bad);
      assertThat(done.get("created").asInt()).as("created").isEqualTo(file.invoices - file.bad);
      assertThat(done.get("created").asInt() + done.get("rejected").asInt()).as("created + rejected")
          .isEqualTo(done.get("invoices").asInt());
      assertThat(done.get("duplicates").asInt()).as("duplicates").isZero();
      assertThat(count("SELECT COUNT(*) FROM fordra_invoice")).as("invoices in Fordra")
          .isEqualTo(file.invoices - file.bad);
      assertThat(count("SELECT COUNT(*) FROM fordra_customer")).as("customers created")
          .isEqualTo(file.createdCustomers);
    } finally {
      heap.stop();
      heap.report(report);
      report.row("end to end (generation to DONE)", seconds(secondsSince(startedAll)));
      report.row("load average at the end", loadAverage() + " (other processes on the machine share its cores)");
      report.print();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The file

  private List<String> createArticles() {
    int[] vat = {25, 12, 6};
    List<String> numbers = new ArrayList<>();
    for (int a = 0; a < ARTICLES; a++) {
      String number = "IFA-" + (100 + a);
      articles.create(new ArticleRequest(number, Map.of("sv", "Artikel " + a, "en", "Article " + a),
          a % 2 == 0 ? "st" : "tim", new BigDecimal(50 + a * 75 + ".00"), BigDecimal.valueOf(vat[a % vat.length]),
          a == 5 ? "3043" : null));
      numbers.add(number);
    }
    return numbers;
  }

  private record Generated(int rows, int invoices, int customers, int createdCustomers, int articleLines, int bad) {}

  private static final String HEADER = "invoiceNumber;customerNumber;name;type;country;organisationNumber;email;"
      + "street;postalCode;city;issueDate;dueDate;currency;articleNumber;description;quantity;unitPrice;vatRate;"
      + "orderReference";
  private static final String[] CITIES = {"Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro"};
  private static final String[] SERVICES = {"Abonnemang", "Serviceavgift", "Licens", "Support", "Hyra utrustning",
      "Städning; storstädning", "Frakt", "Installation"};

  /**
   * A monthly billing run as a spreadsheet exports it, written line by line: invoice i is customer i % 10 000's
   * (the customer's details on the first row of its first invoice), 1-4 lines, article lines with only a quantity,
   * free lines with description, price and VAT, every other invoice with decimal commas.
   */
  private static Generated generate(Path csv, int lines, List<String> articleNumbers, LocalDate issueDate,
                                    LocalDate dueDate) throws IOException {
    Files.createDirectories(csv.getParent());
    Random random = new Random(20260301);
    int[] vat = {25, 12, 6};
    int rows = 0;
    int invoices = 0;
    int articleLines = 0;
    int bad = 0;
    BitSet customers = new BitSet();
    BitSet withValidInvoice = new BitSet();
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write("\r\n");
      for (int i = 0; rows < lines; i++) {
        double r = random.nextDouble();
        int lineCount = Math.min(lines - rows, r < 0.2 ? 1 : r < 0.55 ? 2 : r < 0.85 ? 3 : 4);
        int c = i % CUSTOMERS;
        boolean invalid = i % BAD_EVERY == BAD_EVERY - 1;
        boolean comma = i % 2 == 0;
        String invoiceNumber = "IF-" + (1_000_000 + i);
        String customerNumber = "IFC-" + (100_000 + c);
        for (int l = 0; l < lineCount; l++) {
          StringBuilder row = new StringBuilder(200).append(invoiceNumber).append(';').append(customerNumber);
          if (l == 0 && !customers.get(c)) {
            boolean business = c % 3 == 0;
            row.append(';').append(business ? "Kund " + c + " AB" : "Åsa Kund " + c)
                .append(';').append(business ? "BUSINESS" : "PRIVATE").append(";SE;")
                .append(business ? "556036-0793" : "")
                .append(';').append(customerNumber.toLowerCase(Locale.ROOT)).append("@customer.example")
                .append(";Storgatan ").append(1 + c % 99).append(";111 22;").append(CITIES[c % CITIES.length]);
          } else {
            row.append(";;;;;;;;");
          }
          row.append(';').append(issueDate).append(';').append(dueDate).append(";SEK;");
          boolean badLine = invalid && l == lineCount - 1;
          if (!badLine && (i + l) % 5 < 2) {
            articleLines++;
            row.append(articleNumbers.get((i * 7 + l) % articleNumbers.size())).append(";;")
                .append(comma && l % 2 == 1 ? "2,5" : String.valueOf(1 + (i + l) % 4)).append(";;");
          } else {
            String price = (100 + (i * 13 + l * 31) % 4900) + (comma ? "," : ".") + (10 + (i + l) % 90);
            if (comma && price.length() > 6) {
              price = price.substring(0, price.length() - 6) + " " + price.substring(price.length() - 6);
            }
            String description = SERVICES[(i + l) % SERVICES.length] + ", mars";
            // A ';' inside a value is quoted, as a spreadsheet does it.
            row.append(';').append(description.contains(";") ? '"' + description + '"' : description).append(';')
                .append(1 + (i + l) % 3).append(';').append(price).append(';')
                .append(badLine ? 7 : vat[(i + l) % vat.length]);
          }
          row.append(';').append(i % 4 == 0 ? "PO-" + (50_000 + i) : "").append("\r\n");
          out.append(row);
          rows++;
        }
        customers.set(c);
        if (invalid) {
          bad++;
        } else {
          withValidInvoice.set(c);
        }
        invoices++;
      }
    }
    return new Generated(rows, invoices, customers.cardinality(), withValidInvoice.cardinality(), articleLines, bad);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The import

  /** Throughput per tenth of the invoices: an import that slows down as it goes shows here. */
  private final Map<String, String> deciles = new LinkedHashMap<>();

  private JsonNode awaitDone(RestClient api, long id, int invoices, HeapMonitor heap) {
    long started = System.nanoTime();
    long[] lastPrinted = {started};
    int[] nextDecile = {1};
    long[] decileStarted = {started};
    int[] decileFrom = {0};
    JsonNode[] done = {null};
    // Polled by Awaitility: the import runs on the job executor's threads in real time.
    await().atMost(LIMIT).pollInterval(POLL).until(() -> {
      JsonNode summary = api.get().uri("/api/invoice-files/{id}", id).retrieve().body(JsonNode.class);
      int processed = summary.get("processed").asInt();
      long now = System.nanoTime();
      while (nextDecile[0] <= 10 && processed >= (long) invoices * nextDecile[0] / 10) {
        double s = (now - decileStarted[0]) / 1e9;
        deciles.put(String.format(Locale.ROOT, "  invoices %6d-%-6d", decileFrom[0], processed),
            rate(processed - decileFrom[0], s, "invoices/s") + " (" + seconds(s) + ", old gen after GC "
                + mb(heap.oldGenAfterGc()) + ")");
        decileFrom[0] = processed;
        decileStarted[0] = now;
        nextDecile[0] = (int) ((long) processed * 10 / invoices) + 1;
      }
      if ("DONE".equals(summary.get("status").asText())) {
        done[0] = summary;
        return true;
      }
      failOnFailedImportJob(id);
      if (now - lastPrinted[0] >= PROGRESS_EVERY.toNanos()) {
        lastPrinted[0] = now;
        System.out.printf(Locale.ROOT, "[benchmark] invoice file %d: %d / %d invoices after %.0f s (%d created, %d "
                + "rejected); heap used %s, old gen after GC %s%n", id, processed, invoices, (now - started) / 1e9,
            summary.get("created").asInt(), summary.get("rejected").asInt(), mb(heap.used()),
            mb(heap.oldGenAfterGc()));
      }
      return false;
    });
    return done[0];
  }

  private void failOnFailedImportJob(long id) {
    var instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(InvoiceFileImport.businessKey(id)).singleResult();
    if (instance == null) {
      return;
    }
    List<Job> failed = management.createJobQuery().processInstanceId(instance.getId()).withException().list();
    if (!failed.isEmpty()) {
      throw new AssertionError("Import job " + failed.get(0).getId() + " failed: " + failed.get(0).getExceptionMessage()
          + "\n" + management.getJobExceptionStacktrace(failed.get(0).getId()));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Heap

  /**
   * The heap while the benchmark runs: the pools' peak usage (reset at the start; their sum is an upper bound, the
   * pools peak at different moments), the used heap sampled every 250 ms (per phase), and the old generation after
   * each collection (what stays live: it must not grow with the file).
   */
  private static final class HeapMonitor {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final MemoryPoolMXBean oldGen = pools.stream()
        .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured")).findFirst().orElse(null);
    private final Map<String, long[]> phases = new LinkedHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService sampler =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
          Thread thread = new Thread(r, "benchmark-heap-sampler");
          thread.setDaemon(true);
          return thread;
        });
    private volatile String phase = "start";
    private volatile long maxUsed;
    private volatile long maxOldAfterGc;

    HeapMonitor() {
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void phase(String name) {
      synchronized (phases) {
        phase = name;
        phases.putIfAbsent(name, new long[2]);
      }
    }

    long used() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    long oldGenAfterGc() {
      MemoryUsage after = oldGen == null ? null : oldGen.getCollectionUsage();
      return after == null ? 0 : after.getUsed();
    }

    private void sample() {
      long used = used();
      long old = oldGenAfterGc();
      synchronized (phases) {
        maxUsed = Math.max(maxUsed, used);
        maxOldAfterGc = Math.max(maxOldAfterGc, old);
        long[] max = phases.computeIfAbsent(phase, p -> new long[2]);
        max[0] = Math.max(max[0], used);
        max[1] = Math.max(max[1], old);
      }
    }

    void stop() throws InterruptedException {
      sampler.shutdown();
      sampler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    void report(Report report) {
      report.section("4. Heap (JVM max heap " + mb(Runtime.getRuntime().maxMemory()) + ", " + xmx() + ")");
      report.row("max used, sampled every " + SAMPLE_EVERY.toMillis() + " ms", mb(maxUsed));
      long sum = 0;
      List<String> peaks = new ArrayList<>();
      for (MemoryPoolMXBean pool : pools) {
        sum += pool.getPeakUsage().getUsed();
        peaks.add(pool.getName() + " " + mb(pool.getPeakUsage().getUsed()));
      }
      report.row("peak usage of the heap pools, summed", mb(sum) + " (" + String.join(", ", peaks) + ")");
      report.row("old gen after GC, max sampled", mb(maxOldAfterGc) + "  (what stays live)");
      synchronized (phases) {
        phases.forEach((name, max) -> {
          if (max[0] > 0) { // a phase shorter than one sample has none
            report.row("  " + name, "max used " + mb(max[0]) + ", old gen after GC " + mb(max[1]));
          }
        });
      }
      report.row("garbage collections", ManagementFactory.getGarbageCollectorMXBeans().stream()
          .map(gc -> gc.getName() + " " + gc.getCollectionCount() + " (" + gc.getCollectionTime() + " ms)")
          .collect(Collectors.joining(", ")));
      System.gc();
      report.row("used after System.gc() at the end", mb(used()));
    }
  }

  static String xmx() {
    List<String> caps = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM")).toList();
    return caps.isEmpty() ? "no -Xmx (JVM default)" : String.join(" ", caps);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers

  private void describeSetUp(int lines) throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor jobExecutor = configuration.getJobExecutor();
    report.section("Fordra invoice-file benchmark, " + Instant.now());
    report.row("lines (fordra.benchmark.invoice-file-lines)", lines);
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      report.row("database (fordra.benchmark.database)", Database.selected().name().toLowerCase(Locale.ROOT) + ": "
          + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
      report.row("JDBC URL", meta.getURL());
    }
    report.row("cores / JVM max heap / heap cap / load average", Runtime.getRuntime().availableProcessors() + " / "
        + mb(Runtime.getRuntime().maxMemory()) + " / " + xmx() + " / " + loadAverage());
    report.row("garbage collector", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
    report.row("job executor", (jobExecutor.isActive() ? "active" : "NOT ACTIVE") + ", "
        + jobExecutor.getMaxJobsPerAcquisition() + " jobs/acquisition");
    report.row("import chunk / undo window before sending", chunk + " invoices / " + undoWindow);
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private long count(String sql) {
    Long value = jdbc.queryForObject(sql, Long.class);
    return value == null ? 0 : value;
  }
}
