package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** POST /api/invoices/{n}/send: a person sends a document again, at most three times in all (seed 003). */
@FordraTestContext
class SendAgainTest extends ProcessTestSupport {

  @LocalServerPort int port;

  @Test
  void theSameDocumentGoesOutAtMostThreeTimes() throws Exception {
    RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();

    ResponseEntity<JsonNode> second = send(api, invoice, "{}");
    assertThat(second.getStatusCode().value()).isEqualTo(202);
    assertThat(second.getBody().get("attempt").asInt()).isEqualTo(2);
    executeDueJobs();
    assertThat(mail(invoice, "invoice.1.a2")).as("a new message, not a retry of the first")
        .contains("Message-ID: <" + invoice.invoiceNumber() + ".invoice.1.a2@fordra.exempelbolaget.se>");
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);

    assertThat(send(api, invoice, "{\"channel\":\"EMAIL\"}").getBody().get("attempt").asInt()).isEqualTo(3);
    executeDueJobs();
    ResponseEntity<JsonNode> fourth = send(api, invoice, "{}");
    assertThat(fourth.getStatusCode().value()).isEqualTo(409);
    assertThat(fourth.getBody().get("detail").asText()).contains("already sent 3 times").contains("at most 3");
    executeDueJobs();
    assertThat(mail(invoice, "invoice.1.a4")).isNull();
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.SEND_REFUSED)
        .extracting(InvoiceEvent::message).singleElement().asString().contains("at most 3");
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.SENT).hasSize(3);

    assertThat(send(api, invoice, "{\"channel\":\"PRINT\"}").getStatusCode().value())
        .as("any channel counts towards the three").isEqualTo(409);
    ResponseEntity<JsonNode> debit = send(api, invoice, "{\"channel\":\"DIRECT_DEBIT\"}");
    assertThat(debit.getStatusCode().value()).isEqualTo(400);
    assertThat(debit.getBody().get("errors").findValuesAsText("field")).containsExactly("channel");
    assertThat(send(api, invoice, "{\"channel\":\"PIGEON\"}").getStatusCode().value()).isEqualTo(400);
  }

  private static ResponseEntity<JsonNode> send(RestClient api, Invoice invoice, String body) {
    return api.post().uri("/api/invoices/{n}/send", invoice.invoiceNumber()).contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
  }
}
