package io.fordra.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.customer.Country;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SIE 4I writer on hand-made ledger entries: the exact lines and bytes, and the file read back. */
class SieExportTest {

  /** No month is closed. */
  private static final ClosedPeriods OPEN = new ClosedPeriods() {
    @Override
    public LocalDate firstOpenDay(LocalDate date) {
      return date;
    }

    @Override
    public java.util.Optional<LocalDate> closedOn(YearMonth month) {
      return java.util.Optional.empty();
    }
  };

  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  private final List<LedgerEntry> entries = new ArrayList<>();

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-01T08:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void swedishSellerGetsAnImportFileInCodePage437WithCrlfAndEveryEntryInSek() throws IOException {
    SellerProperties seller = seller("Åkeri \"Öst\" AB", "556677-8899", Country.SE);
    SieExport export = export(seller, Map.of("1510", "Kundfordringar åäö ÅÄÖ"), 1);
    entry(EntryKind.INVOICE, "2026-03-02", "Invoice 1001, C-Å1", "SEK",
        line("1510", "1586.00", "C-Å1"), line("3001", "-1000.00"), line("3002", "-300.00"),
        line("2611", "-250.00"), line("2621", "-36.00"));
    entry(EntryKind.PAYMENT, "2026-03-15", "Payment 7, invoice 1001", "SEK",
        line("1930", "500.00"), line("1510", "-500.00", "C-Å1"));
    entry(EntryKind.INVOICE, "2026-03-20", "Invoice 1003, C-3", "EUR",
        line("1510", "125.00", "C-3"), line("3001", "-100.00"), line("2611", "-25.00"));
    entry(EntryKind.INVOICE, "2026-03-21", "Invoice 1004, C-4", "NOK",
        line("1510", "1250", "C-4"), line("3001", "-1000"), line("2611", "-250"));
    entry(EntryKind.WRITE_OFF, "2026-03-31",
        "Written off, invoice 1002: kund sa \"nej\" \\ – “slut” 5 € ø\nrad 2", "SEK",
        line("6351", "80.00"), line("2611", "20.00"), line("1510", "-100.00", "C-2"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SieExport.Summary summary = export.write(MARCH, entries::forEach, out);
    byte[] bytes = out.toByteArray();

    assertThat(summary.verifications()).isEqualTo(3);
    assertThat(summary.leftOut()).containsExactly(Map.entry("EUR", 1), Map.entry("NOK", 1));
    assertThat(new String(bytes, SieExport.PC8).split("\r\n", -1)).containsExactly(
        "#FLAGGA 0",
        "#PROGRAM \"Fordra\" \"1.0\"",
        "#FORMAT PC8",
        "#GEN 20260401",
        "#SIETYP 4",
        "#PROSA \"2 ledger entries of 2026-03 in another currency than SEK left out (a SIE file has one "
            + "currency): 1 in EUR, 1 in NOK\"",
        "#ORGNR 556677-8899",
        "#FNAMN \"Åkeri \\\"Öst\\\" AB\"",
        "#RAR 0 20260101 20261231",
        "#VALUTA SEK",
        "#KONTO 1510 \"Kundfordringar åäö ÅÄÖ\"",
        "#KONTO 1930 \"Företagskonto/checkkonto/affärskonto\"",
        "#KONTO 2611 \"Utgående moms på försäljning inom Sverige, 25 %\"",
        "#KONTO 2621 \"Utgående moms på försäljning inom Sverige, 12 %\"",
        "#KONTO 3001 \"Försäljning inom Sverige, 25 % moms\"",
        "#KONTO 3002 \"Försäljning inom Sverige, 12 % moms\"",
        "#KONTO 6351 \"Konstaterade förluster på kundfordringar\"",
        "#VER \"F\" \"\" 20260302 \"Invoice 1001, C-Å1\"",
        "{",
        "#TRANS 1510 {} 1586.00 \"\" \"C-Å1\"",
        "#TRANS 3001 {} -1000.00",
        "#TRANS 3002 {} -300.00",
        "#TRANS 2611 {} -250.00",
        "#TRANS 2621 {} -36.00",
        "}",
        "#VER \"F\" \"\" 20260315 \"Payment 7, invoice 1001\"",
        "{",
        "#TRANS 1930 {} 500.00",
        "#TRANS 1510 {} -500.00 \"\" \"C-Å1\"",
        "}",
        "#VER \"F\" \"\" 20260331 \"Written off, invoice 1002: kund sa \\\"nej\\\" \\\\ - \\\"slut\\\" 5 EUR ö rad 2\"",
        "{",
        "#TRANS 6351 {} 80.00",
        "#TRANS 2611 {} 20.00",
        "#TRANS 1510 {} -100.00 \"\" \"C-2\"",
        "}",
        "");

    // The header, byte for byte, and the Swedish letters as code page 437 bytes.
    assertThat(startsWith(bytes, ascii("#FLAGGA 0\r\n#PROGRAM \"Fordra\" \"1.0\"\r\n#FORMAT PC8\r\n#GEN 20260401\r\n"
        + "#SIETYP 4\r\n"))).isTrue();
    assertThat(indexOf(bytes, bytes(ascii("\r\n#FNAMN \""), 0x8F, ascii("keri \\\""), 0x99, ascii("st\\\" AB\"\r\n"))))
        .isPositive();
    assertThat(indexOf(bytes, bytes(ascii("\r\n#KONTO 1510 \"Kundfordringar "), 0x86, 0x84, 0x94, ascii(" "),
        0x8F, 0x8E, 0x99, ascii("\"\r\n")))).isPositive();
    assertThat(indexOf(bytes, bytes(ascii("\r\n#KONTO 1930 \"F"), 0x94, ascii("retagskonto/checkkonto/aff"), 0x84,
        ascii("rskonto\"\r\n")))).isPositive();
    assertThat(indexOf(bytes, bytes(ascii("5 EUR "), 0x94, ascii(" rad 2\"\r\n")))).as("ø spelled ö").isPositive();
    assertThat(indexOf(bytes, ascii("?"))).as("nothing spelled as ?").isNegative();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        assertThat(bytes[i - 1]).as("LF at " + i + " is part of CRLF").isEqualTo((byte) '\r');
      }
    }

    SieFile read = SieFile.parse(bytes);
    assertThat(read.verifications).hasSize(3).allSatisfy(v -> {
      assertThat(v.sum()).isEqualByComparingTo("0.00");
      assertThat(v.series()).isEqualTo("F");
      assertThat(v.number()).as("numbered by the importing program").isEmpty();
    });
    assertThat(read.first("#FNAMN")).containsExactly("Åkeri \"Öst\" AB");
    assertThat(read.verifications.get(2).text())
        .isEqualTo("Written off, invoice 1002: kund sa \"nej\" \\ - \"slut\" 5 EUR ö rad 2");
    assertThat(read.sumsByAccount()).isEqualTo(Map.of("1510", new BigDecimal("986.00"),
        "1930", new BigDecimal("500.00"), "2611", new BigDecimal("-230.00"), "2621", new BigDecimal("-36.00"),
        "3001", new BigDecimal("-1000.00"), "3002", new BigDecimal("-300.00"), "6351", new BigDecimal("80.00")));
    assertThat(read.accounts.keySet()).as("every account used is declared")
        .containsExactlyInAnyOrderElementsOf(read.sumsByAccount().keySet());
  }

