package io.fordra.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * GET /api/ledger/sie over HTTP: invoices at 25 % and 12 %, a payment and a credit note made through the API land
 * in the month's SIE file, which is read back and checked against hand-computed figures and against the ledger
 * tables themselves.
 */
@FordraTestContext
class SieExportApiTest extends ProcessTestSupport {

  private static final YearMonth MAY = YearMonth.of(2031, 5);

  @Autowired JdbcClient jdbc;

  @Test
  void theMonthsEntriesAreInTheFileAndAddUpToTheLedger() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String customer = "SIE-" + run;
    at(LocalDate.of(2031, 5, 5), LocalTime.of(9, 0));
    post("/api/customers", """
        {"customerNumber":"%s","name":"Åsa Öberg \\"Ärlig\\" AB","type":"BUSINESS","priority":false,"country":"SE",
         "organisationNumber":"556036-0793","email":"asa.%s@kund.example",
         "address":{"street":"Ängsvägen 3","postalCode":"831 30","city":"Östersund"},"reminderFeeAgreed":false}"""
        .formatted(customer, run), 201);
    // A: 4 × 250.00 at 25 % + 2 × 150.00 at 12 % = 1 000.00 + 250.00 + 300.00 + 36.00 = 1 586.00
    String a = invoice(customer, "SA-" + run, "SEK", """
        {"description":"Konsulttimmar","quantity":4,"unitPrice":"250.00","vatRate":25},
        {"description":"Böcker","quantity":2,"unitPrice":"150.00","vatRate":12}""");
    // B: 800.00 at 25 % = 1 000.00
    String b = invoice(customer, "SB-" + run, "SEK", """
        {"description":"Årsavgift","quantity":1,"unitPrice":"800.00","vatRate":25}""");
    // C: in euro, left out of a SEK file
    invoice(customer, "SC-" + run, "EUR", """
        {"description":"Licence","quantity":1,"unitPrice":"100.00","vatRate":25}""");
    executeDueJobs();

    at(LocalDate.of(2031, 5, 20), LocalTime.of(10, 0));
    JsonNode paid = post("/api/payments", """
        {"invoiceNumber":"%s","amount":"1586.00","currency":"SEK","paidAt":"2031-05-20","bankTransactionId":"SIE-A-%s"}"""
        .formatted(a, run), 201).getBody();
    assertThat(paid.get("status").asText()).isEqualTo("MATCHED");
    // 250.00 of B credited: 200.00 net + 50.00 VAT, booked on the day of the credit note
    post("/api/invoices/" + b + "/credit-notes", "{\"amount\":\"250.00\",\"reason\":\"Rabatt på årsavgiften\"}", 201);
    executeDueJobs();
    // The rest of B paid in June: not in May's file
    at(LocalDate.of(2031, 6, 2), LocalTime.of(10, 0));
    post("/api/payments", """
        {"invoiceNumber":"%s","amount":"750.00","currency":"SEK","paidAt":"2031-06-02","bankTransactionId":"SIE-B-%s"}"""
        .formatted(b, run), 201);

