package io.fordra.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.ledger.LedgerAccounts;
import io.fordra.ledger.LedgerProperties;
import io.fordra.report.AgingReport;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The month-end reconciliation alone: no Spring, no database. The sums come from {@link ReconciliationRepository}
 * and the aging report (mocks); the chart of accounts is the real Swedish one (receivables 1510, bank 1930).
 */
class ReconciliationTest {

  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
  private static final LocalDate LAST = LocalDate.of(2026, 10, 31);
  /** The aging report is taken as of the period's last day. */
  private static final LocalDate AGING_DATE = LAST;
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final ReconciliationRepository sums = mock(ReconciliationRepository.class);
  private final AgingReport aging = mock(AgingReport.class);
  private final LedgerAccounts accounts = new LedgerAccounts(new LedgerProperties(null, null, null, null),
      new SellerProperties("Exempelbolaget AB", "556677-8899", null, null, null, null, Country.SE, null, null, null,
          null, null));
  private final Reconciliation reconciliation = new Reconciliation(sums, accounts, aging);
  /** The deferred-revenue accounts: 2970 (BAS) and none other that a release plan names. */
  private static final List<String> DEFERRED_ACCOUNTS = List.of("2970");

  @BeforeEach
  void aMonthInWhichEverythingAgrees() {
    when(sums.receivables("1510", LAST)).thenReturn(List.of(
        new ReconciliationRepository.Receivables("SEK", money("3750"), money("3500.00"))));
    when(sums.openInvoices()).thenReturn(List.of(new ReconciliationRepository.Sum("SEK", money("3500.00"))));
    when(sums.bankMovements("1930", FIRST, LAST)).thenReturn(List.of(
        new ReconciliationRepository.BankMovements("SEK", money("800.00"), money("-200.00"))));
    when(sums.paymentsReceived(FIRST, LAST)).thenReturn(List.of(
        new ReconciliationRepository.Sum("SEK", money("1000.00"))));
    when(aging.on(AGING_DATE)).thenReturn(new AgingReport.Report(AGING_DATE, List.of(new AgingReport.Totals("SEK",
        money("1250.00"), money("2500.00"), money("0.00"), money("0.00"), money("0.00"), money("3750.00"), 3,
        money("0.00"))),
        List.of()));
  }

  @Test
  void aMonthWhoseLedgerAgreesWithInvoicesPaymentsAndAgingHasItsFiguresAndNoDifference() {
    Reconciliation.Result result = reconciliation.reconcile(OCTOBER, STOCKHOLM);

    assertThat(result.period()).isEqualTo(OCTOBER);
    assertThat(result.agingDate()).isEqualTo(AGING_DATE);
    // The refund paid out (-200.00 booked on the bank account) is set aside: 800.00 + 200.00 = 1000.00 received.
    // The aging as of 31 October (3750.00) agrees with the receivables account at 31 October, not with it now.
    assertThat(result.figures()).containsExactly(new Reconciliation.Figures("SEK", money("3750.00"),
        money("3500.00"), money("3500.00"), money("800.00"), money("200.00"), money("1000.00"), money("3750.00")));
    assertThat(result.differenceCount()).isZero();
    assertThat(result.differences()).isEmpty();
    // A payment file belongs to the month received in it in Stockholm: 1 Oct 00:00 CEST to 1 Nov 00:00 CET.
    verify(sums).paymentFiles(OffsetDateTime.parse("2026-09-30T22:00Z"), OffsetDateTime.parse("2026-10-31T23:00Z"));
  }

