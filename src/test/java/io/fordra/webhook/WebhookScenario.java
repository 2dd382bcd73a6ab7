package io.fordra.webhook;

import static io.fordra.ApiAnswers.errors;
import static io.fordra.ApiAnswers.get;
import static io.fordra.ApiAnswers.json;
import static io.fordra.ApiAnswers.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Events for the ERP and CRM (issue 18 section 5) against a receiver on localhost: every state change of an invoice
 * exactly once and in order, signed; a receiver that is down (retries on Fordra's clock with back-off, later events
 * of that invoice wait, other invoices do not); redelivery; the pull API; every bad input; the roles. Run on H2
 * (WebhookApiTest) and PostgreSQL (PostgresWebhookApiTest).
 */
abstract class WebhookScenario extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Webhook-Password-1";
  private static final List<String> ALL = List.of("invoice.created", "invoice.sent", "invoice.overdue",
      "invoice.reminded", "invoice.paid", "invoice.credited", "invoice.objection_raised",
      "invoice.objection_answered", "invoice.objection_closed", "invoice.handed_off", "invoice.closed");

  @Autowired WebhookDispatcher dispatcher;
  @Autowired PlatformTransactionManager transactions;
  @Autowired WebhookRepository repository;
  @Autowired WebhookTargets targets;
  @Autowired io.fordra.process.FordraClock clock;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper objectMapper;

  private final List<String> users = new ArrayList<>();
  private final List<Long> subscriptions = new ArrayList<>();
  private RestClient admin;
  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    admin = api();
    receiver = new WebhookReceiver();
    dispatcher.run();   // what other tests left in the outbox goes to no subscription of ours
  }

  @AfterEach
  void stop() {
    subscriptions.forEach(id -> send(admin, HttpMethod.DELETE, "/api/webhooks/" + id, null));
    receiver.close();
    users.forEach(engine.getIdentityService()::deleteUser);
  }

  // ------------------------------------------------------------------ delivery

  @Test
  void aReceiverSeesEveryStateChangeOfAnInvoiceExactlyOnce_inOrder_signed() throws Exception {
    JsonNode created = subscribe(ALL);
    String secret = created.get("secret").asText();
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);

    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    dispatcher.run();
    executeDueJobs();                                     // sent
    dispatcher.run();
    advanceTo(LocalDate.of(2026, 4, 2));                  // overdue
    dispatcher.run();
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 0));  // the reminder run
    dispatcher.run();
    at(LocalDate.of(2026, 4, 20), LocalTime.NOON);
    pay(invoice, "1310.00");                              // paid
    dispatcher.run();
    advanceTo(LocalDate.of(2026, 6, 1));                  // nothing more happens, nothing is sent again
    dispatcher.run();
    dispatcher.run();

    List<WebhookReceiver.Received> mine = of(invoice);
    assertThat(mine).extracting(r -> r.header("Fordra-Event-Type")).containsExactly("invoice.created",
        "invoice.sent", "invoice.overdue", "invoice.reminded", "invoice.paid");
    Map<String, Integer> byEventId = new HashMap<>();
    mine.forEach(r -> byEventId.merge(r.header("Fordra-Event-Id"), 1, Integer::sum));
    assertThat(byEventId).hasSize(5).allSatisfy((id, count) -> assertThat(count).as("event " + id).isEqualTo(1));

    for (WebhookReceiver.Received r : mine) {
      assertThat(verify(secret, r)).as("signature of " + r.header("Fordra-Event-Id")).isTrue();
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("id").asText()).isEqualTo(r.header("Fordra-Event-Id"));
      assertThat(body.get("type").asText()).isEqualTo(r.header("Fordra-Event-Type"));
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
    }
    assertThat(verify("whsec_another", mine.get(0))).isFalse();
    JsonNode first = JSON.readTree(mine.get(0).body());
    assertThat(first.get("status").asText()).isEqualTo("CREATED");
    assertThat(first.get("occurredAt").asText()).isEqualTo("2026-03-02T08:00:00Z");
    assertThat(first.get("totalAmount").asText()).isEqualTo("1250.00");
    assertThat(first.get("openAmount").isTextual()).isTrue();
    JsonNode reminded = JSON.readTree(mine.get(3).body());
    assertThat(reminded.get("status").asText()).isEqualTo("REMINDED");
    assertThat(reminded.get("feesAmount").asText()).isEqualTo("60.00");
    assertThat(reminded.get("openAmount").asText()).isEqualTo("1310.00");
    JsonNode paid = JSON.readTree(mine.get(4).body());
    assertThat(paid.get("invoiceNumber").asText()).isEqualTo(invoice.invoiceNumber());
    assertThat(paid.get("customerNumber").asText()).isEqualTo(invoice.customerNumber());
    assertThat(paid.get("status").asText()).isEqualTo("PAID");
    assertThat(paid.get("currency").asText()).isEqualTo("SEK");
    assertThat(paid.get("paidAmount").asText()).isEqualTo("1310.00");
    assertThat(paid.get("openAmount").asText()).isEqualTo("0.00");
    assertThat(fieldNames(paid)).containsExactly("id", "sequence", "type", "occurredAt", "invoiceNumber",
        "customerNumber", "status", "currency", "totalAmount", "paidAmount", "feesAmount", "openAmount");

    JsonNode deliveries = json(get(admin, "/api/webhooks/" + created.get("id").asLong() + "/deliveries"));
    List<JsonNode> ours = new ArrayList<>();
    deliveries.forEach(d -> {
      if (d.get("invoiceNumber").asText().equals(invoice.invoiceNumber())) {
        ours.add(d);
      }
    });
    assertThat(ours).hasSize(5).allSatisfy(d -> {
      assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
      assertThat(d.get("attempts").asInt()).isEqualTo(1);
      assertThat(d.get("lastHttpStatus").asInt()).isEqualTo(204);
      assertThat(d.get("nextAttemptAt").isNull()).isTrue();
    });
  }

  @Test
  void aReceiverThatIsDown_isRetriedWithBackOffOnFordrasClock_laterEventsOfThatInvoiceWait_othersDoNot()
      throws Exception {
    long id = subscribe(List.of("invoice.created", "invoice.sent")).get("id").asLong();
    Invoice blocked = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    Invoice other = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, true), Currency.SEK);
    receiver.down(body -> body.contains(blocked.invoiceNumber()));
    executeDueJobs();                                      // both are sent
    Instant start = ClockUtil.getCurrentTime().toInstant();

    dispatcher.run();
    assertThat(of(other)).extracting(r -> r.header("Fordra-Event-Type"))
        .containsExactly("invoice.created", "invoice.sent");
    assertThat(of(blocked)).isEmpty();
    List<JsonNode> line = deliveriesOf(id, blocked);
    assertThat(line).extracting(d -> d.get("status").asText()).containsExactly("PENDING", "PENDING");
    JsonNode head = line.get(0);
    assertThat(head.get("attempts").asInt()).isEqualTo(1);
    assertThat(head.get("lastHttpStatus").asInt()).isEqualTo(503);
    assertThat(head.get("lastError").asText()).startsWith("HTTP 503: Service unavailable: maintenance")
        .hasSizeLessThanOrEqualTo(250);
    assertThat(Instant.parse(head.get("nextAttemptAt").asText())).isEqualTo(start.plusSeconds(30));
    assertThat(line.get(1).get("attempts").asInt()).as("the sent event waits behind the created one").isZero();

    ClockUtil.setCurrentTime(java.util.Date.from(start.plusSeconds(29)));
    dispatcher.run();                                      // not yet due
    assertThat(deliveriesOf(id, blocked).get(0).get("attempts").asInt()).isEqualTo(1);
    ClockUtil.setCurrentTime(java.util.Date.from(start.plusSeconds(30)));
    dispatcher.run();                                      // second attempt, still down: waits 60 s now
    head = deliveriesOf(id, blocked).get(0);
    assertThat(head.get("attempts").asInt()).isEqualTo(2);
    assertThat(Instant.parse(head.get("nextAttemptAt").asText())).isEqualTo(start.plusSeconds(90));

    receiver.up();
    ClockUtil.setCurrentTime(java.util.Date.from(start.plusSeconds(60)));
    dispatcher.run();
    assertThat(of(blocked)).as("the back-off holds even when the receiver is back").isEmpty();
    ClockUtil.setCurrentTime(java.util.Date.from(start.plusSeconds(90)));
    dispatcher.run();
    dispatcher.run();
    assertThat(of(blocked)).extracting(r -> r.header("Fordra-Event-Type"))
        .containsExactly("invoice.created", "invoice.sent");
    assertThat(deliveriesOf(id, blocked)).extracting(d -> d.get("status").asText() + "/" + d.get("attempts").asInt())
        .containsExactly("DELIVERED/3", "DELIVERED/1");
    assertThat(of(other)).hasSize(2);
  }

  @Test
  void afterMaxAttemptsADeliveryIsFailed_stillHoldsBackTheInvoicesLaterEvents_untilRedelivered() throws Exception {
    long id = subscribe(List.of("invoice.created", "invoice.sent")).get("id").asLong();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    receiver.down(body -> body.contains(invoice.invoiceNumber()));
    WebhookDispatcher twoAttempts = new WebhookDispatcher(repository, targets, new WebhookProperties(true,
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), 2, Duration.ofHours(1), 2,
        Duration.ofMinutes(2), 500), clock, transactions, objectMapper);
    Instant start = ClockUtil.getCurrentTime().toInstant();
    twoAttempts.run();
    ClockUtil.setCurrentTime(java.util.Date.from(start.plusSeconds(30)));
    twoAttempts.run();
    JsonNode failed = deliveriesOf(id, invoice).get(0);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("attempts").asInt()).isEqualTo(2);
    assertThat(failed.get("nextAttemptAt").isNull()).isTrue();
    assertThat(json(get(admin, "/api/webhooks/" + id + "/deliveries?status=FAILED")).findValues("id"))
        .extracting(JsonNode::asLong).contains(failed.get("id").asLong());

    receiver.up();
    ClockUtil.setCurrentTime(java.util.Date.from(start.plus(Duration.ofDays(1))));
    twoAttempts.run();
    assertThat(of(invoice)).as("a failed delivery waits for a person, and the sent event waits behind it").isEmpty();
    assertThat(deliveriesOf(id, invoice).get(1).get("attempts").asInt()).isZero();

    send(admin, HttpMethod.POST, "/api/webhooks/" + id + "/deliveries/" + failed.get("id").asLong() + "/redeliver",
        null);
    twoAttempts.run();
    assertThat(of(invoice)).extracting(r -> r.header("Fordra-Event-Type"))
        .containsExactly("invoice.created", "invoice.sent");
  }

  @Test
  void twoNodesDeliveringAtOnce_deliverEveryEventOnce_inOrderPerInvoice() throws Exception {
    String secret = subscribe(List.of("invoice.created", "invoice.sent")).get("secret").asText();
    List<Invoice> created = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      created.add(createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK));
    }
    executeDueJobs();
    // Two dispatchers share nothing but the database, as two nodes would.
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(nodes.submit(dispatcher::run));
      }
      for (var run : runs) {
        run.get(2, java.util.concurrent.TimeUnit.MINUTES);
      }
    } finally {
      nodes.shutdown();
    }
    dispatcher.run();
    for (Invoice invoice : created) {
      assertThat(of(invoice)).extracting(r -> r.header("Fordra-Event-Type")).as(invoice.invoiceNumber())
          .containsExactly("invoice.created", "invoice.sent");
      assertThat(of(invoice)).allSatisfy(r -> assertThat(verify(secret, r)).isTrue());
    }
  }

  @Test
  void aTargetNobodyListensOn_failsWithTheConnectionError_andARedeliveryRepeatsTheSameEventId() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    long dead = subscribe(List.of("invoice.created"), "http://127.0.0.1:" + closedPort + "/hook").get("id").asLong();
    long live = subscribe(List.of("invoice.created")).get("id").asLong();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    dispatcher.run();

    JsonNode failed = deliveriesOf(dead, invoice).get(0);
    assertThat(failed.get("status").asText()).isEqualTo("PENDING");
    assertThat(failed.get("lastHttpStatus").isNull()).isTrue();
    assertThat(failed.get("lastError").asText()).contains("ConnectException");

    JsonNode delivered = deliveriesOf(live, invoice).get(0);
    assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
    ResponseEntity<String> again = send(admin, HttpMethod.POST,
        "/api/webhooks/" + live + "/deliveries/" + delivered.get("id").asLong() + "/redeliver", null);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(json(again).get("status").asText()).isEqualTo("PENDING");
    dispatcher.run();
    assertThat(of(invoice)).extracting(r -> r.header("Fordra-Event-Id")).hasSize(2).containsOnly(
        delivered.get("eventId").asText());
    assertThat(of(invoice)).extracting(r -> r.header("Fordra-Delivery-Id")).containsOnly(delivered.get("id").asText());
    assertThat(deliveriesOf(live, invoice).get(0).get("attempts").asInt()).isEqualTo(2);

    assertProblem(send(admin, HttpMethod.POST, "/api/webhooks/" + live + "/deliveries/" + failed.get("id").asLong()
        + "/redeliver", null), 404);   // another subscription's delivery
    assertProblem(send(admin, HttpMethod.POST, "/api/webhooks/" + live + "/deliveries/999999999/redeliver", null),
        404);
    assertProblem(send(admin, HttpMethod.POST, "/api/webhooks/999999999/deliveries/1/redeliver", null), 404);
    assertProblem(send(admin, HttpMethod.POST, "/api/webhooks/" + live + "/deliveries/x/redeliver", null), 400);
    assertProblem(send(admin, HttpMethod.POST, "/api/webhooks/x/deliveries/1/redeliver", null), 400);
  }

  @Test
  void anEventWhoseTransactionRollsBackIsNeverDelivered_andADisabledSubscriptionGetsNothingMore() throws Exception {
    long id = subscribe(List.of("invoice.objection_raised", "invoice.credited")).get("id").asLong();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.OBJECTION_RAISED, "rolled back"));
      tx.setRollbackOnly();
    });
    dispatcher.run();
    assertThat(of(invoice)).isEmpty();
    assertThat(deliveriesOf(id, invoice)).isEmpty();

    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.OBJECTION_RAISED, "committed"));
    dispatcher.run();
    assertThat(of(invoice)).extracting(r -> r.header("Fordra-Event-Type")).containsExactly("invoice.objection_raised");

    JsonNode disabled = json(send(admin, HttpMethod.DELETE, "/api/webhooks/" + id, null));
    assertThat(disabled.get("enabled").asBoolean()).isFalse();
    assertThat(disabled.get("disabledBy").asText()).isEqualTo("admin");
    assertThat(json(send(admin, HttpMethod.DELETE, "/api/webhooks/" + id, null)).get("disabledAt"))
        .isEqualTo(disabled.get("disabledAt"));
    invoices.record(invoice, InvoiceEvent.of(InvoiceEventType.OBJECTION_RAISED, "after disabling"));
    dispatcher.run();
    assertThat(of(invoice)).hasSize(1);
  }

  // ------------------------------------------------------------------ subscriptions

  @Test
  void aSubscriptionShowsItsSecretOnlyWhenCreated_andIsListedAndReadWithoutIt() throws Exception {
    ResponseEntity<String> created = send(admin, HttpMethod.POST, "/api/webhooks", Map.of("url", receiver.url(),
        "eventTypes", List.of("invoice.paid", "invoice.created"), "description", "ERP"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = json(created);
    long id = body.get("id").asLong();
    subscriptions.add(id);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/webhooks/" + id);
    assertThat(body.get("secret").asText()).startsWith("whsec_");
    assertThat(body.get("eventTypes")).extracting(JsonNode::asText).containsExactly("invoice.paid", "invoice.created");
    assertThat(body.get("createdBy").asText()).isEqualTo("admin");

    JsonNode read = json(get(admin, "/api/webhooks/" + id));
    assertThat(read.has("secret")).isFalse();
    assertThat(read.get("url").asText()).isEqualTo(receiver.url());
    assertThat(read.get("enabled").asBoolean()).isTrue();
    assertThat(read.get("description").asText()).isEqualTo("ERP");
    JsonNode list = json(get(admin, "/api/webhooks"));
    assertThat(list.toString()).doesNotContain("secret").doesNotContain(body.get("secret").asText());
    assertThat(list.findValues("id")).extracting(JsonNode::asLong).contains(id);

    assertProblem(get(admin, "/api/webhooks/999999999"), 404);
    assertProblem(get(admin, "/api/webhooks/abc"), 400);
    assertProblem(send(admin, HttpMethod.DELETE, "/api/webhooks/999999999", null), 404);
    assertProblem(send(admin, HttpMethod.DELETE, "/api/webhooks/abc", null), 400);
  }

  @Test
  void everyBadSubscriptionIs400WithEveryReason_andNothingIsStored() throws Exception {
    int before = json(get(admin, "/api/webhooks")).size();
    assertThat(errors(create(Map.of()))).containsExactly("url: is required",
        "eventTypes: is required: one or more of " + ALL);
    assertThat(errors(create(Map.of("url", "ftp://erp.example/hook", "eventTypes", List.of("invoice.paid")))))
        .containsExactly("url: must be an absolute https:// (or http://) URL");
    assertThat(errors(create(Map.of("url", "/relative", "eventTypes", List.of("invoice.paid")))))
        .containsExactly("url: must be an absolute https:// (or http://) URL");
    assertThat(errors(create(Map.of("url", "https://erp:pw@erp.example/hook", "eventTypes",
        List.of("invoice.paid"))))).containsExactly(
        "url: must not carry credentials (user:password@); the signature authenticates Fordra");
    assertThat(errors(create(Map.of("url", "https://erp.example/hook#x", "eventTypes", List.of("invoice.paid")))))
        .containsExactly("url: must not have a fragment (#…)");
    assertThat(errors(create(Map.of("url", "https://erp example/hook", "eventTypes", List.of("invoice.paid")))))
        .singleElement().asString().startsWith("url: is not a URL");
    assertThat(errors(create(Map.of("url", "https://erp.example/" + "x".repeat(2000), "eventTypes",
        List.of("invoice.paid"))))).containsExactly("url: is longer than 2000 characters");
    assertThat(errors(create(Map.of("url", receiver.url(), "eventTypes",
        List.of("invoice.paid", "PAID", "invoice.paid"), "description", "d".repeat(201))))).containsExactly(
        "eventTypes[1]: 'PAID' is not one of " + ALL, "eventTypes[2]: 'invoice.paid' is given twice",
        "description: is longer than 200 characters");
    assertThat(errors(create(Map.of("url", receiver.url(), "eventTypes", List.of())))).containsExactly(
        "eventTypes: is required: one or more of " + ALL);
    assertProblem(create(Map.of("url", receiver.url(), "eventTypes", List.of("invoice.paid"), "secret", "mine")),
        400);
    assertProblem(create(Map.of("url", 5, "eventTypes", List.of("invoice.paid"))), 400);
    ResponseEntity<String> malformed = admin.post().uri("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
        .body("{\"url\": ").retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(String.class);
    assertProblem(malformed, 400);
    assertThat(json(get(admin, "/api/webhooks")).size()).isEqualTo(before);
  }

  @Test
  void theDeliveryLogsParametersAreChecked() throws Exception {
    long id = subscribe(List.of("invoice.created")).get("id").asLong();
    String log = "/api/webhooks/" + id + "/deliveries";
    assertThat(get(admin, log).getStatusCode().value()).isEqualTo(200);
    assertThat(errors(get(admin, log + "?status=LOST&limit=0&after=-1"))).containsExactly(
        "status: 'LOST' is not one of [PENDING, DELIVERED, FAILED]",
        "after: must be 0 or more (the last sequence or id you have)", "limit: must be from 1 to 1000");
    assertThat(errors(get(admin, log + "?limit=1001"))).containsExactly("limit: must be from 1 to 1000");
    assertProblem(get(admin, log + "?limit=ten"), 400);
    assertProblem(get(admin, log + "?after=x"), 400);
    assertProblem(get(admin, "/api/webhooks/999999999/deliveries"), 404);
    assertProblem(get(admin, "/api/webhooks/x/deliveries"), 400);

    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    dispatcher.run();
    JsonNode all = json(get(admin, log + "?status=DELIVERED"));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).get("invoiceNumber").asText()).isEqualTo(invoice.invoiceNumber());
    assertThat(json(get(admin, log + "?status=PENDING"))).isEmpty();
    assertThat(json(get(admin, log + "?after=" + all.get(0).get("id").asLong()))).isEmpty();
  }

  // ------------------------------------------------------------------ the pull API

  @Test
  void theEventsArePagedBySequence_withNextForTheFollowingPage() throws Exception {
    long start = json(get(admin, "/api/events?after=0&limit=1000")).get("next").asLong();
    JsonNode rest;
    long after = start;
    do {
      rest = json(get(admin, "/api/events?limit=1000&after=" + after));
      after = rest.get("next").asLong();
    } while (rest.get("events").size() == 1000);
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    JsonNode before = json(get(admin, "/api/events?after=" + after));
    assertThat(before.get("events")).as("not published yet").isEmpty();
    assertThat(before.get("next").asLong()).isEqualTo(after);
    dispatcher.run();

    JsonNode first = json(get(admin, "/api/events?limit=1&after=" + after));
    assertThat(first.get("events")).hasSize(1);
    JsonNode created = first.get("events").get(0);   // the invoice's creation was the first to commit
    assertThat(created.get("type").asText()).isEqualTo("invoice.created");
    assertThat(created.get("invoiceNumber").asText()).isEqualTo(invoice.invoiceNumber());
    assertThat(created.get("sequence").asLong()).isGreaterThan(after);
    assertThat(first.get("next").asLong()).isEqualTo(created.get("sequence").asLong());
    JsonNode second = json(get(admin, "/api/events?limit=1000&after=" + first.get("next").asLong()));
    List<String> later = new ArrayList<>();
    second.get("events").forEach(e -> {
      assertThat(e.get("sequence").asLong()).isGreaterThan(first.get("next").asLong());
      if (e.get("invoiceNumber").asText().equals(invoice.invoiceNumber())) {
        later.add(e.get("type").asText());
      }
    });
    assertThat(later).containsExactly("invoice.sent");
    assertThat(second.toString()).doesNotContain("@customer.example").doesNotContain("Svensson");

    assertThat(errors(get(admin, "/api/events?after=-1&limit=0"))).containsExactly(
        "after: must be 0 or more (the last sequence or id you have)", "limit: must be from 1 to 1000");
    assertThat(errors(get(admin, "/api/events?limit=1001"))).containsExactly("limit: must be from 1 to 1000");
    assertProblem(get(admin, "/api/events?after=abc"), 400);
    assertProblem(get(admin, "/api/events?limit=1.5"), 400);
    assertThat(get(admin, "/api/events").getStatusCode().value()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ roles

  @Test
  void subscriptionsAreAdministrators_auditorsRead_financePullsEvents_andNobodyWithoutALogin() throws Exception {
    long id = subscribe(List.of("invoice.created")).get("id").asLong();
    String one = "/api/webhooks/" + id;
    record Call(HttpMethod method, String path, Object body) {}
    List<Call> writes = List.of(new Call(HttpMethod.POST, "/api/webhooks", Map.of("url", receiver.url(),
            "eventTypes", List.of("invoice.paid"))),
        new Call(HttpMethod.DELETE, one, null),
        new Call(HttpMethod.POST, one + "/deliveries/1/redeliver", null));
    List<Call> reads = List.of(new Call(HttpMethod.GET, "/api/webhooks", null), new Call(HttpMethod.GET, one, null),
        new Call(HttpMethod.GET, one + "/deliveries", null));
    Call events = new Call(HttpMethod.GET, "/api/events", null);

    RestClient nobody = RestClient.builder().baseUrl("http://localhost:" + port).build();
    RestClient wrongPassword = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("ghost-" + UUID.randomUUID(), "wrong")).build();   // not admin: lockout
    List<String> wrong = new ArrayList<>();
    Map<String, RestClient> roles = new LinkedHashMap<>();
    for (String group : List.of("case-handlers", "finance", "process-owners", "auditors")) {
      roles.put(group, as(group));
    }
    List<Call> every = new ArrayList<>(writes);
    every.addAll(reads);
    every.add(events);
    for (Call call : every) {
      expect(wrong, "nobody", nobody, call.method(), call.path(), call.body(), 401);
      expect(wrong, "unknown user", wrongPassword, call.method(), call.path(), call.body(), 401);
      for (var role : roles.entrySet()) {
        boolean allowed = role.getKey().equals("auditors") && call.method() == HttpMethod.GET
            || role.getKey().equals("finance") && call == events;
        int status = send(role.getValue(), call.method(), call.path(), call.body()).getStatusCode().value();
        if (allowed ? status != 200 : status != 403) {
          wrong.add(role.getKey() + " " + call.method() + " " + call.path() + " -> " + status);
        }
      }
    }
    assertThat(wrong).as("answers that differ from the role rules").isEmpty();
    assertThat(json(get(admin, one)).get("enabled").asBoolean()).as("no refused DELETE disabled it").isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private void expect(List<String> wrong, String who, RestClient client, HttpMethod method, String path, Object body,
                      int expected) {
    int status = send(client, method, path, body).getStatusCode().value();
    if (status != expected) {
      wrong.add(who + " " + method + " " + path + " -> " + status);
    }
  }

  private JsonNode subscribe(List<String> types) throws Exception {
    return subscribe(types, receiver.url());
  }

  private JsonNode subscribe(List<String> types, String url) throws Exception {
    ResponseEntity<String> created = create(Map.of("url", url, "eventTypes", types));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode body = json(created);
    subscriptions.add(body.get("id").asLong());
    return body;
  }

  private ResponseEntity<String> create(Map<String, ?> body) {
    return send(admin, HttpMethod.POST, "/api/webhooks", body);
  }

  /** What the receiver got about this invoice, in arrival order. */
  private List<WebhookReceiver.Received> of(Invoice invoice) {
    return receiver.received().stream().filter(r -> r.body().contains("\"" + invoice.invoiceNumber() + "\""))
        .toList();
  }

  private List<JsonNode> deliveriesOf(long webhookId, Invoice invoice) throws Exception {
    List<JsonNode> line = new ArrayList<>();
    json(get(admin, "/api/webhooks/" + webhookId + "/deliveries?limit=1000")).forEach(d -> {
      if (d.get("invoiceNumber").asText().equals(invoice.invoiceNumber())) {
        line.add(d);
      }
    });
    return line;
  }

  /** The receiver's check, as the README shows it: HMAC-SHA256 over "timestamp.body" with the secret. */
  static boolean verify(String secret, WebhookReceiver.Received request) throws Exception {
    String timestamp = request.header("Fordra-Timestamp");
    if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > Duration.ofMinutes(5).toSeconds()) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = ("v1=" + java.util.HexFormat.of().formatHex(
        mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8))))
        .getBytes(StandardCharsets.UTF_8);
    return java.security.MessageDigest.isEqual(expected,
        request.header("Fordra-Signature").getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertProblem(ResponseEntity<String> answer, int status) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
  }

  private RestClient as(String group) {
    String id = staffUser(group, PASSWORD);
    users.add(id);
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth(id, PASSWORD)).build();
  }
}
