package io.fordra.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Revenue over periods, end to end through the API: an annual licence invoiced in January 2027 (12 000.00 SEK + 25 %
 * VAT, service 2027-01-01..2027-12-31) goes on 2970 and each month's close releases a twelfth (1 000.00) to 3001,
 * dated the month's last day, in that month's SIE file; a credit note in April of the rest (9 000.00 + VAT) takes
 * the unreleased nine twelfths off 2970 and the later closes release nothing more; every close finds no difference.
 * A second licence credited whole in April reverses the released quarter from revenue. Closing months closes them
 * for every test on the database: the subclasses give each run a database of its own.
 */
abstract class DeferredRevenueScenario extends ProcessTestSupport {

  private static final BigDecimal TWELFTH = new BigDecimal("1000.00");

  @Autowired Ledger ledger;

  @Test
  void anAnnualLicenceReleasesATwelfthEachMonthUntilACreditNoteInAprilReversesTheRest() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    at(LocalDate.of(2027, 1, 15), LocalTime.of(9, 0));
    String customer = "LIC-" + run;
    post("/api/customers", """
        {"customerNumber":"%s","name":"Licenstagaren AB","type":"BUSINESS","priority":false,"country":"SE",
         "organisationNumber":"556036-0793","email":"lic.%s@kund.example",
         "address":{"street":"Storgatan 1","postalCode":"111 22","city":"Stockholm"},"reminderFeeAgreed":false}"""
        .formatted(customer, run));
    String licence = licence(customer, "LIC-A-" + run);
    String whole = licence(customer, "LIC-B-" + run);

    JsonNode booked = get("/api/invoices/{n}/ledger", licence);
    assertThat(booked.get("deferredRevenue").decimalValue()).isEqualByComparingTo("12000.00");
    assertThat(trans(booked.get("entries").get(0))).isEqualTo(Map.of("1510", money("15000.00"),
        "2970", money("-12000.00"), "2611", money("-3000.00")));

    for (int month = 1; month <= 3; month++) {
      YearMonth period = YearMonth.of(2027, month);
      closeWithoutDifferences(period);
      assertReleased(period, licence, TWELFTH);
      assertReleased(period, whole, TWELFTH);
    }
    assertThat(ledger.releaseDeferredRevenue(YearMonth.of(2027, 3)).entries()).as("a second run releases nothing")
        .isZero();

    // April: the licence is cancelled from April on (the rest, 9 000.00 + VAT); the other credited whole.
    at(LocalDate.of(2027, 4, 12), LocalTime.of(10, 0));
    post("/api/invoices/" + licence + "/credit-notes", "{\"amount\": \"11250.00\", \"reason\": \"Cancelled from April\"}");
    post("/api/invoices/" + whole + "/credit-notes", "{\"reason\": \"Licence withdrawn\"}");
    JsonNode cancelled = get("/api/invoices/{n}/ledger", licence);
    assertThat(cancelled.get("deferredRevenue").decimalValue()).isEqualByComparingTo("0");
    assertThat(trans(last(cancelled))).as("the unreleased nine twelfths leave 2970").isEqualTo(Map.of(
        "2970", money("9000.00"), "2611", money("2250.00"), "1510", money("-11250.00")));
    JsonNode withdrawn = get("/api/invoices/{n}/ledger", whole);
    assertThat(trans(last(withdrawn))).as("the released quarter reverses revenue, the rest leaves 2970").isEqualTo(
        Map.of("2970", money("9000.00"), "3001", money("3000.00"), "2611", money("3000.00"),
            "1510", money("-15000.00")));

    BigDecimal revenue = BigDecimal.ZERO;
    for (int month = 4; month <= 12; month++) {
      YearMonth period = YearMonth.of(2027, month);
      closeWithoutDifferences(period);
      SieFile sie = sie(period);
      assertThat(sie.verifications).as("no release after the credit in " + period)
          .noneMatch(v -> v.text().contains(licence) && v.text().startsWith("Periodiserad"));
      revenue = revenue.add(sie.sumsByAccount().getOrDefault("3001", BigDecimal.ZERO));
    }
    for (int month = 1; month <= 3; month++) {
      revenue = revenue.add(sie(YearMonth.of(2027, month)).sumsByAccount().getOrDefault("3001", BigDecimal.ZERO));
    }
    assertThat(revenue).as("the year's revenue on 3001: three twelfths of the licence kept, the other reversed")
        .isEqualByComparingTo("-3000.00");
  }

  private void closeWithoutDifferences(YearMonth period) {
    at(period.plusMonths(1).atDay(4), LocalTime.of(8, 0));
    JsonNode close = post("/api/month-end-closes", "{\"period\": \"" + period + "\"}");
    assertThat(close.get("status").asText()).as(close.toString()).isEqualTo("NO_DIFFERENCES");
  }

  /** The month's SIE file has the invoice's release: 2970 debited, 3001 credited, dated the month's last day. */
  private void assertReleased(YearMonth period, String invoiceNumber, BigDecimal amount) {
    List<SieFile.Ver> releases = sie(period).verifications.stream()
        .filter(v -> v.text().equals("Periodiserad intäkt " + period + ", faktura " + invoiceNumber)).toList();
    assertThat(releases).as("release of " + invoiceNumber + " in " + period).hasSize(1);
    SieFile.Ver release = releases.get(0);
    assertThat(release.date()).isEqualTo(period.atEndOfMonth());
    Map<String, BigDecimal> sums = new TreeMap<>();
    release.trans().forEach(t -> sums.merge(t.account(), t.amount(), BigDecimal::add));
    assertThat(sums).isEqualTo(Map.of("2970", amount, "3001", amount.negate()));
  }

  private String licence(String customer, String number) {
    post("/api/invoices", """
        {"invoiceNumber":"%s","customerNumber":"%s","issueDate":"2027-01-15","dueDate":"2027-02-14","currency":"SEK",
         "lines":[{"description":"Årslicens 2027","quantity":1,"unitPrice":"12000.00","vatRate":25,
                   "servicePeriod":{"from":"2027-01-01","to":"2027-12-31"}}]}""".formatted(number, customer));
    return number;
  }

  private SieFile sie(YearMonth period) {
    return SieFile.parse(api().get().uri("/api/ledger/sie?period={p}", period).retrieve().body(byte[].class));
  }

  private static JsonNode last(JsonNode ledgerView) {
    JsonNode entries = ledgerView.get("entries");
    return entries.get(entries.size() - 1);
  }

  private static Map<String, BigDecimal> trans(JsonNode entry) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    entry.get("lines").forEach(l -> sums.merge(l.get("account").asText(), l.get("amount").decimalValue(),
        BigDecimal::add));
    sums.replaceAll((k, v) -> v.setScale(2));
    return sums;
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private JsonNode get(String uri, String number) {
    return api().get().uri(uri, number).retrieve().body(JsonNode.class);
  }

  private JsonNode post(String uri, String body) {
    ResponseEntity<JsonNode> answer = api().post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(JsonNode.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(uri + " " + answer.getBody()).isTrue();
    return answer.getBody();
  }
}
