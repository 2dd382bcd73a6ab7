package io.fordra.ledger;

import io.fordra.customer.Country;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bookkeeping basis of a month as a SIE 4 import file (type 4I, "bokföringsorder" from a subsidiary system):
 * every ledger entry booked in the month becomes a verification for the seller's accounting program to import.
 *
 * <p>What the SIE 4 specification asks of the file, and how it is met here:
 * <ul>
 *   <li>Encoding "PC8" ({@code #FORMAT PC8}) is IBM PC 8-bit extended ASCII, code page 437. Characters it lacks are
 *   spelled with the nearest it has (Norwegian ø/Ø as ö/Ö, typographic quotes and dashes as ASCII, other accented
 *   letters without their accent); control characters become spaces, so that a line break in a text can never
 *   break a record.</li>
 *   <li>One record a line, CRLF line ends; fields separated by a space; text fields in double quotes, a double
 *   quote inside one written {@code \"} and a backslash {@code \\}.</li>
 *   <li>Amounts with a decimal point, two decimals and no thousands separator; dates yyyyMMdd.</li>
 *   <li>In a 4I file the verification number may be left empty ({@code ""}): the receiving program numbers the
 *   verifications in its own series.</li>
 *   <li>One currency per file ({@code #VALUTA}): the seller's home currency. Entries in another currency are left
 *   out, and a {@code #PROSA} line says how many and in which currencies.</li>
 * </ul>
 *
 * <p>The file is streamed: the month is read twice through {@link LedgerRepository#forEachBooked} (first for the
 * accounts the {@code #KONTO} records must declare before the verifications, then for the verifications), in one
 * read-only repeatable-read transaction so that both reads see the same entries.
 */
@Service
class SieExport {

  /** PC8: the only encoding SIE 4 allows (IANA name IBM437). */
  public static final Charset PC8 = Charset.forName("IBM437");

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String CRLF = "\r\n";
  private static final Pattern SERIES = Pattern.compile("[A-Za-z0-9]{1,10}");
  /** Accounts in numeric order (they are 1-10 digits, see LedgerAccounts). */
  private static final Comparator<String> BY_NUMBER = Comparator.comparingInt(String::length)
      .thenComparing(Comparator.naturalOrder());
  /** Letters and signs code page 437 lacks, spelled with what it has; the rest lose their accents (NFKD). */
  private static final Map<Integer, String> SPELLING = Map.ofEntries(
      Map.entry((int) 'ø', "ö"), Map.entry((int) 'Ø', "Ö"),
      Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"), Map.entry((int) 'Đ', "D"), Map.entry((int) 'đ', "d"),
      Map.entry((int) 'Ð', "D"), Map.entry((int) 'ð', "d"), Map.entry((int) 'Þ', "Th"), Map.entry((int) 'þ', "th"),
      Map.entry((int) 'Œ', "OE"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'ı', "i"),
      Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x2032, "'"),
      Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""), Map.entry(0x2033, "\""),
      Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
      Map.entry(0x2014, "-"), Map.entry(0x2212, "-"), Map.entry(0x2026, "..."), Map.entry(0x2022, "*"),
      Map.entry(0x20AC, "EUR"), Map.entry((int) '×', "x"), Map.entry((int) '§', "par."));

  private final LedgerRepository ledger;
  private final LedgerAccounts accounts;
  private final SellerProperties seller;
  private final FordraClock clock;
  private final ClosedPeriods closedPeriods;
  private final String series;
  private final int fiscalYearStartMonth;

  public SieExport(LedgerRepository ledger, LedgerAccounts accounts, SellerProperties seller, FordraClock clock,
                   ClosedPeriods closedPeriods,
                   @Value("${fordra.sie.series:F}") String series,
                   @Value("${fordra.sie.fiscal-year-start-month:1}") int fiscalYearStartMonth) {
    if (series == null || !SERIES.matcher(series).matches()) {
      throw new IllegalStateException("fordra.sie.series must be 1-10 letters or digits, not " + series);
    }
    if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
      throw new IllegalStateException("fordra.sie.fiscal-year-start-month must be 1-12, not " + fiscalYearStartMonth);
    }
    this.ledger = ledger;
    this.accounts = accounts;
    this.seller = seller;
    this.clock = clock;
    this.closedPeriods = closedPeriods;
    this.series = series;
    this.fiscalYearStartMonth = fiscalYearStartMonth;
  }

  /** What went into a file, and what was left out (entries per currency). */
  public record Summary(int verifications, Map<String, Integer> leftOut) {}

  /** Where the entries of a month come from; read twice, the same entries in the same order each time. */
  @FunctionalInterface
  interface Entries {
    void forEach(Consumer<LedgerEntry> consumer);
  }

  /** The seller's home currency: the one currency of the file. */
  public String currency() {
    return seller.country() == Country.NO ? "NOK" : "SEK";
  }

  /**
   * The download's file name: fordra-&lt;org. no.&gt;-&lt;YYYY-MM&gt;.si. SIE names import files (type 4I) .si
   * and export files (types 1-4E) .se; accounting programs offer .si files to their SIE import.
   */
  public String fileName(YearMonth period) {
    String orgNo = seller.organisationNumber() == null ? ""
        : seller.organisationNumber().replaceAll("[^A-Za-z0-9-]", "");
    return "fordra-" + (orgNo.isEmpty() ? "" : orgNo + "-") + period + ".si";
  }

  /** Writes the SIE 4I file of the entries booked in {@code period} to {@code out} (which is flushed, not closed). */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Summary write(YearMonth period, OutputStream out) throws IOException {
    return write(period, consumer -> ledger.forEachBooked(period.atDay(1), period.atEndOfMonth(), consumer), out);
  }

  Summary write(YearMonth period, Entries entries, OutputStream out) throws IOException {
    String currency = currency();
    SortedSet<String> used = new TreeSet<>(BY_NUMBER);
    Map<String, Integer> leftOut = new TreeMap<>();
    entries.forEach(entry -> {
      if (currency.equals(entry.currency())) {
        entry.lines().forEach(line -> used.add(line.account()));
      } else {
        leftOut.merge(entry.currency(), 1, Integer::sum);
      }
    });

    Sie sie = new Sie(new BufferedWriter(new OutputStreamWriter(out, PC8.newEncoder()), 1 << 16));
    int[] written = {0};
    try {
      header(sie, period, currency, leftOut, used);
      entries.forEach(entry -> {
        if (currency.equals(entry.currency())) {
          sie.verification(entry);
          written[0]++;
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    sie.flush();
    return new Summary(written[0], Collections.unmodifiableMap(leftOut));
  }

  private void header(Sie sie, YearMonth period, String currency, Map<String, Integer> leftOut,
                      SortedSet<String> used) {
    sie.record("#FLAGGA", "0");
    sie.record("#PROGRAM", quote("Fordra"), quote(version()));
    sie.record("#FORMAT", "PC8");
    // A closed month's file never changes, not even its date: it is the month as it was closed.
    sie.record("#GEN", closedPeriods.closedOn(period).orElseGet(clock::today).format(DATE));
    sie.record("#SIETYP", "4");
    if (!leftOut.isEmpty()) {
      int count = leftOut.values().stream().mapToInt(Integer::intValue).sum();
      sie.record("#PROSA", quote(count + (count == 1 ? " ledger entry" : " ledger entries") + " of " + period
          + " in another currency than " + currency + " left out (a SIE file has one currency): "
          + leftOut.entrySet().stream().map(e -> e.getValue() + " in " + e.getKey())
              .collect(Collectors.joining(", "))));
    }
    String orgNo = seller.organisationNumber() == null ? "" : seller.organisationNumber().replaceAll("\\s", "");
    if (!orgNo.isEmpty()) {
      sie.record("#ORGNR", sie.text(orgNo));
    }
    sie.record("#FNAMN", quote(seller.name() == null ? "" : seller.name()));
    YearMonth yearStart = YearMonth.of(period.getYear(), fiscalYearStartMonth);
    if (yearStart.isAfter(period)) {
      yearStart = yearStart.minusYears(1);
    }
    sie.record("#RAR", "0", yearStart.atDay(1).format(DATE), yearStart.plusMonths(11).atEndOfMonth().format(DATE));
    sie.record("#VALUTA", currency);
    for (String account : used) {
      sie.record("#KONTO", account, quote(accounts.name(account)));
    }
  }

  private String version() {
    String version = SieExport.class.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "1.0" : version;
  }

  private String quote(String text) {
    return '"' + pc8(text).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /**
   * The text spelled with the characters of code page 437: what it has stays, what it lacks gets the nearest
   * spelling (see {@link #SPELLING}, else the letter without its accent); control characters become spaces.
   */
  static String pc8(String text) {
    CharsetEncoder encoder = PC8.newEncoder();
    StringBuilder spelled = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || c == 0xA0 || Character.isWhitespace(c)) {
        spelled.append(' ');
      } else if (Character.isBmpCodePoint(c) && encoder.canEncode((char) c)) {
        spelled.append((char) c);
      } else if (SPELLING.containsKey(c)) {
        spelled.append(SPELLING.get(c));
      } else {
        String plain = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "");
        boolean usable = !plain.isEmpty() && plain.chars().allMatch(p -> !Character.isISOControl(p)
            && encoder.canEncode((char) p));
        spelled.append(usable ? plain : "?");
      }
    });
    return spelled.toString();
  }

  /** The file being written: one record a line, CRLF. */
  private final class Sie {
    private final Writer out;

    Sie(Writer out) {
      this.out = out;
    }

    void record(String label, String... fields) {
      try {
        out.write(label);
        for (String field : fields) {
          out.write(' ');
          out.write(field);
        }
        out.write(CRLF);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** An unquoted field: no spaces, quotes or braces, in code page 437. */
    String text(String value) {
      return pc8(value).replaceAll("[\\s\"{}]", "");
    }

    void verification(LedgerEntry entry) {
      record("#VER", quote(series), quote(""), entry.bookingDate().format(DATE), quote(entry.text()));
      record("{");
      for (LedgerLine line : entry.lines()) {
        String amount = line.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        if (line.customerNumber() == null) {
          record("#TRANS", line.account(), "{}", amount);
        } else {
          record("#TRANS", line.account(), "{}", amount, quote(""), quote(line.customerNumber()));
        }
      }
      record("}");
    }

    void flush() throws IOException {
      out.flush();
    }
  }
}
