package io.fordra.close;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.payment.PaymentRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * A closed month stays closed: after October's close, a late invoice dated in October and a payment paid in October
 * are booked on 1 November (the invoice says so), October's SIE file does not change by a byte, and the aging as of
 * 31 October does not move; finance can reopen the month with a reason, after which October takes bookings again.
 */
// Closing a month closes it for every test on the database, and the close reconciles the whole book: a context
// (and database) of its own.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:fordra-closed-months;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000")
@FordraTestContext
class ClosedMonthTest extends ProcessTestSupport {

  private static final LocalDate OCTOBER_15 = LocalDate.of(2026, 10, 15);
  private static final LocalDate NOVEMBER_1 = LocalDate.of(2026, 11, 1);

  @Test
  void aLateDocumentOfAClosedMonthIsBookedOnTheFirstOpenDayUntilFinanceReopensTheMonth() {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, false);
    at(LocalDate.of(2026, 10, 5), LocalTime.of(9, 0));
    invoiceOf(customer, LocalDate.of(2026, 10, 5));
    executeDueJobs();
    at(LocalDate.of(2026, 11, 3), LocalTime.of(8, 0));
    JsonNode close = api().post().uri("/api/month-end-closes").contentType(MediaType.APPLICATION_JSON)
        .body("{\"period\": \"2026-10\"}").retrieve().body(JsonNode.class);
    assertThat(close.get("status").asText()).as(close.toString()).isEqualTo("NO_DIFFERENCES");
    long closeId = close.get("id").asLong();
    byte[] sieBefore = sie("2026-10");
    String agingBefore = aging("2026-10-31");

    Invoice late = invoiceOf(customer, OCTOBER_15);
    payments.register(new PaymentRequest(late.paymentReference(), null, new BigDecimal("250.00"), Currency.SEK,
        LocalDate.of(2026, 10, 20), "LATE-" + UUID.randomUUID()));

    JsonNode view = invoice(late);
    assertThat(view.get("issueDate").asText()).isEqualTo("2026-10-15");
    assertThat(view.get("bookingDate").asText()).isEqualTo("2026-11-01");
    assertThat(messages(view, "BOOKED_IN_OPEN_PERIOD")).containsExactly(
        "The invoice dated 2026-10-15 falls in the closed month 2026-10: booked 2026-11-01, the first open day",
        "The payment of 250.00 SEK dated 2026-10-20 falls in the closed month 2026-10: booked 2026-11-01, the first "
            + "open day");
    JsonNode ledger = api().get().uri("/api/invoices/{n}/ledger", late.invoiceNumber()).retrieve()
        .body(JsonNode.class);
    assertThat(ledger.get("entries").findValuesAsText("bookingDate")).containsOnly("2026-11-01").hasSize(2);
    assertThat(sie("2026-10")).as("October's SIE file, byte for byte").isEqualTo(sieBefore);
    at(LocalDate.of(2026, 11, 10), LocalTime.of(8, 0));
    assertThat(sie("2026-10")).as("and on a later day").isEqualTo(sieBefore);
    assertThat(aging("2026-10-31")).isEqualTo(agingBefore);
    assertThat(aging("2026-11-01")).as("the late invoice is open from its booking day")
        .isNotEqualTo(agingBefore);

    // Reopened for a correction: October takes bookings again until it is closed again.
    ResponseEntity<JsonNode> noReason = reopen(closeId, "{}");
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(noReason.getBody().toString()).contains("reason");
    ResponseEntity<JsonNode> reopened = reopen(closeId, "{\"reason\": \"Invoice on the wrong customer\"}");
    assertThat(reopened.getStatusCode().value()).isEqualTo(200);
    assertThat(reopened.getBody().get("status").asText()).isEqualTo("REOPENED");
    assertThat(reopened.getBody().get("reopenedBy").asText()).isEqualTo("admin");
    assertThat(reopened.getBody().get("reopenReason").asText()).isEqualTo("Invoice on the wrong customer");
    assertThat(reopened.getBody().get("reopenedAt").isNull()).isFalse();
    assertThat(reopen(closeId, "{\"reason\": \"again\"}").getStatusCode().value()).as("no longer closed")
        .isEqualTo(409);
    Invoice correction = invoiceOf(customer, LocalDate.of(2026, 10, 16));
    assertThat(invoice(correction).get("bookingDate").asText()).isEqualTo("2026-10-16");
    assertThat(messages(invoice(correction), "BOOKED_IN_OPEN_PERIOD")).isEmpty();

    // Closed again: the ledger at 31 October and the aging as of 31 October agree, the late documents in November.
    JsonNode again = api().post().uri("/api/month-end-closes").contentType(MediaType.APPLICATION_JSON)
        .body("{\"period\": \"2026-10\"}").retrieve().body(JsonNode.class);
    assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("NO_DIFFERENCES");
    assertThat(again.get("agingDate").asText()).isEqualTo("2026-10-31");
    assertThat(invoice(invoiceOf(customer, OCTOBER_15)).get("bookingDate").asText()).isEqualTo(NOVEMBER_1.toString());
  }

  private Invoice invoiceOf(CustomerRequest customer, LocalDate issued) {
    return invoices.create(new InvoiceRequest("CM-" + UUID.randomUUID().toString().substring(0, 8),
        customer.customerNumber(), customer, issued, issued.plusDays(30), Currency.SEK,
        List.of(new InvoiceRequest.LineRequest("Consulting", new BigDecimal("4"), new BigDecimal("250.00"),
            new BigDecimal("25"), null, null)), null, null));
  }

  private JsonNode invoice(Invoice invoice) {
    return api().get().uri("/api/invoices/{n}", invoice.invoiceNumber()).retrieve().body(JsonNode.class);
  }

  private static List<String> messages(JsonNode view, String type) {
    List<String> messages = new ArrayList<>();
    view.get("events").forEach(e -> {
      if (type.equals(e.get("type").asText())) {
        messages.add(e.get("message").asText());
      }
    });
    return messages;
  }

  private byte[] sie(String period) {
    return api().get().uri("/api/ledger/sie?period={p}", period).retrieve().body(byte[].class);
  }

  private String aging(String date) {
    return api().get().uri("/api/reports/aging?date={d}", date).retrieve().body(JsonNode.class).get("totals")
        .toString();
  }

  private ResponseEntity<JsonNode> reopen(long closeId, String body) {
    return api().post().uri("/api/month-end-closes/{id}/reopen", closeId).contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(JsonNode.class);
  }
}
