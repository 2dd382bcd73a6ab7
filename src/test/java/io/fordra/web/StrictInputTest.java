package io.fordra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.process.FordraClock;
import io.fordra.invoice.InvoiceToCash;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Issue 13, finding 10: /api reads its JSON strictly (unknown properties and numbers or booleans given for text are
 * 400 naming the property) and bounds business dates (a payment not after today + fordra.payments.max-ahead, an
 * interest run not for a future month). The engine REST API keeps reading JSON its own way.
 */
@FordraTestContext
class StrictInputTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired FordraClock clock;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  private RestClient http;
  private final List<String> businessKeys = new ArrayList<>();

  @BeforeEach
  void client() {
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build();
  }

  @AfterEach
  void removeStartedProcesses() {
    for (String key : businessKeys) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).rootProcessInstances().list()
          .forEach(p -> runtime.deleteProcessInstance(p.getId(), "StrictInputTest cleanup", true, true));
    }
  }

  @Test
  void anUnknownPropertyIsRefusedByName_theInvoiceIsNotCreated() {
    String number = "STRICT-" + unique();
    ResponseEntity<JsonNode> reply = post("/api/invoices", invoice("\"" + number + "\"", "\"status\":\"PAID\","));

    assertProblem(reply, 400, "status", "is not a property");
    assertThat(reply.getBody().get("errors").get(0).get("message").asText()).contains("invoiceNumber");
    assertThat(invoicesNumbered(number)).isZero();
  }

  @Test
  void anUnknownPropertyDeepInTheBodyIsNamedByItsPath() {
    String customer = "SC-" + unique();
    ResponseEntity<JsonNode> reply = post("/api/customers", customer(customer, "\"country\":\"SE\",\"floor\":3"));

    assertProblem(reply, 400, "address.floor", "is not a property");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_customer WHERE customer_number = ?").param(customer)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aNumberIsNotAnInvoiceNumber() {
    ResponseEntity<JsonNode> reply = post("/api/invoices", invoice("4711", ""));

    assertProblem(reply, 400, "invoiceNumber", "must be a JSON string");
    assertThat(invoicesNumbered("4711")).isZero();
  }

  @Test
  void aBooleanIsNotText() {
    ResponseEntity<JsonNode> reply = post("/api/customers", customer("SC-" + unique(), "\"country\":\"SE\"")
        .replace("\"name\":\"Anna Andersson\"", "\"name\":true"));

    assertProblem(reply, 400, "name", "not a boolean");
  }

  @Test
  void aPaymentDatedInTheFutureIsRefused_tomorrowIsStillTaken() {
    String far = payment("2099-01-01");
    ResponseEntity<JsonNode> refused = post("/api/payments", far);
    assertProblem(refused, 400, "paidAt", "in the future");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_payment WHERE paid_at = ?")
        .param(java.time.LocalDate.of(2099, 1, 1)).query(Long.class).single()).isZero();

    // fordra.payments.max-ahead (P1D): a bank a time zone ahead may date a payment tomorrow.
    ResponseEntity<JsonNode> taken = post("/api/payments", payment(clock.today().plusDays(1).toString()));
    assertThat(taken.getStatusCode().value()).as("%s", taken.getBody()).isEqualTo(202);
    businessKeys.add("payment-" + taken.getBody().get("paymentId").asLong());
    assertProblem(post("/api/payments", payment(clock.today().plusDays(2).toString())), 400, "paidAt",
        "in the future");
  }

  @Test
  void interestInvoicingForAFutureMonthIsRefused() {
    assertProblem(post("/api/interest-invoicing", "{\"month\":\"9999-12\"}"), 400, "month", "in the future");
    assertProblem(post("/api/interest-invoicing",
        "{\"month\":\"" + java.time.YearMonth.from(clock.today()).plusMonths(1) + "\"}"), 400, "month", "future");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("interest-9999-12").count()).isZero();
  }

  @Test
  void aValidInvoiceIsStillCreated() {
    String number = "STRICT-" + unique();
    businessKeys.add(number);
    ResponseEntity<JsonNode> reply = post("/api/invoices", invoice("\"" + number + "\"", ""));

    assertThat(reply.getStatusCode().value()).as("%s", reply.getBody()).isEqualTo(201);
    assertThat(invoicesNumbered(number)).isOne();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceToCash.KEY)
        .processInstanceBusinessKey(number).count()).isOne();
  }

  /** Issue 15, found trying the jar: content after the JSON object was ignored; the body is one JSON value. */
  @Test
  void contentAfterTheBodyIsRefused_theCustomerIsNotCreated() {
    String number = "SC-" + unique();
    ResponseEntity<JsonNode> reply = post("/api/customers", customer(number, "\"country\":\"SE\"") + " {\"x\":1}");

    assertProblem(reply, 400, "body", "more content after the JSON value");
    assertThat(customersNumbered(number)).isZero();
  }

  /** Issue 15: of {"name":"A","name":"B"} the last won silently; a property given twice is refused by name. */
  @Test
  void aPropertyGivenTwiceIsRefusedByName() {
    String number = "SC-" + unique();
    ResponseEntity<JsonNode> reply = post("/api/customers", customer(number, "\"country\":\"SE\"")
        .replace("\"name\":\"Anna Andersson\"", "\"name\":\"Anna Andersson\",\"name\":\"Someone Else\""));

    assertProblem(reply, 400, "name", "is given twice");
    assertThat(customersNumbered(number)).isZero();
  }

  /** Issue 15: a NUL character was stored on H2 and is an error on PostgreSQL; no text of /api may hold one. */
  @Test
  void aNulCharacterInTextIsRefused() {
    String number = "SC-" + unique();
    ResponseEntity<JsonNode> reply = post("/api/customers", customer(number, "\"country\":\"SE\"")
        .replace("\"city\":\"Stockholm\"", "\"city\":\"Stock\\u0000holm\""));

    assertProblem(reply, 400, "address.city", "must not contain the NUL character");
    assertThat(customersNumbered(number)).isZero();
  }

  /** Issue 15: a 5 001-digit number was answered with Jackson's own words ("Number value length (5001) exceeds"). */
  @Test
  void anOverlongNumberIsRefusedInPlainWords() {
    ResponseEntity<JsonNode> reply = post("/api/payments", payment("2026-03-02")
        .replace("\"amount\":\"410.00\"", "\"amount\":" + "9".repeat(5001)));

    assertThat(reply.getStatusCode().value()).isEqualTo(400);
    assertThat(reply.getBody().toString()).doesNotContain("Number value length").doesNotContain("StreamReadConstraints")
        .doesNotContain("com.fasterxml");
    assertThat(reply.getBody().get("errors").get(0).get("message").asText())
        .isEqualTo("a number of more than 1000 digits");
  }

  /** Camunda's REST API has its own ObjectMapper: the strict /api settings do not reach it. */
  @Test
  void theEngineRestApiStillReadsItsJsonAsBefore() {
    ResponseEntity<JsonNode> count = post("/engine-rest/engine/" + engine.getName() + "/process-instance/count",
        // A business key given as a JSON number (no invoice has it): Camunda reads it as text, as it always did.
        "{\"businessKey\": " + (900_000_000L + UUID.randomUUID().getMostSignificantBits() % 100_000_000L) + "}");

    assertThat(count.getStatusCode().value()).as("%s", count.getBody()).isEqualTo(200);
    assertThat(count.getBody().get("count").asLong()).isZero();
  }

  private static void assertProblem(ResponseEntity<JsonNode> reply, int status, String field, String message) {
    assertThat(reply.getStatusCode().value()).as("%s", reply.getBody()).isEqualTo(status);
    assertThat(reply.getHeaders().getContentType()).isNotNull();
    assertThat(reply.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    JsonNode error = reply.getBody().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).contains(message);
    assertThat(reply.getBody().get("detail").asText()).contains(field);
  }

  private ResponseEntity<JsonNode> post(String path, String json) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
  }

  private long invoicesNumbered(String number) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_invoice WHERE invoice_number = ?").param(number)
        .query(Long.class).single();
  }

  private long customersNumbered(String number) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_customer WHERE customer_number = ?").param(number)
        .query(Long.class).single();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static String invoice(String numberJson, String extra) {
    String customer = "SC-" + unique();
    return """
        {"invoiceNumber":%s,%s"customerNumber":"%s","customer":%s,
         "issueDate":"2026-03-02","dueDate":"2026-04-01","currency":"SEK",
         "lines":[{"description":"Consulting","quantity":2,"unitPrice":"100.00","vatRate":25}]}"""
        .formatted(numberJson, extra, customer, customer(customer, "\"country\":\"SE\""));
  }

  private static String customer(String number, String addressTail) {
    return """
        {"customerNumber":"%s","name":"Anna Andersson","type":"PRIVATE","priority":false,"country":"SE",
         "email":"anna@example.se","reminderFeeAgreed":true,
         "address":{"street":"Storgatan 1","postalCode":"111 22","city":"Stockholm",%s}}"""
        .formatted(number, addressTail);
  }

  private static String payment(String paidAt) {
    return """
        {"paymentReference":"99999999999","amount":"410.00","currency":"SEK","paidAt":"%s",
         "bankTransactionId":"STRICT-%s"}""".formatted(paidAt, UUID.randomUUID());
  }
}
