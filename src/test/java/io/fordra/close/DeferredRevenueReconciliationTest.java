package io.fordra.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.ledger.LedgerAccounts;
import io.fordra.ledger.LedgerProperties;
import io.fordra.report.AgingReport;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The close's deferred-revenue check alone (sums mocked): the deferred-revenue account (2970, and any account a
 * release plan still names) against what is still to be released, in total per currency and per invoice.
 */
class DeferredRevenueReconciliationTest {

  private static final YearMonth APRIL = YearMonth.of(2027, 4);
  private static final LocalDate LAST = APRIL.atEndOfMonth();
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final ReconciliationRepository sums = mock(ReconciliationRepository.class);
  private final AgingReport aging = mock(AgingReport.class);
  private final LedgerAccounts accounts = new LedgerAccounts(new LedgerProperties(null, null, null, null),
      new SellerProperties("Exempelbolaget AB", "556677-8899", null, null, null, null, Country.SE, null, null, null,
          null, null));
  private final Reconciliation reconciliation = new Reconciliation(sums, accounts, aging);
  private final List<String> deferredAccounts = List.of("2970");

  @BeforeEach
  void nothingElseToReconcile() {
    when(aging.on(LAST)).thenReturn(new AgingReport.Report(LAST, List.of(), List.of()));
    when(sums.deferredRevenueAccounts("2970")).thenReturn(deferredAccounts);
  }

  @Test
  void theDeferredAccountEqualToWhatIsStillToBeReleasedIsNoDifference() {
    when(sums.deferredRevenue(deferredAccounts)).thenReturn(List.of(
        new ReconciliationRepository.Sum("SEK", money("-8000.00"))));
    when(sums.toBeReleased()).thenReturn(List.of(new ReconciliationRepository.Sum("SEK", money("8000.00"))));

    Reconciliation.Result result = reconciliation.reconcile(APRIL, STOCKHOLM);

    assertThat(result.differenceCount()).isZero();
    assertThat(result.figures()).singleElement().satisfies(f -> {
      assertThat(f.deferredRevenue()).isEqualByComparingTo("8000.00");
      assertThat(f.toBeReleased()).isEqualByComparingTo("8000.00");
    });
  }

  @Test
  void aDifferenceIsReportedInTotalAndPerInvoiceLikeTheOthers() {
    when(sums.deferredRevenue(deferredAccounts)).thenReturn(List.of(
        new ReconciliationRepository.Sum("SEK", money("-9000.00"))));
    when(sums.toBeReleased()).thenReturn(List.of(new ReconciliationRepository.Sum("SEK", money("8000.00"))));
    when(sums.countDeferredBalanceDifferences(deferredAccounts)).thenReturn(1);
    when(sums.deferredBalanceDifferences(deferredAccounts, Reconciliation.LISTED)).thenReturn(List.of(
        new ReconciliationRepository.DeferredBalance("LIC-1", "SEK", money("9000.00"), money("8000.00"))));

    Reconciliation.Result result = reconciliation.reconcile(APRIL, STOCKHOLM);

    assertThat(result.differenceCount()).isEqualTo(2);
    assertThat(result.differences())
        .extracting(Reconciliation.Difference::check, Reconciliation.Difference::subject,
            Reconciliation.Difference::difference, Reconciliation.Difference::description)
        .containsExactly(
            tuple(ReconciliationCheck.DEFERRED_REVENUE_TOTAL, "SEK", money("1000.00"),
                "Deferred-revenue account 9000.00, still to be released 8000.00 (difference 1000.00 SEK)"),
            tuple(ReconciliationCheck.DEFERRED_REVENUE_INVOICE, "LIC-1", money("1000.00"),
                "Invoice LIC-1: deferred revenue 9000.00 on the account, 8000.00 still to be released "
                    + "(difference 1000.00 SEK)"));
    assertThat(MonthEndCloses.figuresText(result))
        .contains("Deferred-revenue account now: 9000.00; still to be released: 8000.00");
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
