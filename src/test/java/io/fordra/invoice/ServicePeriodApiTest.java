package io.fordra.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * An invoice line's servicePeriod over the API and in an invoice file: checked (both days, from not after to, under
 * ten years, a positive line), stored on the line, and a period past the invoice's month booked on deferred revenue.
 */
@FordraTestContext
class ServicePeriodApiTest extends ProcessTestSupport {

  @Autowired ObjectMapper json;

  /** A period ending before it starts, one without its end, one of ten years, one on a discount line. */
  private static final String BAD_LINES = """
        {"description":"Reversed","quantity":1,"unitPrice":"100.00","vatRate":25,
         "servicePeriod":{"from":"2026-12-31","to":"2026-01-01"}},
        {"description":"Half","quantity":1,"unitPrice":"100.00","vatRate":25,"servicePeriod":{"from":"2026-01-01"}},
        {"description":"Forever","quantity":1,"unitPrice":"100.00","vatRate":25,
         "servicePeriod":{"from":"2026-01-01","to":"2036-01-01"}},
        {"description":"Discount","quantity":-1,"unitPrice":"50.00","vatRate":25,
         "servicePeriod":{"from":"2026-01-01","to":"2026-12-31"}}""";

  private final String run = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void badServicePeriodsAreRefusedWithEveryReasonNamingTheLinesField() throws Exception {
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
    String customer = customer();
    // A date that does not read is refused by the JSON reading, before the checks.
    ResponseEntity<String> refused = call(HttpMethod.POST, "/api/invoices", invoice("BAD-" + run, customer,
        BAD_LINES + """
        ,{"description":"Not a date","quantity":1,"unitPrice":"100.00","vatRate":25,
          "servicePeriod":{"from":"2026-01-01","to":"31.12.2026"}}"""));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody()).contains("servicePeriod");

    ResponseEntity<String> checked = call(HttpMethod.POST, "/api/invoices", invoice("BAD-" + run, customer,
        BAD_LINES));
    assertThat(checked.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(checked)).containsExactlyInAnyOrder(
        "lines[0].servicePeriod.to: is before servicePeriod.from 2026-12-31",
        "lines[1].servicePeriod.to: is required",
        "lines[2].servicePeriod.to: is 10 years or more after servicePeriod.from 2026-01-01",
        "lines[3].servicePeriod: only a line of a positive amount can be spread over a service period");
    assertThat(call(HttpMethod.GET, "/api/invoices/BAD-" + run, null).getStatusCode().value()).as("nothing stored")
        .isEqualTo(404);
  }

  @Test
  void aLinesServicePeriodIsStoredAndAPeriodPastTheInvoicesMonthIsDeferred() throws Exception {
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
    String customer = customer();
    ResponseEntity<String> created = call(HttpMethod.POST, "/api/invoices", invoice("SP-" + run, customer, """
        {"description":"Support 2026","quantity":1,"unitPrice":"1200.00","vatRate":25,
         "servicePeriod":{"from":"2026-03-01","to":"2027-02-28"}},
        {"description":"March only","quantity":1,"unitPrice":"100.00","vatRate":25,
         "servicePeriod":{"from":"2026-03-01","to":"2026-03-31"}},
        {"description":"Set-up","quantity":1,"unitPrice":"300.00","vatRate":25}"""));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);

    JsonNode view = json.readTree(call(HttpMethod.GET, "/api/invoices/SP-" + run, null).getBody());
    assertThat(view.get("lines").get(0).get("serviceFrom").asText()).isEqualTo("2026-03-01");
    assertThat(view.get("lines").get(0).get("serviceTo").asText()).isEqualTo("2027-02-28");
    assertThat(view.get("lines").get(2).get("serviceFrom").isNull()).isTrue();
    JsonNode ledger = json.readTree(call(HttpMethod.GET, "/api/invoices/SP-" + run + "/ledger", null).getBody());
    // Only the line whose period runs past March: March's own line and the set-up are revenue at once.
    assertThat(ledger.get("deferredRevenue").decimalValue()).isEqualByComparingTo("1200.00");
    assertThat(ledger.get("entries").get(0).toString()).contains("\"account\":\"2970\",\"amount\":-1200.0")
        .contains("\"account\":\"3001\",\"amount\":-400.0");
  }

  @Test
  void anInvoiceFileGivesEachLineItsServicePeriodAndReportsABadOneWithItsLineAndColumn() throws Exception {
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
    String customer = customer();
    String csv = String.join("\n",
        "invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity;unitPrice;vatRate;"
            + "servicePeriodFrom;servicePeriodTo",
        "SPF-" + run + ";" + customer + ";2026-03-02;2026-04-01;SEK;Licens;1;2400,00;25;2026-03-01;2027-02-28",
        "SPF-" + run + ";" + customer + ";;;;Installation;1;500,00;25;;",
        "SPG-" + run + ";" + customer + ";2026-03-02;2026-04-01;SEK;Licens;1;2400,00;25;2026-03-01;",
        "");
    ResponseEntity<String> received = upload("/api/invoice-files", "licences.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(received.getStatusCode().value()).as(received.getBody()).isEqualTo(202);
    long id = json.readTree(received.getBody()).get("id").asLong();
    executeDueJobs();
    JsonNode summary = json.readTree(call(HttpMethod.GET, "/api/invoice-files/" + id, null).getBody());
    assertThat(summary.get("created").asInt()).as(summary.toString()).isEqualTo(1);
    assertThat(summary.get("rejected").asInt()).isEqualTo(1);
    assertThat(summary.toString()).contains("line 4, servicePeriodTo: is required");
    JsonNode ledger = json.readTree(call(HttpMethod.GET, "/api/invoices/SPF-" + run + "/ledger", null).getBody());
    assertThat(ledger.get("deferredRevenue").decimalValue()).isEqualByComparingTo("2400.00");
  }

  private List<String> errors(ResponseEntity<String> answer) throws Exception {
    List<String> errors = new ArrayList<>();
    json.readTree(answer.getBody()).get("errors")
        .forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
    return errors;
  }

  private String customer() {
    String number = "SP-" + run;
    if (call(HttpMethod.GET, "/api/customers/" + number, null).getStatusCode().value() == 404) {
      ResponseEntity<String> created = call(HttpMethod.POST, "/api/customers", """
          {"customerNumber":"%s","name":"Periodens AB","type":"BUSINESS","priority":false,"country":"SE",
           "organisationNumber":"556036-0793","email":"sp.%s@kund.example",
           "address":{"street":"Storgatan 1","postalCode":"111 22","city":"Stockholm"},"reminderFeeAgreed":false}"""
          .formatted(number, run));
      assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }
    return number;
  }

  private static String invoice(String number, String customer, String lines) {
    return """
        {"invoiceNumber":"%s","customerNumber":"%s","issueDate":"2026-03-02","dueDate":"2026-04-01",
         "currency":"SEK","lines":[%s]}""".formatted(number, customer, lines);
  }
}
