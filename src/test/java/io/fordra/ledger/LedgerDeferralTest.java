package io.fordra.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceLine;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The ledger's periodised lines alone (no Spring, no database; the release plan mocked): booked on 2970 with their
 * plan, released per invoice and month, and credited unreleased shares first.
 */
class LedgerDeferralTest {

  private static final Instant NOW = Instant.parse("2027-01-15T08:00:00Z");
  private static final SellerProperties SELLER = new SellerProperties("Exempelbolaget AB", "556677-8899", null, null,
      null, null, Country.SE, null, null, null, null, null);

  private final LedgerRepository entries = mock(LedgerRepository.class);
  private final RevenueReleaseRepository releases = mock(RevenueReleaseRepository.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final ClosedPeriods closedPeriods = mock(ClosedPeriods.class);
  private final Ledger ledger = new Ledger(entries,
      new LedgerAccounts(new LedgerProperties(null, null, null, null), SELLER), clock, SELLER, closedPeriods,
      releases);

  @BeforeEach
  void itIsTheFifteenthOfJanuary() {
    when(clock.now()).thenReturn(NOW);
    when(clock.today()).thenReturn(LocalDate.of(2027, 4, 12));
    when(closedPeriods.firstOpenDay(any())).thenAnswer(a -> a.getArgument(0));
    when(entries.insert(any())).thenReturn(41L);
  }

  @Test
  void aLineWhosePeriodRunsPastTheInvoicesMonthGoesOnDeferredRevenueWithItsPlan() {
    InvoiceLine licence = line(1, "1200.00", "300.00", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    InvoiceLine january = line(2, "100.00", "25.00", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31));

    ledger.invoiceIssued(invoice("1625.00"), List.of(licence, january));

    assertThat(booked().lines()).containsExactly(new LedgerLine("1510", money("1625.00"), 7L, "C-1"),
        LedgerLine.credit("3001", money("100.00")), new LedgerLine("2970", money("-1200.00"), 7L, null),
        LedgerLine.credit("2611", money("325.00")));
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<YearMonth, BigDecimal>> plan = ArgumentCaptor.forClass(Map.class);
    verify(releases).plan(eq(7L), eq(1), eq("SEK"), eq("3001"), eq("2970"), plan.capture());
    verify(releases, never()).plan(eq(7L), eq(2), any(), any(), any(), any());
    assertThat(plan.getValue()).hasSize(12).containsEntry(YearMonth.of(2027, 6), money("100.00"));
  }

  @Test
  void aPartialCreditTakesAPeriodisedLinesUnreleasedSharesLatestFirstAndTheRestFromRevenue() {
    InvoiceLine licence = line(1, "1200.00", "300.00", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    InvoiceLine setUp = line(2, "300.00", "75.00", null, null);
    when(releases.anyPlanned(7L)).thenReturn(true);
    // Three months left of the licence, 100.00 each.
    when(releases.unreleasedLocked(7L, 1)).thenReturn(List.of(planned(12, "2027-12"), planned(11, "2027-11"),
        planned(10, "2027-10")));

    // 625.00 at 25 % = 500.00 net, spread by net: 400.00 of the licence, 100.00 of the set-up.
    ledger.credited(invoice("1875.00"), List.of(licence, setUp), money("625.00"), 1);

    assertThat(booked().lines()).containsExactly(LedgerLine.debit("3001", money("200.00")),
        new LedgerLine("2970", money("300.00"), 7L, null), LedgerLine.debit("2611", money("125.00")),
        new LedgerLine("1510", money("-625.00"), 7L, "C-1"));
    verify(releases).credited(12, money("100.00"));
    verify(releases).credited(11, money("100.00"));
    verify(releases).credited(10, money("100.00"));
  }

  @Test
  void releasesBookOneEntryPerInvoiceAndMonthDatedTheMonthsLastDayAndMarkTheShares() {
    when(releases.dueLocked("2027-03")).thenReturn(List.of(planned(1, "2027-02"), planned(2, "2027-03")));

    Ledger.Released released = ledger.releaseDeferredRevenue(YearMonth.of(2027, 3));

    assertThat(released.entries()).isEqualTo(2);
    assertThat(released.amounts()).containsEntry("SEK", money("200.00"));
    ArgumentCaptor<LedgerEntry> entry = ArgumentCaptor.forClass(LedgerEntry.class);
    verify(entries, org.mockito.Mockito.times(2)).insert(entry.capture());
    assertThat(entry.getAllValues()).extracting(LedgerEntry::bookingDate)
        .containsExactly(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
    assertThat(entry.getAllValues().get(1)).satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EntryKind.REVENUE_RELEASE);
      assertThat(e.text()).isEqualTo("Periodiserad intäkt 2027-03, faktura F-1001");
      assertThat(e.lines()).containsExactly(new LedgerLine("2970", money("100.00"), 7L, null),
          LedgerLine.credit("3001", money("100.00")));
    });
    verify(releases).released(List.of(1L), 41L);
    verify(releases).released(List.of(2L), 41L);
  }

  private RevenueReleaseRepository.Planned planned(long id, String period) {
    return new RevenueReleaseRepository.Planned(id, 7L, "F-1001", LocalDate.of(2027, 1, 15), 1, "SEK", "3001",
        "2970", period, money("100.00"), money("0.00"));
  }

  private LedgerEntry booked() {
    ArgumentCaptor<LedgerEntry> entry = ArgumentCaptor.forClass(LedgerEntry.class);
    verify(entries).insert(entry.capture());
    return entry.getValue();
  }

  private static Invoice invoice(String total) {
    return new Invoice(7L, "F-1001", "C-1", InvoiceStatus.SENT, LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 14),
        Currency.SEK, null, null, money(total), money("0.00"), money("0.00"), money("0.00"), money("0.00"),
        money("0.00"), money("0.00"), money("0.00"), "10017", 0, 0, 0, null, NOW);
  }

  private static InvoiceLine line(int number, String net, String vat, LocalDate from, LocalDate to) {
    return new InvoiceLine(number, "Line " + number, BigDecimal.ONE, money(net), new BigDecimal("25"), money(net),
        money(vat), null, null, "3001", from, to);
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
