package io.fordra.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import java.time.LocalDate;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.Test;

/** The aging report: each invoice's open amount in the bucket of its days past due, per customer and currency. */
// The whole receivables book is what the report shows: a context of its own, on an empty database.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:fordra-aging;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000")
@FordraTestContext
class AgingReportTest extends ProcessTestSupport {

  @Test
  void outstandingAmountsLandInTheirBucketsAndAddUpPerCurrency() {
    CustomerRequest a = customer(CustomerType.BUSINESS, Country.SE, false, false);
    CustomerRequest b = customer(CustomerType.PRIVATE, Country.SE, false, false);
    CustomerRequest c = customer(CustomerType.PRIVATE, Country.NO, false, false);
    createInvoice(a, Currency.SEK, LocalDate.of(2026, 7, 15));                   // not due on 30 June
    Invoice partlyPaid = createInvoice(a, Currency.SEK, LocalDate.of(2026, 6, 10)); // 20 days: 1-30
    createInvoice(a, Currency.SEK, LocalDate.of(2026, 3, 2));                    // 120 days: > 90
    createInvoice(b, Currency.SEK, LocalDate.of(2026, 5, 1));                    // 60 days: 31-60
    createInvoice(b, Currency.SEK, LocalDate.of(2026, 4, 1));                    // 90 days: 61-90
    Invoice paid = createInvoice(b, Currency.SEK, LocalDate.of(2026, 4, 1));
    createInvoice(c, Currency.NOK, LocalDate.of(2026, 6, 29));                   // 1 day: 1-30
    executeDueJobs();
    pay(partlyPaid, "250.00");
    pay(paid, "1250.00");

    JsonNode report = api().get().uri("/api/reports/aging?date=2026-06-30").retrieve().body(JsonNode.class);
    assertThat(report.get("date").asText()).isEqualTo("2026-06-30");
    JsonNode sek = report.get("totals").get(1);
    assertThat(sek.get("currency").asText()).isEqualTo("SEK");
    assertThat(amounts(sek)).isEqualTo("1250.00 1000.00 1250.00 1250.00 1250.00 = 6000.00");
    assertThat(sek.get("invoices").asInt()).isEqualTo(5);
    JsonNode nok = report.get("totals").get(0);
    assertThat(amounts(nok)).isEqualTo("0.00 1250.00 0.00 0.00 0.00 = 1250.00");
    assertThat(report.get("customers").findValuesAsText("customerNumber"))
        .containsExactly(c.customerNumber(), a.customerNumber(), b.customerNumber());
    assertThat(amounts(report.get("customers").get(1))).isEqualTo("1250.00 1000.00 0.00 0.00 1250.00 = 3500.00");

    String csv = api().get().uri("/api/reports/aging.csv?date=2026-06-30").retrieve().body(String.class);
    // Text in quotes, numbers as numbers (SpreadsheetCsv)
    assertThat(csv.lines()).hasSize(6).contains(
        "\"" + a.customerNumber() + "\";\"Svensson & Co\";\"SEK\";1250.00;1000.00;0.00;0.00;1250.00;3500.00;3;0.00",
        ";\"TOTAL\";\"SEK\";1250.00;1000.00;1250.00;1250.00;1250.00;6000.00;5;0.00");
    // Year-end valuation: 0/5/10/25/50 % of the buckets: 0 + 50.00 + 125.00 + 312.50 + 625.00 = 1 112.50
    JsonNode provision = api().get().uri("/api/reports/bad-debt-provision?date=2026-06-30").retrieve()
        .body(JsonNode.class).get("currencies").get(1);
    assertThat(provision.get("currency").asText()).isEqualTo("SEK");
    assertThat(provision.get("buckets").findValues("provision")).extracting(v -> v.decimalValue().setScale(2)
        .toPlainString()).containsExactly("0.00", "50.00", "125.00", "312.50", "625.00");
    assertThat(provision.get("provision").decimalValue()).isEqualByComparingTo("1112.50");
    String html = api().get().uri("/api/reports/aging.html?date=2026-06-30").retrieve().body(String.class);
    assertThat(html).contains("<svg").contains("SEK: 6000.00 in 5 invoices").contains("Svensson &amp; Co");
  }

  @Test
  void asOfADayIsWhatWasOpenAtItsEndWhateverWasPaidOrCreditedLater() {
    at(LocalDate.of(2026, 11, 20), java.time.LocalTime.of(9, 0));
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, false);
    Invoice invoice = createInvoice(customer, Currency.SEK, LocalDate.of(2026, 12, 15));
    executeDueJobs();
    payments.register(new io.fordra.payment.PaymentRequest(invoice.paymentReference(), null,
        new java.math.BigDecimal("500.00"), Currency.SEK, LocalDate.of(2026, 12, 1), "ASOF-" + invoice.id()));
    at(LocalDate.of(2026, 12, 2), java.time.LocalTime.of(10, 0));
    api().post().uri("/api/invoices/{n}/credit-notes", invoice.invoiceNumber())
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body("{\"amount\": \"250.00\", \"reason\": \"One hour less\"}").retrieve().toBodilessEntity();
    at(LocalDate.of(2026, 12, 20), java.time.LocalTime.of(10, 0));

