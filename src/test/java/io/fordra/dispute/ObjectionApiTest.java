package io.fordra.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** POST /api/invoices/{n}/objections, …/objections/withdrawal and …/credit-notes over HTTP. */
@FordraTestContext
class ObjectionApiTest extends ProcessTestSupport {

  @LocalServerPort int port;
  private RestClient api;

  @BeforeEach
  void client() {
    api = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build();
  }

  @Test
  void objectionIsRecordedShownAndWithdrawn() {
    Invoice invoice = sentInvoice();
    ResponseEntity<JsonNode> raised = post("/api/invoices/" + invoice.invoiceNumber() + "/objections",
        "{\"disputedAmount\":\"300.00\",\"reason\":\"Wrong quantity\",\"raisedBy\":\"CUSTOMER\"}");
    assertThat(raised.getStatusCode().value()).isEqualTo(201);
    assertThat(raised.getBody().get("status").asText()).isEqualTo("OPEN");

    JsonNode shown = get("/api/invoices/" + invoice.invoiceNumber());
    assertThat(shown.get("disputedAmount").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(shown.get("dispute").get("reason").asText()).isEqualTo("Wrong quantity");
    assertThat(shown.get("dispute").get("deadline").asText()).isEqualTo("2026-03-24");

    ResponseEntity<JsonNode> second = post("/api/invoices/" + invoice.invoiceNumber() + "/objections",
        "{\"reason\":\"again\",\"raisedBy\":\"CUSTOMER\"}");
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody().get("detail").asText()).contains("already has an open objection");

    ResponseEntity<JsonNode> withdrawn = post("/api/invoices/" + invoice.invoiceNumber() + "/objections/withdrawal", "");
    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(get("/api/invoices/" + invoice.invoiceNumber()).get("disputedAmount").decimalValue())
        .isEqualByComparingTo("0");
    assertThat(post("/api/invoices/" + invoice.invoiceNumber() + "/objections/withdrawal", "").getStatusCode().value())
        .isEqualTo(409);
  }

  @Test
  void badObjectionsAreRefusedWithEveryReason() {
    Invoice invoice = sentInvoice();
    String path = "/api/invoices/" + invoice.invoiceNumber() + "/objections";
    ResponseEntity<JsonNode> bad = post(path, "{\"disputedAmount\":\"5000.00\"}");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("reason", "raisedBy", "disputedAmount");
    assertThat(post(path, "{\"reason\":\"x\",\"raisedBy\":\"NEIGHBOUR\"}").getStatusCode().value()).isEqualTo(400);
    assertThat(post(path, "{\"reason\":\"x\",\"raisedBy\":\"CUSTOMER\",\"receivedAt\":\"2030-01-01T00:00:00Z\"}")
        .getBody().get("errors").findValuesAsText("field")).containsExactly("receivedAt");
    assertThat(post("/api/invoices/NO-SUCH/objections", "{\"reason\":\"x\",\"raisedBy\":\"CUSTOMER\"}")
        .getStatusCode().value()).isEqualTo(404);
    assertThat(get("/api/invoices/" + invoice.invoiceNumber()).get("dispute").isNull()).as("nothing stored").isTrue();

    pay(invoice, "1250.00");
    ResponseEntity<JsonNode> paid = post(path, "{\"reason\":\"late\",\"raisedBy\":\"CUSTOMER\"}");
    assertThat(paid.getStatusCode().value()).isEqualTo(409);
    assertThat(paid.getBody().get("detail").asText()).contains("is PAID");
  }

  @Test
  void creditNoteForTheWholeOpenAmountCreditsTheInvoice() {
    Invoice invoice = sentInvoice();
    String path = "/api/invoices/" + invoice.invoiceNumber() + "/credit-notes";
    assertThat(post(path, "{\"amount\":\"2000.00\",\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(400);
    assertThat(post(path, "{\"amount\":\"1.00\"}").getBody().get("errors").findValuesAsText("field"))
        .containsExactly("reason");

    ResponseEntity<JsonNode> part = post(path, "{\"amount\":\"250.00\",\"reason\":\"price agreed lower\"}");
    assertThat(part.getStatusCode().value()).isEqualTo(201);
    assertThat(part.getBody().get("openAmount").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(part.getBody().get("status").asText()).isEqualTo("SENT");

    ResponseEntity<JsonNode> rest = post(path, "{\"reason\":\"order cancelled\"}");
    assertThat(rest.getBody().get("amount").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(rest.getBody().get("status").asText()).isEqualTo("CREDITED");
    JsonNode credited = get("/api/invoices/" + invoice.invoiceNumber());
    assertThat(credited.get("creditedAmount").decimalValue()).isEqualByComparingTo("1250.00");
    assertThat(credited.get("openAmount").decimalValue()).isEqualByComparingTo("0");
    // The credit notes of an invoice that had left are sent too; then nothing is left to do.
    executeDueJobs();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice.invoiceNumber()).count())
        .as("follow-up ended").isZero();
    assertThat(post(path, "{\"reason\":\"again\"}").getStatusCode().value()).isEqualTo(409);
  }

  private Invoice sentInvoice() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    at(java.time.LocalDate.of(2026, 3, 10), java.time.LocalTime.of(9, 0));
    return reload(invoice);
  }

  private ResponseEntity<JsonNode> post(String path, String body) {
    return api.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .onStatus(s -> true, (request, response) -> { }).toEntity(JsonNode.class);
  }

  private JsonNode get(String path) {
    return api.get().uri(path).retrieve().body(JsonNode.class);
  }
}
