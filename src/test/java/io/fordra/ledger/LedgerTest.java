package io.fordra.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The ledger alone: no Spring, no database. Entries go to {@link LedgerRepository} (a mock); the chart of accounts
 * is the real Swedish one (BAS) and the texts the real Swedish ones, as for a Swedish seller.
 */
class LedgerTest {

  private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
  private static final SellerProperties SELLER = new SellerProperties("Exempelbolaget AB", "556677-8899", null, null,
      null, null, Country.SE, null, null, null, null, null);

  private final LedgerRepository entries = mock(LedgerRepository.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final ClosedPeriods closedPeriods = mock(ClosedPeriods.class);
  private final Ledger ledger = new Ledger(entries,
      new LedgerAccounts(new LedgerProperties(null, null, null, null), SELLER), clock, SELLER, closedPeriods,
      mock(RevenueReleaseRepository.class));

  /** 1 000.00 at 25 % on 3001 and 300.00 at 12 % on 3002: 1 586.00 with VAT. */
  private final List<InvoiceLine> lines = List.of(
      line(1, "25", "1000.00", "250.00", "3001"), line(2, "12", "300.00", "36.00", "3002"));

  @BeforeEach
  void itIsTheThirdOfNovember() {
    when(clock.now()).thenReturn(NOW);
    when(clock.today()).thenReturn(TODAY);
    when(closedPeriods.firstOpenDay(org.mockito.ArgumentMatchers.any())).thenAnswer(a -> a.getArgument(0));
  }

  @Test
  void anInvoiceBooksItsTotalAsReceivableAgainstRevenuePerAccountAndVatPerRate() {
    ledger.invoiceIssued(invoice("1586.00", "0.00", "0.00"), lines);

    LedgerEntry entry = booked();
    assertThat(entry).isEqualTo(new LedgerEntry(0, LocalDate.of(2026, 10, 1), EntryKind.INVOICE,
        "Faktura F-1001, kund C-1", "SEK", 7L, null, NOW, List.of(
            new LedgerLine("1510", money("1586.00"), 7L, "C-1"),
            LedgerLine.credit("3001", money("1000.00")), LedgerLine.credit("3002", money("300.00")),
            LedgerLine.credit("2611", money("250.00")), LedgerLine.credit("2621", money("36.00")))));
  }

  @Test
  void aPartialCreditReversesItsShareOfARateOverThatRatesRevenueAccountsTheFirstLargestTakingTheRest() {
    List<InvoiceLine> threeAccounts = List.of(line(1, "25", "100.00", "25.00", "3001"),
        line(2, "25", "100.00", "25.00", "3005"), line(3, "25", "100.00", "25.00", "3006"));

    ledger.credited(invoice("375.00", "0.00", "0.00"), threeAccounts, money("125.00"), 2);

    // 125.00 at 25 % = 100.00 net + 25.00 VAT; 100.00 over three equal accounts is 33.33 each, 0.01 left over.
    assertThat(booked()).isEqualTo(new LedgerEntry(0, TODAY, EntryKind.CREDIT_NOTE, "Kreditnota 2, faktura F-1001",
        "SEK", 7L, null, NOW, List.of(
            LedgerLine.debit("3001", money("33.34")), LedgerLine.debit("3005", money("33.33")),
            LedgerLine.debit("3006", money("33.33")), LedgerLine.debit("2611", money("25.00")),
            new LedgerLine("1510", money("-125.00"), 7L, "C-1"))));
  }

  @Test
  void aPaymentPaysTheReceivableAndWhatIsPaidBeyondItBecomesTheCustomersCredit() {
    ledger.paymentBooked(invoice("1586.00", "0.00", "0.00"), 42L, LocalDate.of(2026, 10, 20), money("1700.00"),
        money("114.00"), false);

    assertThat(booked()).isEqualTo(new LedgerEntry(0, LocalDate.of(2026, 10, 20), EntryKind.PAYMENT,
        "Inbetalning 42, faktura F-1001", "SEK", 7L, 42L, NOW, List.of(
            LedgerLine.debit("1930", money("1700.00")), new LedgerLine("1510", money("-1586.00"), 7L, "C-1"),
            new LedgerLine("2420", money("-114.00"), 7L, "C-1"))));
  }

  @Test
  void aKeptPaymentPlacedOnAnInvoiceComesFromUnmatchedPaymentsNotFromTheBank() {
    ledger.paymentBooked(invoice("1586.00", "0.00", "0.00"), 43L, TODAY, money("500.00"), money("0.00"), true);

    assertThat(booked().lines()).containsExactly(LedgerLine.debit("2421", money("500.00")),
        new LedgerLine("1510", money("-500.00"), 7L, "C-1"));
  }

  @Test
  void aPaymentThatMatchedNothingIsKeptOnUnmatchedPaymentsWithoutAnInvoice() {
    ledger.paymentKept(44L, LocalDate.of(2026, 10, 30), money("250.00"), "NOK");

    assertThat(booked()).isEqualTo(new LedgerEntry(0, LocalDate.of(2026, 10, 30), EntryKind.UNMATCHED_PAYMENT,
        "Ej avstämd inbetalning 44", "NOK", null, 44L, NOW, List.of(
            LedgerLine.debit("1930", money("250.00")), LedgerLine.credit("2421", money("250.00")))));
  }

  @Test
  void aWriteOffTakesTheOpenFeesAsTheyAreAndTheRestWithoutItsVatOnTheLossAccount() {
    ledger.writtenOff(invoice("1586.00", "60.00", "0.00"), lines, money("1646.00"), "konkurs");

    assertThat(booked()).isEqualTo(new LedgerEntry(0, TODAY, EntryKind.WRITE_OFF, "Kundförlust, faktura F-1001: "
        + "konkurs", "SEK", 7L, null, NOW, List.of(
            LedgerLine.debit("6351", money("1300.00")), LedgerLine.debit("2611", money("250.00")),
            LedgerLine.debit("2621", money("36.00")), LedgerLine.debit("6351", money("60.00")),
            new LedgerLine("1510", money("-1646.00"), 7L, "C-1"))));
  }

  @Test
  void anEntryThatDoesNotBalanceIsRefusedAndNothingIsBooked() {
    // The invoice says 1 596.00, its lines add up to 1 586.00.
    assertThatThrownBy(() -> ledger.invoiceIssued(invoice("1596.00", "0.00", "0.00"), lines))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Unbalanced ledger entry (10.00): ");
    verify(entries, never()).insert(any());
  }

  @Test
  void aVatRateWithoutAnOutputVatAccountIsRefusedWithTheSettingToAdd() {
    List<InvoiceLine> fifteen = List.of(line(1, "15.00", "100.00", "15.00", "3001"));

    assertThatThrownBy(() -> ledger.invoiceIssued(invoice("115.00", "0.00", "0.00"), fifteen))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No output VAT account for 15 %: set fordra.ledger.output-vat.15");
    verify(entries, never()).insert(any());
    assertThat(ledger.canBook(new BigDecimal("15"))).isFalse();
    assertThat(ledger.canBook(new BigDecimal("25.00"))).isTrue();
    assertThat(ledger.canBook(BigDecimal.ZERO)).as("0 percent needs no VAT account").isTrue();
    assertThat(ledger.salesAccount(new BigDecimal("12"))).contains("3002");
    assertThat(ledger.salesAccount(new BigDecimal("15"))).isEmpty();
  }

  @Test
  void anEntryOfNothingIsNotBooked() {
    ledger.feeCharged(invoice("1586.00", "0.00", "0.00"), money("0.00"));

    verify(entries, never()).insert(any());
  }

  @Test
  void aDocumentDatedInAClosedMonthIsBookedOnTheFirstOpenDayAndSaysWhichDay() {
    when(closedPeriods.firstOpenDay(LocalDate.of(2026, 10, 1))).thenReturn(LocalDate.of(2026, 11, 1));

    assertThat(ledger.invoiceIssued(invoice("1586.00", "0.00", "0.00"), lines)).isEqualTo(LocalDate.of(2026, 11, 1));

    assertThat(booked().bookingDate()).isEqualTo(LocalDate.of(2026, 11, 1));
  }

  @Test
  void theReceivableBalanceIsTheInvoicesSubLedgerOnTheReceivablesAccount() {
    when(entries.invoiceBalance(7L, "1510")).thenReturn(money("336.00"));

    assertThat(ledger.receivableBalance(invoice("1586.00", "0.00", "0.00"))).isEqualTo(money("336.00"));
  }

  private LedgerEntry booked() {
    ArgumentCaptor<LedgerEntry> entry = ArgumentCaptor.forClass(LedgerEntry.class);
    verify(entries).insert(entry.capture());
    return entry.getValue();
  }

  private static Invoice invoice(String total, String fees, String paid) {
    return new Invoice(7L, "F-1001", "C-1", InvoiceStatus.SENT, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
        Currency.SEK, null, null, money(total), money(paid), money(fees), money("0.00"), money("0.00"),
        money("0.00"), money("0.00"), money("0.00"), "10017", 0, 0, 0, null, NOW);
  }

  private static InvoiceLine line(int number, String rate, String net, String vat, String account) {
    return new InvoiceLine(number, "Line " + number, BigDecimal.ONE, money(net), new BigDecimal(rate), money(net),
        money(vat), null, null, account);
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