  @Test
  void eachDifferenceIsCountedInFullAndListedTotalsFirstWithBothSidesAndTheirDifference() {
    when(sums.openInvoices()).thenReturn(List.of(new ReconciliationRepository.Sum("SEK", money("3750.00"))));
    when(sums.countInvoiceBalanceDifferences("1510")).thenReturn(150);
    when(sums.invoiceBalanceDifferences("1510", Reconciliation.LISTED)).thenReturn(List.of(
        new ReconciliationRepository.InvoiceBalance("F-1001", "SEK", money("0"), money("250.00"))));
    when(sums.paymentFiles(OffsetDateTime.parse("2026-09-30T22:00Z"), OffsetDateTime.parse("2026-10-31T23:00Z")))
        .thenReturn(List.of(
            new ReconciliationRepository.PaymentFile(5, "bgmax-1.txt", "DONE", money("1000.00"), money("100.00"),
                3, 3, money("900.00"), "SEK"),
            new ReconciliationRepository.PaymentFile(6, "bgmax-2.txt", "IMPORTING", money("500.00"),
                money("0.00"), 1, 4, money("125.00"), "SEK")));
    when(sums.countUnbalancedEntries()).thenReturn(1);
    when(sums.unbalancedEntries(Reconciliation.LISTED)).thenReturn(List.of(
        new ReconciliationRepository.UnbalancedEntry(9, "SEK", "Faktura F-1001, kund C-1", money("0.01"))));

    Reconciliation.Result result = reconciliation.reconcile(OCTOBER, STOCKHOLM);

    // 1 total + 150 invoices (1 listed) + 1 payment file (the one in balance and done is none) + 1 entry
    assertThat(result.differenceCount()).isEqualTo(153);
    assertThat(result.differences())
        .extracting(Reconciliation.Difference::check, Reconciliation.Difference::subject,
            Reconciliation.Difference::ledger, Reconciliation.Difference::other,
            Reconciliation.Difference::difference, Reconciliation.Difference::description)
        .containsExactly(
            tuple(ReconciliationCheck.RECEIVABLES_TOTAL, "SEK", money("3500.00"), money("3750.00"),
                money("-250.00"), "Receivables account 3500.00, open invoices 3750.00 (difference -250.00 SEK)"),
            tuple(ReconciliationCheck.INVOICE_BALANCE, "F-1001", money("0.00"), money("250.00"), money("-250.00"),
                "Invoice F-1001: receivables balance 0.00, open amount 250.00 (difference -250.00 SEK)"),
            tuple(ReconciliationCheck.PAYMENT_FILE, "payment file 6", money("125.00"), money("500.00"),
                money("-375.00"), "Payment file 6 (bgmax-2.txt, import not finished: 1 of 4 payments booked): "
                    + "125.00 stored from it (duplicates included), the file states 500.00 (difference -375.00 SEK)"),
            tuple(ReconciliationCheck.UNBALANCED_ENTRY, "entry 9", money("0.01"), money("0.00"), money("0.01"),
                "Entry 9 (Faktura F-1001, kund C-1) does not balance: its lines add up to 0.01, not 0.00 "
                    + "(difference 0.01 SEK)"));
  }

  @Test
  void aCurrencyOnOneSideOnlyIsADifferenceOfItsWholeAmount() {
    when(sums.bankMovements("1930", FIRST, LAST)).thenReturn(List.of(
        new ReconciliationRepository.BankMovements("SEK", money("800.00"), money("-200.00")),
        new ReconciliationRepository.BankMovements("NOK", money("500.00"), null)));
    when(sums.receivablesWithoutInvoice("1510")).thenReturn(List.of(
        new ReconciliationRepository.LinesWithoutInvoice("NOK", money("75.00"), 2)));
    when(sums.countPaymentsNotBooked("1930", FIRST, LAST)).thenReturn(1);
    when(sums.paymentsNotBooked("1930", FIRST, LAST, Reconciliation.LISTED)).thenReturn(List.of(
        new ReconciliationRepository.PaymentNotBooked(12, "BG-77", "SEK", money("0"), money("300.00"))));

    Reconciliation.Result result = reconciliation.reconcile(OCTOBER, STOCKHOLM);

    assertThat(result.figures()).extracting(Reconciliation.Figures::currency).containsExactly("NOK", "SEK");
    assertThat(result.figures().get(0)).isEqualTo(new Reconciliation.Figures("NOK", money("0.00"), money("0.00"),
        money("0.00"), money("500.00"), money("0.00"), money("0.00"), money("0.00")));
    assertThat(result.differenceCount()).isEqualTo(3);
    assertThat(result.differences()).extracting(Reconciliation.Difference::description).containsExactly(
        "Bank account in 2026-10 (refunds of 0.00 aside) 500.00, payments received 0.00 (difference 500.00 NOK)",
        "2 receivables lines name no invoice: 75.00 on the account, no invoice owes 0.00 (difference 75.00 NOK)",
        "Payment 12 (bank transaction BG-77): 0.00 on the bank account, 300.00 received (difference -300.00 SEK)");
  }