    ResponseEntity<byte[]> download = api().get().uri("/api/ledger/sie?period=2031-05").retrieve()
        .toEntity(byte[].class);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("text/plain;charset=IBM437");
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"fordra-556677-8899-2031-05.si\"");
    SieFile sie = SieFile.parse(download.getBody());

    assertThat(sie.first("#FLAGGA")).containsExactly("0");
    assertThat(sie.first("#FORMAT")).containsExactly("PC8");
    assertThat(sie.first("#SIETYP")).containsExactly("4");
    assertThat(sie.first("#GEN")).containsExactly("20310602");
    assertThat(sie.first("#FNAMN")).containsExactly("Exempelbolaget AB");
    assertThat(sie.first("#ORGNR")).containsExactly("556677-8899");
    assertThat(sie.first("#RAR")).containsExactly("0", "20310101", "20311231");
    assertThat(sie.first("#VALUTA")).containsExactly("SEK");
    assertThat(sie.first("#PROSA").get(0)).contains("1 ledger entry of 2031-05").endsWith(": 1 in EUR");
    assertThat(sie.verifications).as("invoices A and B, payment of A, credit note of B").hasSize(4)
        .allSatisfy(v -> assertThat(v.sum()).as(v.text()).isEqualByComparingTo("0.00"))
        .allSatisfy(v -> assertThat(v.date()).isBetween(MAY.atDay(1), MAY.atEndOfMonth()));
    assertThat(sie.verifications).extracting(SieFile.Ver::text).contains("Faktura " + a + ", kund " + customer);

    Map<String, BigDecimal> sums = sie.sumsByAccount();
    assertThat(sums.get("1510")).as("receivables: 1586 + 1000 - 1586 - 250").isEqualByComparingTo("750.00");
    assertThat(sums.get("3001")).as("sales 25 %: -1000 - 800 + 200").isEqualByComparingTo("-1600.00");
    assertThat(sums.get("3002")).as("sales 12 %").isEqualByComparingTo("-300.00");
    assertThat(sums.get("2611")).as("VAT 25 %: -250 - 200 + 50").isEqualByComparingTo("-400.00");
    assertThat(sums.get("2621")).as("VAT 12 %").isEqualByComparingTo("-36.00");
    assertThat(sums.get("1930")).as("bank: A paid in May, B in June").isEqualByComparingTo("1586.00");
    assertThat(sums).as("the ledger's own sums for May in SEK").isEqualTo(ledgerSums(MAY, "SEK"));
    assertThat(sie.verifications).hasSize(entries(MAY, "SEK"));
    assertThat(sie.accounts.keySet()).containsExactlyInAnyOrderElementsOf(sums.keySet());
    assertThat(sie.accounts).containsEntry("1930", "Företagskonto/checkkonto/affärskonto");
  }

  @Test
  void aMissingOrMalformedPeriodIsABadRequestProblem() {
    for (String query : List.of("?period=2026-13", "", "?period=", "?period=2026-1", "?period=march")) {
      ResponseEntity<JsonNode> reply = api().get().uri("/api/ledger/sie" + query).retrieve()
          .onStatus(s -> true, (request, response) -> { }).toEntity(JsonNode.class);
      assertThat(reply.getStatusCode().value()).as(query).isEqualTo(400);
      assertThat(reply.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(reply.getBody().get("errors").findValuesAsText("field")).as(query).containsExactly("period");
    }
    ResponseEntity<String> anonymous = RestClient.create("http://localhost:" + port).get()
        .uri("/api/ledger/sie?period=2026-03").retrieve().onStatus(s -> true, (request, response) -> { })
        .toEntity(String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
  }

  /** The sum per account of the month's entries in one currency, straight from the ledger tables. */
  private Map<String, BigDecimal> ledgerSums(YearMonth month, String currency) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    jdbc.sql("""
        SELECT l.account, SUM(l.amount) AS total FROM fordra_ledger_line l
        JOIN fordra_ledger_entry e ON e.id = l.entry_id
        WHERE e.booking_date BETWEEN ? AND ? AND e.currency = ? GROUP BY l.account""")
        .params(month.atDay(1), month.atEndOfMonth(), currency)
        .query((rs, n) -> Map.entry(rs.getString("account"), rs.getBigDecimal("total"))).list()
        .forEach(e -> sums.put(e.getKey(), e.getValue().setScale(2)));
    return sums;
  }

  private int entries(YearMonth month, String currency) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_ledger_entry WHERE booking_date BETWEEN ? AND ? AND currency = ?")
        .params(month.atDay(1), month.atEndOfMonth(), currency).query(Integer.class).single();
  }

  private String invoice(String customer, String number, String currency, String lines) {
    post("/api/invoices", """
        {"invoiceNumber":"%s","customerNumber":"%s","issueDate":"2031-05-05","dueDate":"2031-06-04",
         "currency":"%s","lines":[%s]}""".formatted(number, customer, currency, lines), 201);
    return number;
  }

  private ResponseEntity<JsonNode> post(String path, String body, int expectedStatus) {
    ResponseEntity<JsonNode> reply = api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().onStatus(s -> true, (request, response) -> { }).toEntity(JsonNode.class);
    assertThat(reply.getStatusCode().value()).as(path + " " + reply.getBody()).isEqualTo(expectedStatus);
    return reply;
  }
}
