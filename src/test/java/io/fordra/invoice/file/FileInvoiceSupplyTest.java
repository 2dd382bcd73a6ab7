package io.fordra.invoice.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.document.Letters;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.file.InvoiceCsvReader.Row;
import io.fordra.kernel.Violation;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The invoice file's optional columns deliveryDate, periodFrom and periodTo: one value per invoice, like its dates;
 * and servicePeriodFrom and servicePeriodTo, per line.
 */
class FileInvoiceSupplyTest {

  private static final FileInvoice.CustomerSource REGISTERED_C1 = new FileInvoice.CustomerSource() {
    @Override
    public Optional<io.fordra.customer.Customer> registered(String customerNumber) {
      return Optional.of(Letters.customer("Anna Andersson"));
    }

    @Override
    public Optional<Row> detailsInFile(String customerNumber) {
      return Optional.empty();
    }
  };

  private static Row row(int line, Map<InvoiceFileColumn, String> supply) {
    Map<InvoiceFileColumn, String> values = new EnumMap<>(Map.of(
        InvoiceFileColumn.INVOICE_NUMBER, "F-1", InvoiceFileColumn.CUSTOMER_NUMBER, "C-1",
        InvoiceFileColumn.ISSUE_DATE, "2026-03-02", InvoiceFileColumn.DUE_DATE, "2026-04-01",
        InvoiceFileColumn.CURRENCY, "SEK", InvoiceFileColumn.DESCRIPTION, "Support",
        InvoiceFileColumn.QUANTITY, "7.5", InvoiceFileColumn.UNIT_PRICE, "1200", InvoiceFileColumn.VAT_RATE, "25"));
    values.putAll(supply);
    return new Row(line, values, null);
  }

  @Test
  void aPeriodOnTheInvoicesRowsBecomesItsPeriodAndADeliveryDateItsDeliveryDate() {
    Map<InvoiceFileColumn, String> february = Map.of(InvoiceFileColumn.PERIOD_FROM, "2026-02-01",
        InvoiceFileColumn.PERIOD_TO, "2026-02-28");

    FileInvoice period = FileInvoice.read("F-1", List.of(row(2, february), row(3, Map.of())), REGISTERED_C1);
    FileInvoice delivered = FileInvoice.read("F-1",
        List.of(row(2, Map.of(InvoiceFileColumn.DELIVERY_DATE, "2026-02-27"))), REGISTERED_C1);
    FileInvoice neither = FileInvoice.read("F-1", List.of(row(2, Map.of())), REGISTERED_C1);

    assertThat(period.problems()).isEmpty();
    assertThat(period.request().period())
        .isEqualTo(new InvoiceRequest.Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    assertThat(period.request().deliveryDate()).isNull();
    assertThat(delivered.request().deliveryDate()).isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(delivered.request().period()).isNull();
    assertThat(neither.request().deliveryDate()).isNull();
    assertThat(neither.request().period()).isNull();
  }

  @Test
  void differentPeriodsOnOneInvoiceOrANonDateAreProblemsOfTheirLine() {
    FileInvoice differing = FileInvoice.read("F-1", List.of(
        row(2, Map.of(InvoiceFileColumn.PERIOD_FROM, "2026-02-01", InvoiceFileColumn.PERIOD_TO, "2026-02-28")),
        row(3, Map.of(InvoiceFileColumn.PERIOD_TO, "2026-02-27"))), REGISTERED_C1);
    FileInvoice notADate = FileInvoice.read("F-1",
        List.of(row(2, Map.of(InvoiceFileColumn.DELIVERY_DATE, "27.2.2026"))), REGISTERED_C1);

    assertThat(differing.problems()).singleElement().asString().startsWith("line 3, periodTo: ")
        .contains("differs from");
    assertThat(notADate.problems()).singleElement().asString().startsWith("line 2, deliveryDate: ");
  }

  @Test
  void eachLineCarriesItsOwnServicePeriod() {
    FileInvoice invoice = FileInvoice.read("F-1", List.of(
        row(2, Map.of(InvoiceFileColumn.SERVICE_PERIOD_FROM, "2027-01-01",
            InvoiceFileColumn.SERVICE_PERIOD_TO, "2027-12-31")),
        row(3, Map.of())), REGISTERED_C1);

    assertThat(invoice.problems()).isEmpty();
    assertThat(invoice.request().lines().get(0).servicePeriod())
        .isEqualTo(new InvoiceRequest.Period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
    assertThat(invoice.request().lines().get(1).servicePeriod()).isNull();
    assertThat(invoice.request().period()).as("the invoice's own period of supply is another column").isNull();
  }

  @Test
  void aNonDateIsAProblemOfItsLineAndColumnAndTheServicesObjectionsNameTheFilesColumns() {
    FileInvoice notADate = FileInvoice.read("F-1", List.of(row(2, Map.of()),
        row(3, Map.of(InvoiceFileColumn.SERVICE_PERIOD_FROM, "1.1.2027",
            InvoiceFileColumn.SERVICE_PERIOD_TO, "2027-12-31"))), REGISTERED_C1);
    assertThat(notADate.problems()).singleElement().asString().startsWith("line 3, servicePeriodFrom: ")
        .contains("is not a date");
    assertThat(notADate.locate(List.of(new Violation("lines[1].servicePeriod.from", "is required"))))
        .as("already explained").isEmpty();

    FileInvoice reversed = FileInvoice.read("F-1", List.of(row(2, Map.of(InvoiceFileColumn.SERVICE_PERIOD_FROM,
        "2027-12-31", InvoiceFileColumn.SERVICE_PERIOD_TO, "2027-01-01"))), REGISTERED_C1);
    assertThat(reversed.problems()).isEmpty();
    assertThat(reversed.locate(List.of(
        new Violation("lines[0].servicePeriod.to", "is before servicePeriod.from 2027-12-31"),
        new Violation("lines[0].servicePeriod", "only a line of a positive amount can be spread over a service "
            + "period"))))
        .containsExactly("line 2, servicePeriodTo: is before servicePeriod.from 2027-12-31",
            "line 2, servicePeriodFrom: only a line of a positive amount can be spread over a service period");
  }
}
