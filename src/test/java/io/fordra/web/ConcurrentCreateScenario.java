package io.fordra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, finding 7: ten requests that create the same natural key at the same moment (a latch lets them go
 * together, over real HTTP) give exactly one 201/202 and nine 409 problem+json answers, never a 500, and exactly one
 * row is stored. Run on H2 and on PostgreSQL.
 */
abstract class ConcurrentCreateScenario {

  static final int PARALLEL = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  private final List<String> businessKeys = new ArrayList<>();

  protected String adminPassword() {
    return "admin";
  }

  @AfterEach
  void removeStartedProcesses() {
    // Other tests of a shared context run due jobs: the processes started here are not theirs to run.
    for (String key : businessKeys) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).rootProcessInstances().list()
          .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test cleanup", true, true));
    }
  }

  @Test
  void tenInvoicesWithOneNumber_oneIsCreated_nineAreConflicts() throws Exception {
    String customerNumber = "RACE-C-" + unique();
    assertThat(send("POST", "/api/customers", JSON.writeValueAsString(customer(customerNumber))).status())
        .isEqualTo(201);
    String invoiceNumber = "RACE-I-" + unique();
    businessKeys.add(invoiceNumber);
    String body = JSON.writeValueAsString(invoice(invoiceNumber, customerNumber, null));

    assertOneCreatedNineConflicts(race(() -> send("POST", "/api/invoices", body)), 201);
    assertThat(count("SELECT COUNT(*) FROM fordra_invoice WHERE invoice_number = ?", invoiceNumber)).isOne();
  }

  @Test
  void tenInvoicesWithOneNumberAndOneNewInlineCustomer_oneIsCreated_nineAreConflicts() throws Exception {
    String customerNumber = "RACE-C-" + unique();
    String invoiceNumber = "RACE-I-" + unique();
    businessKeys.add(invoiceNumber);
    String body = JSON.writeValueAsString(invoice(invoiceNumber, customerNumber, customer(customerNumber)));

    assertOneCreatedNineConflicts(race(() -> send("POST", "/api/invoices", body)), 201);
    assertThat(count("SELECT COUNT(*) FROM fordra_invoice WHERE invoice_number = ?", invoiceNumber)).isOne();
    assertThat(count("SELECT COUNT(*) FROM fordra_customer WHERE customer_number = ?", customerNumber)).isOne();
  }

  @Test
  void tenCustomersWithOneNumber_oneIsCreated_nineAreConflicts() throws Exception {
    String customerNumber = "RACE-C-" + unique();
    String body = JSON.writeValueAsString(customer(customerNumber));

    assertOneCreatedNineConflicts(race(() -> send("POST", "/api/customers", body)), 201);
    assertThat(count("SELECT COUNT(*) FROM fordra_customer WHERE customer_number = ?", customerNumber)).isOne();
  }

  @Test
  void tenArticlesWithOneNumber_oneIsCreated_nineAreConflicts() throws Exception {
    String articleNumber = "RACE-A-" + unique();
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("articleNumber", articleNumber);
    article.put("descriptions", Map.of("sv", "Konsulttimme"));
    article.put("unit", "tim");
    article.put("unitPrice", new BigDecimal("950.00"));
    article.put("vatRate", 25);
    String body = JSON.writeValueAsString(article);

    assertOneCreatedNineConflicts(race(() -> send("POST", "/api/articles", body)), 201);
    assertThat(count("SELECT COUNT(*) FROM fordra_article WHERE article_number = ?", articleNumber)).isOne();
  }

  @Test
  void tenPortalUsersWithOneUserName_oneIsCreated_nineAreConflicts() throws Exception {
    String customerNumber = "RACE-C-" + unique();
    assertThat(send("POST", "/api/customers", JSON.writeValueAsString(customer(customerNumber))).status())
        .isEqualTo(201);
    String username = "race-" + unique().toLowerCase();
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", username);
    user.put("name", "Anna Andersson");
    user.put("email", "anna@example.se");
    user.put("password", "a long enough secret 1");
    String body = JSON.writeValueAsString(user);

    assertOneCreatedNineConflicts(
        race(() -> send("POST", "/api/customers/" + customerNumber + "/portal-users", body)), 201);
    assertThat(count("SELECT COUNT(*) FROM fordra_portal_user WHERE username = ?", username)).isOne();
  }

  @Test
  void tenUploadsOfOnePaymentFile_oneIsReceived_nineAreConflicts() throws Exception {
    byte[] file = bgMax("%012d".formatted(Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000L)));
    List<Reply> replies = race(() -> upload("/api/payment-files", "BGMAX-RACE.txt", file));

    assertThat(replies).filteredOn(r -> r.status() == 202).as(replies.toString()).hasSize(1);
    assertThat(count("SELECT COUNT(*) FROM fordra_payment_file WHERE sha256 = ?",
        sha256(file))).isOne();
    long id = replies.stream().filter(r -> r.status() == 202).findFirst().orElseThrow().json().get("id").asLong();
    businessKeys.add(io.fordra.payment.file.PaymentFileImport.businessKey(id));
    // Those that met the first upload still being received are 409; a later one would be the documented "the same
    // file again" (200 with the first summary). None is a 500.
    assertThat(replies).filteredOn(r -> r.status() != 202).as(replies.toString())
        .hasSize(PARALLEL - 1).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
    assertThat(replies).filteredOn(r -> r.status() == 409).allSatisfy(ConcurrentCreateScenario::isProblem);
  }

  private static void assertOneCreatedNineConflicts(List<Reply> replies, int created) {
    assertThat(replies).filteredOn(r -> r.status() == created).as(replies.toString()).hasSize(1);
    assertThat(replies).filteredOn(r -> r.status() == 409).as(replies.toString()).hasSize(PARALLEL - 1)
        .allSatisfy(ConcurrentCreateScenario::isProblem);
  }

  private static void isProblem(Reply reply) {
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(409);
    assertThat(reply.json().get("detail").asText()).isNotBlank();
  }

  /** The same request PARALLEL times, released together by a latch. */
  private List<Reply> race(Supplier<Reply> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      CountDownLatch ready = new CountDownLatch(PARALLEL);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return request.get();
        }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> f : futures) {
        replies.add(f.get(120, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Reply send(String method, String path, String json) {
    return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  private Reply upload(String path, String fileName, byte[] content) {
    String boundary = "race" + UUID.randomUUID().toString().replace("-", "");
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Reply exchange(HttpRequest.Builder request) {
    String basic = Base64.getEncoder().encodeToString(("admin:" + adminPassword()).getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + basic)
          .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql, String key) {
    return jdbc.sql(sql).param(key).query(Long.class).single();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** A private customer as ApiValidationTest sends it. */
  private static Map<String, Object> customer(String number) {
    return ApiValidationTest.privateCustomer(number);
  }

  private static Map<String, Object> invoice(String number, String customerNumber, Map<String, Object> inline) {
    Map<String, Object> invoice = new LinkedHashMap<>();
    invoice.put("invoiceNumber", number);
    invoice.put("customerNumber", customerNumber);
    if (inline != null) {
      invoice.put("customer", inline);
    }
    invoice.put("issueDate", "2026-03-02");
    invoice.put("dueDate", "2026-04-01");
    invoice.put("currency", "SEK");
    // A long invoice (the most lines allowed) keeps the first request's transaction open a while: the others wait.
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add(Map.of("description", "Consulting " + i, "quantity", 2, "unitPrice", new BigDecimal("100.00"),
          "vatRate", 25));
    }
    invoice.put("lines", lines);
    return invoice;
  }

  /** A BgMax file (80-character records) with one unmatched deposit; the serial makes its content unique. */
  private static byte[] bgMax(String serial) {
    String amount = "%018d".formatted(41000);
    List<String> records = List.of(
        "01" + pad("BGMAX", 20) + "01" + "20261124" + "120000000000" + "P",
        "05" + "0050501055" + pad("", 10) + "SEK",
        "20" + "0012345678" + pad("99999999999", 25) + amount + "5" + "1" + serial + "0",
        "15" + "0".repeat(35) + "20261124" + "00001" + amount + "SEK" + "%08d".formatted(1),
        "70" + "%08d".formatted(1) + "%08d".formatted(0) + "%08d".formatted(0) + "%08d".formatted(1));
    StringBuilder file = new StringBuilder();
    for (String record : records) {
      file.append(pad(record, 80)).append("\r\n");
    }
    return file.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String pad(String s, int width) {
    return (s + " ".repeat(width)).substring(0, width);
  }

  private static String sha256(byte[] content) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
  }
}
