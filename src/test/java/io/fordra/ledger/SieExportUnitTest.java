package io.fordra.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIE export as the controller calls it, without Spring or a database: the month's entries come from
 * {@link LedgerRepository} (a mock). {@link SieExportTest} checks the file's records and bytes in detail; this test
 * checks what the service asks of the ledger and how it answers.
 */
class SieExportUnitTest {

  private static final YearMonth FEBRUARY = YearMonth.of(2028, 2);
  private static final SellerProperties SELLER = new SellerProperties("Exempelbolaget AB", "5566 77-8899", null, null,
      null, null, Country.SE, null, null, null, null, null);

  private final LedgerRepository ledger = mock(LedgerRepository.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final ClosedPeriods closedPeriods = mock(ClosedPeriods.class);
  private final SieExport export = new SieExport(ledger,
      new LedgerAccounts(new LedgerProperties(null, null, null, null), SELLER), SELLER, clock, closedPeriods, "F", 1);

  private final List<LedgerEntry> booked = List.of(
      entry(1, "SEK", "2028-02-03", LedgerLine.debit("1930", new BigDecimal("500.00")),
          new LedgerLine("1510", new BigDecimal("-500.00"), 7L, "C-1")),
      entry(2, "EUR", "2028-02-10", LedgerLine.debit("1930", new BigDecimal("20.00")),
          LedgerLine.credit("2421", new BigDecimal("20.00"))),
      entry(3, "SEK", "2028-02-29", LedgerLine.debit("1930", new BigDecimal("75.50")),
          LedgerLine.credit("2421", new BigDecimal("75.50"))));

  @BeforeEach
  void theLedgerHoldsThreeEntriesOfFebruary() {
    when(clock.today()).thenReturn(LocalDate.of(2028, 3, 1));
    when(closedPeriods.closedOn(org.mockito.ArgumentMatchers.any())).thenReturn(java.util.Optional.empty());
    doAnswer(call -> {
      Consumer<LedgerEntry> consumer = call.getArgument(2);
      booked.forEach(consumer);
      return null;
    }).when(ledger).forEachBooked(any(), any(), any());
  }

  @Test
  void aMonthIsReadTwiceFromItsFirstToItsLastDayAndItsHomeCurrencyEntriesBecomeVerifications() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SieExport.Summary summary = export.write(FEBRUARY, out);

    verify(ledger, times(2)).forEachBooked(eq(LocalDate.of(2028, 2, 1)),
        eq(LocalDate.of(2028, 2, 29)), any());
    assertThat(summary).isEqualTo(new SieExport.Summary(2, Map.of("EUR", 1)));
    String file = new String(out.toByteArray(), SieExport.PC8);
    assertThat(file).contains("#KONTO 1510 \"Kundfordringar\"\r\n#KONTO 1930 ", "#KONTO 2421 ",
        "#VER \"F\" \"\" 20280203 \"Entry 1\"\r\n{\r\n#TRANS 1930 {} 500.00\r\n"
            + "#TRANS 1510 {} -500.00 \"\" \"C-1\"\r\n}\r\n",
        "#VER \"F\" \"\" 20280229 \"Entry 3\"\r\n{\r\n#TRANS 1930 {} 75.50\r\n#TRANS 2421 {} -75.50\r\n}\r\n")
        .doesNotContain("Entry 2", "#TRANS 1930 {} 20.00");
  }

  @Test
  void theFileNameCarriesTheOrganisationNumberWithoutSpacesAndTheMonth() {
    assertThat(export.fileName(FEBRUARY)).isEqualTo("fordra-556677-8899-2028-02.si");
    assertThat(export.currency()).isEqualTo("SEK");
  }

  @Test
  void aDownloadThatBreaksOffIsAnIoErrorNotAHalfFileTakenForWhole() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("connection reset");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("connection reset");
      }
    };

    assertThatThrownBy(() -> export.write(FEBRUARY, broken)).isInstanceOf(IOException.class)
        .hasMessage("connection reset");
  }

  @Test
  void aClosedMonthsFileCarriesTheDayItWasClosedNotTheDayItWasExported() throws IOException {
    when(closedPeriods.closedOn(FEBRUARY)).thenReturn(java.util.Optional.of(LocalDate.of(2028, 3, 2)));
    ByteArrayOutputStream closed = new ByteArrayOutputStream();
    export.write(FEBRUARY, closed);
    when(clock.today()).thenReturn(LocalDate.of(2028, 6, 30));
    ByteArrayOutputStream later = new ByteArrayOutputStream();
    export.write(FEBRUARY, later);

    assertThat(new String(closed.toByteArray(), SieExport.PC8)).contains("#GEN 20280302\r\n");
    assertThat(later.toByteArray()).isEqualTo(closed.toByteArray());
  }

  private static LedgerEntry entry(long id, String currency, String date, LedgerLine... lines) {
    return new LedgerEntry(id, LocalDate.parse(date), EntryKind.PAYMENT, "Entry " + id, currency, null, null,
        Instant.parse("2028-03-01T08:00:00Z"), List.of(lines));
  }
}