  @Test
  void theAgingAsOfThePeriodEndIsComparedWithTheReceivablesAccountAtThePeriodEnd() {
    when(aging.on(AGING_DATE)).thenReturn(new AgingReport.Report(AGING_DATE, List.of(new AgingReport.Totals("SEK",
        money("1250.00"), money("2400.00"), money("0.00"), money("0.00"), money("0.00"), money("3650.00"), 3,
        money("0.00"))),
        List.of()));

    Reconciliation.Result result = reconciliation.reconcile(OCTOBER, STOCKHOLM);

    assertThat(result.differenceCount()).isOne();
    assertThat(result.differences()).extracting(Reconciliation.Difference::check, Reconciliation.Difference::ledger,
            Reconciliation.Difference::other, Reconciliation.Difference::description)
        .containsExactly(tuple(ReconciliationCheck.AGING_TOTAL, money("3750.00"), money("3650.00"),
            "Receivables account at 2026-10-31 3750.00, aging report as of 2026-10-31 3650.00 (difference 100.00 SEK)"));
  }

  @Test
  void theDeferredAccountEqualToWhatIsStillToBeReleasedIsNoDifference() {
    when(sums.deferredRevenueAccounts("2970")).thenReturn(DEFERRED_ACCOUNTS);
    when(sums.deferredRevenue(DEFERRED_ACCOUNTS)).thenReturn(List.of(
        new ReconciliationRepository.Sum("SEK", money("-8000.00"))));
    when(sums.toBeReleased()).thenReturn(List.of(new ReconciliationRepository.Sum("SEK", money("8000.00"))));

    Reconciliation.Result result = reconciliation.reconcile(OCTOBER, STOCKHOLM);

    assertThat(result.differenceCount()).isZero();
    assertThat(result.figures()).singleElement().satisfies(f -> {
      assertThat(f.currency()).isEqualTo("SEK");
      assertThat(f.deferredRevenue()).isEqualByComparingTo("8000.00");
      assertThat(f.toBeReleased()).isEqualByComparingTo("8000.00");
    });
  }

  @Test
  void aDifferenceIsReportedInTotalAndPerInvoiceLikeTheOthers() {
    when(sums.deferredRevenueAccounts("2970")).thenReturn(DEFERRED_ACCOUNTS);
    when(sums.deferredRevenue(DEFERRED_ACCOUNTS)).thenReturn(List.of(
        new ReconciliationRepository.Sum("SEK", money("-9000.00"))));
    when(sums.toBeReleased()).thenReturn(List.of(new ReconciliationRepository.Sum("SEK", money("8000.00"))));
    when(sums.countDeferredBalanceDifferences(DEFERRED_ACCOUNTS)).thenReturn(1);
    when(sums.deferredBalanceDifferences(DEFERRED_ACCOUNTS, Reconciliation.LISTED)).thenReturn(List.of(
        new ReconciliationRepository.DeferredBalance("LIC-1", "SEK", money("9000.00"), money("8000.00"))));

    Reconciliation.Result result = reconciliation.reconcile(OCTOBER, STOCKHOLM);

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
