package io.fordra.document;

import static io.fordra.document.LetterRendererTest.assertContains;
import static io.fordra.document.LetterRendererTest.imagesOnFirstPage;
import static io.fordra.document.LetterRendererTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.Supply;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * POST /api/invoices with a period of supply, through the database, to the invoice PDF with the seller's details
 * from application.yaml (F-skatt, board's seat, IBAN, BIC) and no logo of Fordra's.
 */
@FordraTestContext
class InvoiceDocumentParticularsTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired DocumentService documents;

  private Map<String, Object> invoiceJson(CustomerRequest customer, Map<String, Object> supply) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of(
        "invoiceNumber", "S-" + UUID.randomUUID().toString().substring(0, 8),
        "customerNumber", customer.customerNumber(),
        "customer", customer,
        "issueDate", "2026-03-02",
        "dueDate", "2026-04-01",
        "currency", "SEK",
        "lines", List.of(Map.of("description", "Support, februari", "quantity", 7.5, "unitPrice", 1200.00,
            "vatRate", 25))));
    body.putAll(supply);
    return body;
  }

  @Test
  void theInvoiceOfAPeriodSaysSoWithTheCustomerNumberAndTheSellersLegalDetails() throws IOException {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);

    ResponseEntity<String> created = call(HttpMethod.POST, "/api/invoices", invoiceJson(customer,
        Map.of("period", Map.of("from", "2026-02-01", "to", "2026-02-28"))));

    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    Invoice invoice = invoices.get(JSON.readTree(created.getBody()).path("invoiceNumber").asText());
    assertThat(invoices.supply(invoice))
        .contains(new Supply(null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    // The API says what the PDF says (issue 15: the period was on paper only).
    assertThat(JSON.readTree(call(HttpMethod.GET, "/api/invoices/" + invoice.invoiceNumber(), null).getBody())
        .path("period").toString()).isEqualTo("{\"from\":\"2026-02-01\",\"to\":\"2026-02-28\"}");
    byte[] pdf = documents.issue(invoice, DocumentKind.INVOICE, 1, BigDecimal.ZERO, invoice.dueDate()).content();
    String text = text(pdf);
    assertContains(text, "Kundnummer | " + customer.customerNumber(), "Leveransperiod | 2026-02-01 – 2026-02-28",
        "Betalningsvillkor | 30 dagar netto", "Antal", "7,5 | 1 200,00",
        "Efter förfallodagen debiteras dröjsmålsränta enligt räntelagen.", "Godkänd för F-skatt",
        "Styrelsens säte: Stockholm", "IBAN SE45 5000 0000 0583 9825 7466", "BIC ESSESESS");
    // fordra.seller.logo is empty: the seller's name stands where a logo would, and no image is printed.
    assertThat(imagesOnFirstPage(pdf)).isZero();
    assertThat(text.split("Exempelbolaget AB", -1)).hasSize(3);
  }

  @Test
  void aDeliveryDateIsStoredAndBothOrABackwardsPeriodAreRefusedWithNothingStored() throws IOException {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    Map<String, Object> delivered = invoiceJson(customer, Map.of("deliveryDate", "2026-02-27"));
    Map<String, Object> both = invoiceJson(customer, Map.of("deliveryDate", "2026-02-27",
        "period", Map.of("from", "2026-02-01", "to", "2026-02-28")));
    Map<String, Object> backwards = invoiceJson(customer,
        Map.of("period", Map.of("from", "2026-02-28", "to", "2026-02-01")));

    ResponseEntity<String> ok = call(HttpMethod.POST, "/api/invoices", delivered);
    ResponseEntity<String> refusedBoth = call(HttpMethod.POST, "/api/invoices", both);
    ResponseEntity<String> refusedBackwards = call(HttpMethod.POST, "/api/invoices", backwards);

    assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(201);
    assertThat(JSON.readTree(ok.getBody()).path("deliveryDate").asText()).isEqualTo("2026-02-27");
    assertThat(JSON.readTree(ok.getBody()).path("period").isNull()).isTrue();
    assertThat(invoices.supply(invoices.get((String) delivered.get("invoiceNumber"))))
        .contains(new Supply(LocalDate.of(2026, 2, 27), null, null));
    assertProblem(refusedBoth, "period", "give either deliveryDate or period, not both");
    assertProblem(refusedBackwards, "period.to", "is before period.from 2026-02-28");
    assertThat(invoices.find((String) both.get("invoiceNumber"))).isEmpty();
    assertThat(invoices.find((String) backwards.get("invoiceNumber"))).isEmpty();
  }

  private static void assertProblem(ResponseEntity<String> reply, String field, String message) throws IOException {
    assertThat(reply.getStatusCode().value()).as(reply.getBody()).isEqualTo(400);
    assertThat(reply.getHeaders().getContentType()).hasToString("application/problem+json");
    JsonNode errors = JSON.readTree(reply.getBody()).path("errors");
    assertThat(errors).anySatisfy(error -> {
      assertThat(error.path("field").asText()).isEqualTo(field);
      assertThat(error.path("message").asText()).isEqualTo(message);
    });
  }
}
