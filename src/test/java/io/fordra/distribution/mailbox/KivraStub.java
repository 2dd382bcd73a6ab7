package io.fordra.distribution.mailbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Kivra sender API for tests, as developer.kivra.com documents it: {@code POST /v1/auth} (client credentials,
 * Basic auth, form body), {@code POST /v2/tenant/{key}/usermatch/ssn} and {@code POST /v2/tenant/{key}/content}
 * (201 with kivra-objkey). Every request is checked field by field; what is wrong is answered 400 and kept in
 * {@link #problems()}. Like Kivra's duplicate control, a content whose payload (all but generated_at) was received
 * before is answered 201 and not delivered again.
 */
public final class KivraStub implements AutoCloseable {

  public static final String CLIENT_ID = "fordra-client";
  public static final String CLIENT_SECRET = "s3cret";
  public static final String TENANT_KEY = "16a1f7c2ab";

  /** What the next content request gets instead of 201: HTTP 500, a late answer, or a 4xx refusal. */
  public enum Fault { SERVER_ERROR, SLOW, UNPROCESSABLE }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Set<String> mailboxes = ConcurrentHashMap.newKeySet();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Set<String> seenPayloads = ConcurrentHashMap.newKeySet();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<String> contentRequests = new CopyOnWriteArrayList<>();
  private final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
  private final List<List<String>> matchRequests = new CopyOnWriteArrayList<>();
  private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile long slowMillis = 1500;
  /** Holds a slow answer; released when the stub closes, so no answer outlives the test. */
  private final CountDownLatch release = new CountDownLatch(1);

  private KivraStub(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  public static KivraStub start(int port) throws IOException {
    return new KivraStub(port);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public KivraStub withMailboxes(String... ssns) {
    mailboxes.clear();
    mailboxes.addAll(List.of(ssns));
    return this;
  }

  public void fail(Fault... next) {
    faults.addAll(List.of(next));
  }

  public void slowMillis(long millis) {
    slowMillis = millis;
  }

  public void reset() {
    faults.clear();
    problems.clear();
    contentRequests.clear();
    delivered.clear();
    matchRequests.clear();
    seenPayloads.clear();
    tokenRequests.set(0);
  }

  /** Tokens are forgotten: the next API call with an old one is answered 401. */
  public void revokeTokens() {
    tokens.clear();
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** Every content body received, duplicates and failed ones included. */
  public List<String> contentRequests() {
    return List.copyOf(contentRequests);
  }

  /** The contents delivered to a mailbox (each payload once). */
  public List<JsonNode> delivered() {
    return List.copyOf(delivered);
  }

  public List<List<String>> matchRequests() {
    return List.copyOf(matchRequests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "{\"code\":\"40500\",\"short_message\":\"Method not allowed\"}");
        return;
      }
      if (path.equals("/v1/auth")) {
        token(exchange, body);
      } else if (path.equals("/v2/tenant/" + TENANT_KEY + "/usermatch/ssn")) {
        if (authorised(exchange)) {
          userMatch(exchange, body);
        }
      } else if (path.equals("/v2/tenant/" + TENANT_KEY + "/content")) {
        if (authorised(exchange)) {
          content(exchange, body);
        }
      } else {
        problem(exchange, 404, "unknown path " + path);
      }
    } catch (RuntimeException e) {
      problems.add("stub failed: " + e);
    }
  }

  private void token(HttpExchange exchange, String body) throws IOException {
    tokenRequests.incrementAndGet();
    String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      problem(exchange, 401, "token: Authorization is not Basic base64(client_id:client_secret)");
      return;
    }
    if (!String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
        .startsWith("application/x-www-form-urlencoded")) {
      problem(exchange, 400, "token: Content-Type is not application/x-www-form-urlencoded");
      return;
    }
    if (!"grant_type=client_credentials".equals(body)) {
      problem(exchange, 400, "token: body is not grant_type=client_credentials but " + body);
      return;
    }
    String token = "tok-" + tokenRequests.get();
    tokens.add(token);
    answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":28800,\"token_type\":\"bearer\","
        + "\"scope\":\"kivra.v2.tenant." + TENANT_KEY + ".*\"}");
  }

  private boolean authorised(HttpExchange exchange) throws IOException {
    String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
    if (!auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
      answer(exchange, 401, "{\"code\":\"40100\",\"short_message\":\"Unauthorized\"}");
      return false;
    }
    if (!String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")) {
      problem(exchange, 400, exchange.getRequestURI().getPath() + ": Content-Type is not application/json");
      return false;
    }
    return true;
  }

  private void userMatch(HttpExchange exchange, String body) throws IOException {
    JsonNode request = JSON.readTree(body);
    if (request.size() != 1 || !request.path("list").isArray() || request.path("list").isEmpty()) {
      problem(exchange, 400, "usermatch: the body is not {\"list\":[ssn, …]}: " + body);
      return;
    }
    List<String> asked = new ArrayList<>();
    ArrayList<String> matched = new ArrayList<>();
    for (JsonNode ssn : request.path("list")) {
      if (!ssn.isTextual() || !ssn.asText().matches("\\d{12}")) {
        problem(exchange, 400, "usermatch: " + ssn + " is not a personnummer of twelve digits");
        return;
      }
      asked.add(ssn.asText());
      if (mailboxes.contains(ssn.asText())) {
        matched.add(ssn.asText());
      }
    }
    matchRequests.add(asked);
    ObjectNode answer = JSON.createObjectNode();
    answer.putArray("list").addAll(matched.stream().map(JSON.getNodeFactory()::textNode).toList());
    answer(exchange, 200, JSON.writeValueAsString(answer));
  }

  private void content(HttpExchange exchange, String body) throws IOException {
    contentRequests.add(body);
    JsonNode content = JSON.readTree(body);
    List<String> wrong = check(content);
    if (!wrong.isEmpty()) {
      problem(exchange, 400, "content: " + String.join("; ", wrong));
      return;
    }
    Fault fault = faults.poll();
    if (fault == Fault.SERVER_ERROR) {
      answer(exchange, 500, "{\"code\":\"50000\",\"short_message\":\"Internal server error\"}");
      return;
    }
    if (fault == Fault.UNPROCESSABLE) {
      answer(exchange, 422, "{\"code\":\"42200\",\"short_message\":\"Unprocessable content\"}");
      return;
    }
    ObjectNode payload = content.deepCopy();
    payload.remove("generated_at");
    if (seenPayloads.add(JSON.writeValueAsString(payload))) {
      delivered.add(content);
    }
    if (fault == Fault.SLOW) {
      // Kivra took the content but its answer comes too late: the sender cannot know whether it arrived.
      try {
        release.await(slowMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    exchange.getResponseHeaders().add("kivra-objkey", "obj" + Integer.toHexString(body.hashCode()));
    answer(exchange, 201, "{}");
  }

  /** Content_user_v2 as the documentation lists it: what a payable invoice to a person must carry. */
  private List<String> check(JsonNode c) {
    List<String> wrong = new ArrayList<>();
    Set<String> known = Set.of("ssn", "subject", "generated_at", "type", "parts", "payment_multiple_options");
    c.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        wrong.add("unexpected field " + f);
      }
    });
    if (!c.path("ssn").asText("").matches("\\d{12}")) {
      wrong.add("ssn is not twelve digits");
    }
    if (c.path("subject").asText("").isBlank() || c.path("subject").asText().length() > 140) {
      wrong.add("subject missing or longer than 140");
    }
    if (!c.path("generated_at").asText("").matches("\\d{4}-\\d{2}-\\d{2}")) {
      wrong.add("generated_at is not a date");
    }
    String type = c.path("type").asText("");
    if (!Set.of("invoice", "invoice.reminder", "letter").contains(type)) {
      wrong.add("type " + type + " is not one Fordra sends");
    }
    JsonNode parts = c.path("parts");
    if (!parts.isArray() || parts.size() != 1) {
      wrong.add("parts is not one part");
    } else {
      JsonNode part = parts.get(0);
      if (!"application/pdf".equals(part.path("content_type").asText())) {
        wrong.add("part content_type is not application/pdf");
      }
      if (!part.path("name").asText("").endsWith(".pdf")) {
        wrong.add("part name does not end in .pdf");
      }
      try {
        byte[] pdf = Base64.getDecoder().decode(part.path("data").asText(""));
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
          wrong.add("part data is not a base64 PDF");
        }
      } catch (IllegalArgumentException e) {
        wrong.add("part data is not base64");
      }
    }
    JsonNode payment = c.path("payment_multiple_options");
    if (type.startsWith("invoice") && payment.isMissingNode()) {
      wrong.add("a payable " + type + " has no payment_multiple_options");
    }
    if (!payment.isMissingNode()) {
      if (!payment.path("payable").isBoolean()) {
        wrong.add("payable is not a boolean");
      }
      if (!payment.path("currency").asText("").matches("[A-Z]{3}")) {
        wrong.add("currency is not ISO 4217");
      }
      if (!"1".equals(payment.path("method").asText())) {
        wrong.add("method is not 1 (bankgiro)");
      }
      if (!payment.path("account").asText("").matches("\\d{7,8}")) {
        wrong.add("account is not a bankgiro number");
      }
      JsonNode options = payment.path("options");
      if (!options.isArray() || options.size() != 1) {
        wrong.add("options is not one option");
      } else {
        JsonNode option = options.get(0);
        if (!option.path("due_date").asText("").matches("\\d{4}-\\d{2}-\\d{2}")) {
          wrong.add("due_date is not a date");
        }
        if (!option.path("amount").isTextual() || !option.path("amount").asText().matches("\\d+\\.\\d{2}")) {
          wrong.add("amount is not a string with two decimals");
        }
        if (!"SE_OCR".equals(option.path("type").asText())) {
          wrong.add("option type is not SE_OCR");
        }
        if (!option.path("reference").asText("").matches("\\d{2,25}")) {
          wrong.add("reference is not an OCR number");
        }
      }
    }
    return wrong;
  }

  private void problem(HttpExchange exchange, int status, String problem) throws IOException {
    problems.add(problem);
    answer(exchange, status, "{\"code\":\"" + status + "00\",\"short_message\":" + JSON.writeValueAsString(problem)
        + "}");
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) Collections.singletonList(server.getExecutor()).get(0)).shutdownNow();
  }
}
