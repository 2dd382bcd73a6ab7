package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEventType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The distribution contract over REST: bounces, and customers' channel details, with problem+json for bad input. */
@FordraTestContext
class DistributionApiTest extends ProcessTestSupport {

  RestClient api;

  @BeforeEach
  void client() {
    api = api();
  }

  @Test
  void aBounceIsAcceptedAndRerouted_badBouncesAreRefusedWithEveryReason() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();

    ResponseEntity<JsonNode> missing = post("/api/invoices/" + invoice.invoiceNumber() + "/bounces", "{}");
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(missing.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(missing.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("channel", "reason");
    assertThat(post("/api/invoices/" + invoice.invoiceNumber() + "/bounces",
        "{\"channel\":\"PIGEON\",\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(400);
    ResponseEntity<JsonNode> neverPrinted = post("/api/invoices/" + invoice.invoiceNumber() + "/bounces",
        "{\"channel\":\"PRINT\",\"reason\":\"returned\"}");
    assertThat(neverPrinted.getStatusCode().value()).isEqualTo(409);
    assertThat(neverPrinted.getBody().get("detail").asText()).contains("was sent by PRINT");
    assertThat(post("/api/invoices/NO-SUCH/bounces", "{\"channel\":\"EMAIL\",\"reason\":\"x\"}")
        .getStatusCode().value()).isEqualTo(404);
    assertThat(invoices.events(reload(invoice))).noneMatch(e -> e.type() == InvoiceEventType.DISTRIBUTION_BOUNCED);

    ResponseEntity<JsonNode> bounced = post("/api/invoices/" + invoice.invoiceNumber() + "/bounces",
        "{\"channel\":\"EMAIL\",\"recipient\":\"whoever@else.example\",\"reason\":\"550\"}");
    assertThat(bounced.getStatusCode().value()).as("only a document sent to that recipient").isEqualTo(409);
    bounced = post("/api/invoices/" + invoice.invoiceNumber() + "/bounces",
        "{\"channel\":\"EMAIL\",\"reason\":\"550 5.1.1 user unknown\"}");
    assertThat(bounced.getStatusCode().value()).isEqualTo(202);
    assertThat(bounced.getBody().get("rerouted").asBoolean()).isTrue();
    assertThat(bounced.getBody().get("message").asText()).contains("reserve channel").contains("2 of 3");
  }

  @Test
  void customersChannelDetailsAreChecked() {
    String number = "C-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<JsonNode> unreachable = post("/api/customers", """
        {"customerNumber": "%s", "name": "Nobody", "type": "PRIVATE", "country": "SE"}""".formatted(number));
    assertThat(unreachable.getStatusCode().value()).isEqualTo(400);
    assertThat(unreachable.getBody().toString()).contains("no channel to reach them");

    ResponseEntity<JsonNode> bad = post("/api/customers", """
        {"customerNumber": "%s", "name": "Bad", "type": "PRIVATE", "country": "SE", "email": "a@b.example",
         "address": {"street": "Gatan 1", "postalCode": "1234", "city": "Ort"}, "preferredChannel": "DIRECT_DEBIT",
         "organisationCustomerNumber": "NO-SUCH-ORG", "invoiceReference": {"name": "Eva"}}""".formatted(number));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "address.postalCode", "directDebitMandate", "organisationCustomerNumber", "invoiceReference");
    assertThat(bad.getBody().toString()).contains("NNN NN");

    ResponseEntity<JsonNode> printOnly = post("/api/customers", """
        {"customerNumber": "%s", "name": "Post Only", "type": "PRIVATE", "country": "NO",
         "address": {"street": "Gata 1", "postalCode": "0150", "city": "Oslo"}, "preferredChannel": "PRINT"}"""
        .formatted(number));
    assertThat(printOnly.getStatusCode().value()).isEqualTo(201);
    assertThat(printOnly.getBody().get("email").isNull()).isTrue();
  }

  private ResponseEntity<JsonNode> post(String path, String body) {
    return api.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
  }
}
