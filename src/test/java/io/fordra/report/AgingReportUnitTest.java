package io.fordra.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aging report alone: no Spring, no database. The sums per customer come from {@link AgingRepository} (a mock);
 * the report adds them up per currency and never across currencies.
 */
class AgingReportUnitTest {

  private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

  private final AgingRepository repository = mock(AgingRepository.class);
  private final AgingReport report = new AgingReport(repository);

  @Test
  void theCustomersOfACurrencyAddUpToItsTotalsInTheOrderTheCurrenciesCome() {
    AgingReport.Row norwegian = row("C-3", "NOK", "0.00", "1250.00", "0.00", "0.00", "0.00", 1);
    AgingReport.Row first = row("C-1", "SEK", "1250.00", "1000.00", "0.00", "0.00", "1250.00", 3);
    AgingReport.Row second = row("C-2", "SEK", "0.00", "0.00", "1250.00", "1250.00", "0.00", 2, "1250.00");
    when(repository.rows(JUNE_30)).thenReturn(List.of(norwegian, first, second));

    AgingReport.Report aging = report.on(JUNE_30);

    verify(repository).rows(JUNE_30);
    assertThat(aging.date()).isEqualTo(JUNE_30);
    assertThat(aging.customers()).containsExactly(norwegian, first, second);
    assertThat(aging.totals()).containsExactly(
        new AgingReport.Totals("NOK", money("0.00"), money("1250.00"), money("0.00"), money("0.00"), money("0.00"),
            money("1250.00"), 1, money("0.00")),
        new AgingReport.Totals("SEK", money("1250.00"), money("1000.00"), money("1250.00"), money("1250.00"),
            money("1250.00"), money("6000.00"), 5, money("1250.00")));
    assertThat(aging.totals().get(1).buckets()).containsExactly(money("1250.00"), money("1000.00"),
        money("1250.00"), money("1250.00"), money("1250.00"));
  }

  @Test
  void aDayWithNothingOpenHasNoTotalsAtAllNotTotalsOfZero() {
    when(repository.rows(JUNE_30)).thenReturn(List.of());

    AgingReport.Report aging = report.on(JUNE_30);

    assertThat(aging.totals()).isEmpty();
    assertThat(aging.customers()).isEmpty();
  }

  private static AgingReport.Row row(String customer, String currency, String notDue, String days1to30,
                                     String days31to60, String days61to90, String over90, int invoices) {
    return row(customer, currency, notDue, days1to30, days31to60, days61to90, over90, invoices, "0.00");
  }

  private static AgingReport.Row row(String customer, String currency, String notDue, String days1to30,
                                     String days31to60, String days61to90, String over90, int invoices,
                                     String inPaymentPlan) {
    BigDecimal total = money(notDue).add(money(days1to30)).add(money(days31to60)).add(money(days61to90))
        .add(money(over90));
    return new AgingReport.Row(customer, "Customer " + customer, currency, money(notDue), money(days1to30),
        money(days31to60), money(days61to90), money(over90), total, invoices, money(inPaymentPlan));
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