    assertThat(openFor(customer, "2026-11-30")).as("neither the payment nor the credit had happened")
        .isEqualTo("1250.00 0.00 0.00 0.00 0.00 = 1250.00");
    assertThat(openFor(customer, "2026-12-01")).isEqualTo("750.00 0.00 0.00 0.00 0.00 = 750.00");
    assertThat(openFor(customer, "2026-12-02")).isEqualTo("500.00 0.00 0.00 0.00 0.00 = 500.00");
    assertThat(openFor(customer, "2026-12-20")).as("today: 5 days past due")
        .isEqualTo("0.00 500.00 0.00 0.00 0.00 = 500.00");
    assertThat(openFor(customer, "2026-03-01")).as("before the invoice was issued").isEqualTo("none");
  }

  @Test
  void whatInvoicesInARunningPaymentPlanOweIsShownPerCustomerAndInTheTotals() {
    // issued in 2027: no other test's report date sees these invoices
    at(LocalDate.of(2027, 1, 4), java.time.LocalTime.of(9, 0));
    CustomerRequest planned = customer(CustomerType.PRIVATE, Country.SE, false, false);
    CustomerRequest broken = customer(CustomerType.PRIVATE, Country.SE, false, false);
    Invoice inPlan = invoiceOf2027(planned);
    invoiceOf2027(planned);
    Invoice inBrokenPlan = invoiceOf2027(broken);
    // no jobs run: in 2027 they would include the month-end closes of 2026, which the other tests book into
    pay(inPlan, "250.00");
    io.fordra.paymentplan.PlanRows plans = new io.fordra.paymentplan.PlanRows(jdbc, references);
    plans.insert(io.fordra.paymentplan.PlanStatus.RUNNING, java.time.OffsetDateTime.parse("2027-01-10T09:00:00Z"),
        LocalDate.of(2027, 2, 10), java.util.List.of(inPlan), "500.00", "500.00");
    plans.insert(io.fordra.paymentplan.PlanStatus.BROKEN, java.time.OffsetDateTime.parse("2027-01-10T09:00:00Z"),
        LocalDate.of(2027, 2, 10), java.util.List.of(inBrokenPlan), "1250.00");

    JsonNode report = api().get().uri("/api/reports/aging?date=2027-01-20").retrieve().body(JsonNode.class);

    assertThat(row(report, planned).get("total").decimalValue()).isEqualByComparingTo("2250.00");
    assertThat(row(report, planned).get("inPaymentPlan").decimalValue()).as("what the invoice in the plan owes")
        .isEqualByComparingTo("1000.00");
    assertThat(row(report, broken).get("inPaymentPlan").decimalValue()).as("a broken plan holds nothing")
        .isEqualByComparingTo("0.00");
    JsonNode sek = report.get("totals").findParents("currency").stream()
        .filter(t -> t.get("currency").asText().equals("SEK")).findFirst().orElseThrow();
    assertThat(sek.get("inPaymentPlan").decimalValue()).isEqualByComparingTo("1000.00");
    JsonNode before = api().get().uri("/api/reports/aging?date=2027-01-05").retrieve().body(JsonNode.class);
    assertThat(row(before, planned).get("inPaymentPlan").decimalValue()).as("not yet asked for")
        .isEqualByComparingTo("0.00");

    String csv = api().get().uri("/api/reports/aging.csv?date=2027-01-20").retrieve().body(String.class);
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(";\"invoices\";\"inPaymentPlan\"");
    assertThat(csv.lines()).anyMatch(l -> l.startsWith("\"" + planned.customerNumber() + "\";")
        && l.endsWith(";2250.00;2;1000.00"));
    assertThat(csv.lines()).anyMatch(l -> l.startsWith(";\"TOTAL\";\"SEK\";") && l.endsWith(";1000.00"));
    assertThat(api().get().uri("/api/reports/aging.html?date=2027-01-20").retrieve().body(String.class))
        .contains("<th>In payment plan</th>").contains("<td>1000.00</td>");
  }

  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @org.springframework.beans.factory.annotation.Autowired io.fordra.paymentplan.InstalmentReferences references;

  /** 1 250.00 issued on 4 January 2027, due on 3 February. */
  private Invoice invoiceOf2027(CustomerRequest customer) {
    return invoices.create(new io.fordra.invoice.InvoiceRequest("T-" + java.util.UUID.randomUUID().toString()
        .substring(0, 8), customer.customerNumber(), customer, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 3),
        Currency.SEK, java.util.List.of(new io.fordra.invoice.InvoiceRequest.LineRequest("Consulting",
            new java.math.BigDecimal("4"), new java.math.BigDecimal("250.00"), new java.math.BigDecimal("25"), null,
            "PO-1")), null, null));
  }

  private static JsonNode row(JsonNode report, CustomerRequest customer) {
    for (JsonNode row : report.get("customers")) {
      if (row.get("customerNumber").asText().equals(customer.customerNumber())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + customer.customerNumber() + " in " + report);
  }

  /** The customer's row of the aging report as of the day ("none" when it has nothing open). */
  private String openFor(CustomerRequest customer, String date) {
    JsonNode report = api().get().uri("/api/reports/aging?date={d}", date).retrieve().body(JsonNode.class);
    for (JsonNode row : report.get("customers")) {
      if (row.get("customerNumber").asText().equals(customer.customerNumber())) {
        return amounts(row);
      }
    }
    return "none";
  }

  private static String amounts(JsonNode n) {
    return money(n, "notDue") + " " + money(n, "days1to30") + " " + money(n, "days31to60") + " "
        + money(n, "days61to90") + " " + money(n, "over90") + " = " + money(n, "total");
  }

  private static String money(JsonNode n, String field) {
    return n.get(field).decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }
}
