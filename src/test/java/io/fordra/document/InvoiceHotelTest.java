package io.fordra.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** GET /api/invoices/{n}/documents and …/documents/{id}: every document of the invoice, as sent. */
@FordraTestContext
class InvoiceHotelTest extends ProcessTestSupport {

  @LocalServerPort int port;

  @Test
  void everySentDocumentIsListedAndRetrievableWithItsMediaType() {
    RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build();
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    advanceTo(LocalDate.of(2026, 4, 2));
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 0));

    JsonNode list = api.get().uri("/api/invoices/{n}/documents", invoice.invoiceNumber()).retrieve()
        .body(JsonNode.class);
    assertThat(list.findValuesAsText("kind")).containsExactly("INVOICE", "REMINDER");
    assertThat(list.get(0).get("sentChannel").asText()).isEqualTo("EMAIL");
    assertThat(list.get(1).get("fileName").asText()).isEqualTo("reminder-" + invoice.invoiceNumber() + "-1.pdf");
    assertThat(list.get(1).get("sentAt").isNull()).isFalse();

    ResponseEntity<byte[]> pdf = api.get().uri(list.get(1).get("href").asText()).retrieve().toEntity(byte[].class);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(pdf.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("reminder-" + invoice.invoiceNumber() + "-1.pdf");
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    assertThat(pdf.getBody()).hasSize(list.get(1).get("size").asInt());

    // A document id of another invoice, or none at all: 404.
    Invoice other = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    long foreign = list.get(0).get("id").asLong();
    assertThat(status(api, "/api/invoices/" + other.invoiceNumber() + "/documents/" + foreign)).isEqualTo(404);
    assertThat(status(api, "/api/invoices/NO-SUCH/documents")).isEqualTo(404);
  }

  private static int status(RestClient api, String path) {
    return api.get().uri(path).retrieve().onStatus(s -> true, (req, res) -> { }).toBodilessEntity()
        .getStatusCode().value();
  }
}