  @Test
  void norwegianSellerGetsNokItsFiscalYearAndNorwegianLettersCodePage437Has() throws IOException {
    SieExport export = export(seller("Fjordbåt AS", "923609016", Country.NO), Map.of(), 7);
    entry(EntryKind.INVOICE, "2026-03-05", "Invoice 2001, K-Ø1", "NOK",
        line("1500", "1250.00", "K-Ø1"), line("3000", "-1000.00"), line("2700", "-250.00"));
    entry(EntryKind.INVOICE, "2026-03-06", "Invoice 2002, K-2", "SEK",
        line("1500", "1250.00", "K-2"), line("3000", "-1000.00"), line("2700", "-250.00"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(MARCH, entries::forEach, out);
    byte[] bytes = out.toByteArray();
    SieFile read = SieFile.parse(bytes);

    assertThat(read.first("#VALUTA")).containsExactly("NOK");
    assertThat(read.first("#RAR")).as("fiscal year July-June").containsExactly("0", "20250701", "20260630");
    assertThat(read.first("#PROSA").get(0)).endsWith(": 1 in SEK");
    assertThat(read.accounts).containsEntry("2700", "Utgående merverdiavgift, höy sats")
        .containsEntry("1500", "Kundefordringer");
    assertThat(indexOf(bytes, bytes(ascii("merverdiavgift, h"), 0x94, ascii("y sats\"\r\n")))).isPositive();
    assertThat(indexOf(bytes, bytes(ascii("#FNAMN \"Fjordb"), 0x86, ascii("t AS\"\r\n")))).isPositive();
    assertThat(read.verifications).singleElement().satisfies(v -> {
      assertThat(v.text()).isEqualTo("Invoice 2001, K-Ö1");
      assertThat(v.trans().get(0).text()).isEqualTo("K-Ö1");
    });
    assertThat(export.fileName(MARCH)).isEqualTo("fordra-923609016-2026-03.si");
  }

  @Test
  void aMonthWithoutEntriesIsAFileWithoutVerificationsOrProsa() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SieExport.Summary summary = export(seller("Exempelbolaget AB", "556677-8899", Country.SE), Map.of(), 1)
        .write(MARCH, entries::forEach, out);
    SieFile read = SieFile.parse(out.toByteArray());
    assertThat(summary.verifications()).isZero();
    assertThat(read.verifications).isEmpty();
    assertThat(read.records).containsOnlyKeys("#FLAGGA", "#PROGRAM", "#FORMAT", "#GEN", "#SIETYP", "#ORGNR",
        "#FNAMN", "#RAR", "#VALUTA");
  }

  @Test
  void textIsSpelledWithCodePage437() {
    assertThat(SieExport.pc8("Åsa Öberg, Ärlig & Ængel")).isEqualTo("Åsa Öberg, Ärlig & Ængel");
    assertThat(SieExport.pc8("Søren Ødegård")).isEqualTo("Sören Ödegård");
    assertThat(SieExport.pc8("Łódź Šárka Čech ő")).isEqualTo("Lódz Sárka Cech o");
    assertThat(SieExport.pc8("‘a’ “b” c–d—e … 3 € §2")).isEqualTo("'a' \"b\" c-d-e ... 3 EUR par.2");
    assertThat(SieExport.pc8("tab\there\r\nnew\u00A0line\u0007")).isEqualTo("tab here  new line ");
    assertThat(SieExport.pc8("中")).isEqualTo("?");
    assertThat(SieExport.pc8("Straße café naïve")).isEqualTo("Straße café naïve");
  }

  @Test
  void aSeriesOrFiscalYearThatSieCannotCarryStopsStartUp() {
    SellerProperties seller = seller("Exempelbolaget AB", "556677-8899", Country.SE);
    LedgerAccounts accounts = new LedgerAccounts(new LedgerProperties(null, null, null, null), seller);
    FordraClock clock = new FordraClock(ZONE);
    assertThatThrownBy(() -> new SieExport(null, accounts, seller, clock, OPEN, "F \"", 1))
        .hasMessageContaining("fordra.sie.series");
    assertThatThrownBy(() -> new SieExport(null, accounts, seller, clock, OPEN, "F", 13))
        .hasMessageContaining("fordra.sie.fiscal-year-start-month");
  }

  private SieExport export(SellerProperties seller, Map<String, String> names, int fiscalYearStartMonth) {
    LedgerAccounts accounts = new LedgerAccounts(new LedgerProperties(null, null, null, names), seller);
    return new SieExport(null, accounts, seller, new FordraClock(ZONE), OPEN, "F", fiscalYearStartMonth);
  }

  private static SellerProperties seller(String name, String organisationNumber, Country country) {
    return new SellerProperties(name, organisationNumber, null, "Storgatan 1", "111 22", "Stockholm", country,
        null, null, null, null, null);
  }

  private void entry(EntryKind kind, String date, String text, String currency, LedgerLine... lines) {
    entries.add(new LedgerEntry(entries.size() + 1, LocalDate.parse(date), kind, text, currency, null, null,
        Instant.parse("2026-03-31T10:00:00Z"), List.of(lines)));
  }

  private static LedgerLine line(String account, String amount) {
    return new LedgerLine(account, new BigDecimal(amount), null, null);
  }

  private static LedgerLine line(String account, String amount, String customer) {
    return new LedgerLine(account, new BigDecimal(amount), 1L, customer);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Byte arrays and single bytes (ints) one after the other. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof byte[] array) {
        b.writeBytes(array);
      } else {
        b.write((Integer) part);
      }
    }
    return b.toByteArray();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return indexOf(bytes, prefix) == 0;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
