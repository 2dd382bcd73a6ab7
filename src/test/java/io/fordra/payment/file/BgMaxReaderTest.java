package io.fordra.payment.file;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fordra.kernel.FileRejected.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgMaxReaderTest {

  private static final String SAMPLE = "/payment-files/bgmax/two-deposits.txt";
  private static final LocalDate FRIDAY = LocalDate.of(2025, 3, 14);
  private static final LocalDate MONDAY = LocalDate.of(2025, 3, 17);

  private final BgMaxReader reader = new BgMaxReader();

  private static byte[] resource(String name) {
    try (InputStream in = BgMaxReaderTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The valid sample as lines, to break one thing at a time. Lines and positions are numbered from 1, as in the
   * file and in Bankgirot's manual.
   */
  private static final class Sample {
    private final List<String> lines = new ArrayList<>(List.of(new String(resource(SAMPLE), ISO_8859_1).split("\n")));

    String line(int line) {
      return lines.get(line - 1);
    }

    /** Overwrites positions {@code position}.. of {@code line} with {@code value}. */
    Sample put(int line, int position, String value) {
      String text = line(line);
      lines.set(line - 1, text.substring(0, position - 1) + value + text.substring(position - 1 + value.length()));
      return this;
    }

    Sample replace(int line, String text) {
      lines.set(line - 1, text);
      return this;
    }

    Sample insert(int line, String text) {
      lines.add(line - 1, text);
      return this;
    }

    Sample remove(int line) {
      lines.remove(line - 1);
      return this;
    }

    byte[] bytes() {
      return (String.join("\n", lines) + "\n").getBytes(ISO_8859_1);
    }
  }

  private static Problem problem(int line, String reason) {
    return new Problem("line " + line, reason);
  }

  private void assertRejected(byte[] file, Problem... expected) {
    PaymentFileRejected rejected = catchThrowableOfType(PaymentFileRejected.class, () -> reader.read(file));
    assertThat(rejected).as("the file is rejected").isNotNull();
    assertThat(rejected.problems()).containsExactly(expected);
  }

  @Nested
  class ValidFile {

    @Test
    void readsEveryFieldOfEveryPaymentInFileOrder() {
      ParsedPaymentFile file = reader.read(resource(SAMPLE));

      assertThat(file.payments()).containsExactly(
          // OCR reference, right aligned in the file, leading zeros kept; no name records
          new BankPayment("BG50501055-000000000101", new BigDecimal("1250.00"), "SEK", FRIDAY, List.of("0004711008"),
              null, null, null, "line 3", "Bankgiro 5678-1234"),
          // several references (code 3): the 20's own, then the 22s and the 23 (a credit note) in file order
          new BankPayment("BG50501055-000000000102", new BigDecimal("4800.00"), "SEK", FRIDAY,
              List.of("10234", "10235", "10236", "K90012"), null, "Byggmästare Nilsson AB", null, "line 4", "Bankgiro 1234-5678"),
          // wrong reference (code 5): the reference is still given, for manual matching
          new BankPayment("BG50501055-000000000103", new BigDecimal("300.00"), "SEK", FRIDAY, List.of("1234567890"),
              null, null, null, "line 9", "Bankgiro 2345-6789"),
          // no reference (code 1): information records, name with extra name, address, organisation number
          new BankPayment("BG50501055-000000000201", new BigDecimal("2150.50"), "SEK", MONDAY, List.of(),
              "Faktura 10240 och 10241\nTack för snabb leverans!",
              "Åsa Öbergs Trädgårdsanläggning AB Ekonomiavdelningen", "005569876543", "line 12", "Bankgiro 9876-5432"),
          // deduction: negative
          new BankPayment("BG50501055-000000000202", new BigDecimal("-450.00"), "SEK", MONDAY, List.of("10198"),
              null, "Öberg & Söner Åkeri AB", null, "line 19", "Bankgiro 5678-1234"),
          // code 3 with the references listed in the 20 and repeated in 22s (as Bankgirot's example file does)
          new BankPayment("BG50501055-000000000203", new BigDecimal("900.00"), "SEK", MONDAY,
              List.of("10250", "10251"), null, null, null, "line 21", "Bankgiro 3456-7890"));
    }

    @Test
    void formatAccountAndTotal() {
      ParsedPaymentFile file = reader.read(resource(SAMPLE));

      assertThat(file.format()).isEqualTo(ParsedPaymentFile.Format.BGMAX);
      assertThat(file.account()).isEqualTo("50501055");
      // 1250.00 + 4800.00 + 300.00 (deposit 1) + 2150.50 - 450.00 + 900.00 (deposit 2)
      assertThat(file.total()).isEqualTo(new BigDecimal("8950.50"));
      assertThat(file.payments()).extracting(BankPayment::amount).allMatch(amount -> amount.scale() == 2);
    }

    @Test
    void sampleIsIso88591WithRecordsOf80Bytes() {
      byte[] bytes = resource(SAMPLE);

      assertThat(bytes).hasSize(25 * 81);
      assertThat(bytes).contains((byte) 0xE5, (byte) 0xE4, (byte) 0xF6, (byte) 0xC5, (byte) 0xD6); // å ä ö Å Ö
    }

    @Test
    void extraReferenceAmountsSplitThePaymentAndDoNotAddToTheDeposit() {
      // the deposit of line 10 is 20s minus 21s only; whatever the 22/23s of line 5-7 say, it still balances
      byte[] file = new Sample().put(5, 38, "000000000099999999").put(7, 38, "000000000000000000").bytes();

      assertThat(reader.read(file).payments()).hasSize(6);
    }

    @Test
    void crlfLineEndsAndTrailingBlankLinesAreFine() {
      String text = new String(resource(SAMPLE), ISO_8859_1);
      byte[] crlf = (text.replace("\n", "\r\n") + "\r\n").getBytes(ISO_8859_1);
      byte[] withoutFinalNewline = text.substring(0, text.length() - 1).getBytes(ISO_8859_1);

      assertThat(reader.read(crlf)).isEqualTo(reader.read(resource(SAMPLE)));
      assertThat(reader.read(withoutFinalNewline)).isEqualTo(reader.read(resource(SAMPLE)));
    }

    @Test
    void testFileIsAccepted() {
      assertThat(reader.read(new Sample().put(1, 45, "T").bytes()).payments()).hasSize(6);
    }

    @Test
    void readsFromAStream() {
      assertThat(reader.read(new ByteArrayInputStream(resource(SAMPLE)))).isEqualTo(reader.read(resource(SAMPLE)));
    }

    @Test
    void fileWithoutDepositsHasNoPayments() {
      Sample sample = new Sample();
      byte[] file = (sample.line(1) + "\n" + "70" + "0".repeat(32) + " ".repeat(46) + "\n").getBytes(ISO_8859_1);

      ParsedPaymentFile parsed = reader.read(file);

      assertThat(parsed.payments()).isEmpty();
      assertThat(parsed.total()).isEqualTo(new BigDecimal("0.00"));
      assertThat(parsed.account()).isNull();
    }
  }

  /** Files as banks and others write them: read, with a remark for what the manual says otherwise (issue 16). */
  @Nested
  class FilesAsTheyCome {

    private static final LocalDate EXAMPLE_DAY = LocalDate.of(2004, 5, 25);

    @Test
    void aSerialNumberUsedAgainInAnotherDeposit_isReadWithIdsThatAddTheDeposit() {
      // the payment of line 21 (deposit 2, 2025-03-17 serial 00075) has the BGC serial number of line 3 (deposit 1)
      ParsedPaymentFile file = reader.read(new Sample().put(21, 58, "000000000101").bytes());

      assertThat(file.payments()).extracting(BankPayment::bankTransactionId).containsExactly(
          "BG50501055-000000000101-20250314-00074", "BG50501055-000000000102", "BG50501055-000000000103",
          "BG50501055-000000000201", "BG50501055-000000000202", "BG50501055-000000000101-20250317-00075");
      assertThat(file.remarks()).containsExactly("BGC serial number 000000000101 is used by 2 payments (lines 3, 21):"
          + " their bank transaction ids add their deposit's date and serial number to be unique");
      // read again (the same file, or another file from the bank with these deposits): the same ids
      assertThat(reader.read(new Sample().put(21, 58, "000000000101").bytes()).payments())
          .isEqualTo(file.payments());
      // a file whose serial numbers are unique keeps the ids Fordra has always given: earlier imports still match
      assertThat(reader.read(resource(SAMPLE)).payments().get(0).bankTransactionId())
          .isEqualTo("BG50501055-000000000101");
      assertThat(reader.read(resource(SAMPLE)).remarks()).isEmpty();
    }

    @Test
    void aSenderBankgiroPaddedWithBlanks_isReadWithoutThem() {
      ParsedPaymentFile file = reader.read(new Sample().put(3, 3, "56781234  ").put(9, 3, "          ").bytes());

      assertThat(file.payments().get(0).payerAccount()).isEqualTo("Bankgiro 5678-1234");
      assertThat(file.payments().get(2).payerAccount()).isNull();
      assertThat(file.remarks()).containsExactly(
          "Sender's bankgiro number padded with blanks, not zeros (read without the blanks): lines 3, 9");
    }

    @Test
    void trailingBlanksTrimmed_thePaddingIsPutBack() {
      Sample sample = new Sample();
      byte[] file = sample.replace(25, sample.line(25).stripTrailing()).replace(3, sample.line(3).stripTrailing())
          .bytes();

      ParsedPaymentFile parsed = reader.read(file);

      assertThat(parsed.payments()).isEqualTo(reader.read(resource(SAMPLE)).payments());
      assertThat(parsed.remarks()).containsExactly(
          "Shorter than 80 characters, trailing blanks trimmed (read as if padded with blanks): lines 3, 25");
    }

    @Test
    void aFileCutOffInsideARecordIsStillRefused() {
      Sample sample = new Sample();
      assertRejected(sample.replace(25, sample.line(25).substring(0, 20)).bytes(),
          problem(25, "number of extra reference records (22 and 23) (positions 19-26) is '00      ', expected digits"),
          problem(25, "number of deposit records (15) (positions 27-34) is '        ', expected digits"));
      assertRejected(new Sample().remove(25).replace(24, "15000000000000000000000584100000100982025031700075").bytes(),
          problem(24, "deposit amount (positions 51-68) is '                  ', expected digits"),
          problem(24, "number of payments (positions 72-79) is '        ', expected digits"),
          problem(24, "deposit currency is '   ', the 05 opening record on line 11 says 'SEK'"),
          problem(24, "the last record must be a 70 end record, found '15'"));
    }

    /** Bankgirot's example file (OCR check with check digit and length), as it circulates: CRLF, edited. */
    @Test
    void bankgirotsExampleFileWithCheckDigitAndLength() {
      ParsedPaymentFile file = reader.read(resource("/payment-files/bgmax/bankgirot-exempelfil-ocr-kontroll-checksiffra-langd.txt"));

      assertThat(file.account()).isEqualTo("9912346");
      assertThat(file.payments()).hasSize(7);
      assertThat(file.total()).isEqualTo(new BigDecimal("9900.00"));
      assertThat(file.payments()).extracting(BankPayment::amount).map(BigDecimal::toPlainString).containsExactly(
          "1000.00", "-500.00", "1400.00", "1100.00", "1200.00", "700.00", "5000.00");
      assertThat(file.payments()).extracting(BankPayment::bookingDate).containsOnly(EXAMPLE_DAY);
      // code 3: the references of the 20, then the 22s; the 22 written with tabs (line 17) is read too
      assertThat(file.payments().get(2).references()).containsExactly("657866", "658765", "657767", "657965");
      assertThat(file.payments().get(2).remittanceText()).isEqualTo("Betalning med extra refnr 657965");
      assertThat(file.payments().get(1).payerOrganisationNumber()).isEqualTo("005500001234");
      // serial number 000000000016 twice in the second deposit
      assertThat(file.payments()).extracting(BankPayment::bankTransactionId).containsExactly(
          "BG9912346-000000000010", "BG9912346-000230000111", "BG9912346-000000000014", "BG9912346-000000000012",
          "BG9912346-000000000013", "BG9912346-000000000016-20040525-00075",
          "BG9912346-000000000016-20040525-00075-2");
      assertThat(file.remarks()).containsExactly(
          "BGC serial number 000000000016 is used by 2 payments (lines 35, 40): their bank transaction ids add their"
              + " deposit's date and serial number to be unique",
          "Tabs instead of blanks (expanded to every 8th column): line 17",
          "Shorter than 80 characters, trailing blanks trimmed (read as if padded with blanks): lines 16, 17, 50");
    }

    /** Bankgirot's example file (OCR check), as it comes: no line breaks, a sender bankgiro padded with a blank. */
    @Test
    void bankgirotsExampleFileWithOcrCheck() {
      ParsedPaymentFile file = reader.read(resource("/payment-files/bgmax/bankgirot-exempelfil-ocr-kontroll.txt"));

      assertThat(file.payments()).hasSize(4);
      assertThat(file.total()).isEqualTo(new BigDecimal("2100.00"));
      assertThat(file.payments().get(2).references()).containsExactly("65896", "65862", "65763");
      assertThat(file.payments().get(3).payerAccount()).isEqualTo("Bankgiro 970-1233");
      assertThat(file.payments().get(3).references()).containsExactly("65581");
      assertThat(file.payments().get(3).remittanceText()).isEqualTo("Faktura65581 Kundnr1233");
      assertThat(file.remarks()).containsExactly("The file has no line breaks: read as records of 80 characters",
          "Sender's bankgiro number padded with blanks, not zeros (read without the blanks): line 17");
    }

    @Test
    void bankgirotsExampleFileWithoutOptions() {
      ParsedPaymentFile file = reader.read(resource("/payment-files/bgmax/bankgirot-exempelfil-utan-tillval.txt"));

      assertThat(file.payments()).hasSize(5);
      assertThat(file.total()).isEqualTo(new BigDecimal("850.00"));
      assertThat(file.payments().get(0).remittanceText()).isEqualTo("Här är betalning från mig till dig");
      assertThat(file.remarks()).containsExactly("The file has no line breaks: read as records of 80 characters");
    }

    @Test
    void bankgirotsExampleFileWithExtendedFormRegistration() {
      ParsedPaymentFile file =
          reader.read(resource("/payment-files/bgmax/bankgirot-exempelfil-utokad-blankettregistrering.txt"));

      assertThat(file.payments()).hasSize(7);
      assertThat(file.total()).isEqualTo(new BigDecimal("8600.00"));
      assertThat(file.payments().get(0).references()).containsExactly("665760", "665869", "665661");
      assertThat(file.payments().get(1).payerOrganisationNumber()).isEqualTo("00550000432");
      assertThat(file.payments()).extracting(BankPayment::bankTransactionId).doesNotHaveDuplicates();
    }

    /** The corpus: every BgMax file here is read, with its payments, total and remarks. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        two-deposits.txt                                         | 6 | 8950.50 | 0
        bankgirot-exempelfil-ocr-kontroll-checksiffra-langd.txt  | 7 | 9900.00 | 3
        bankgirot-exempelfil-ocr-kontroll.txt                    | 4 | 2100.00 | 2
        bankgirot-exempelfil-utan-tillval.txt                    | 5 |  850.00 | 1
        bankgirot-exempelfil-utokad-blankettregistrering.txt     | 7 | 8600.00 | 1
        deductions-and-eur.txt                                   | 5 | 1350.50 | 0
        """)
    void everyFileOfTheCorpusIsRead(String name, int payments, String total, int remarks) {
      ParsedPaymentFile file = reader.read(resource("/payment-files/bgmax/" + name));

      assertThat(file.payments()).hasSize(payments);
      assertThat(file.total()).isEqualTo(new BigDecimal(total));
      assertThat(file.remarks()).hasSize(remarks);
      assertThat(file.aside()).isEmpty();
      assertThat(file.payments()).extracting(BankPayment::bankTransactionId).doesNotHaveDuplicates();
    }

    @Test
    void deductionsWithTheirCodesAndAnEurSection() {
      ParsedPaymentFile file = reader.read(resource("/payment-files/bgmax/deductions-and-eur.txt"));
      LocalDate day = LocalDate.of(2026, 11, 30);

      assertThat(file.payments()).containsExactly(
          new BankPayment("BG50501055-000000310001", new BigDecimal("1500.00"), "SEK", day, List.of("4711008"), null,
              "Nilssons Bygg AB", "005560360793", "line 3", "Bankgiro 5678-1234"),
          new BankPayment("BG50501055-000000310002", new BigDecimal("-250.00"), "SEK", day, List.of("4711107"),
              "Aterbetalning dubbelbetalning", null, null, "line 6", "Bankgiro 5678-1234"),
          new BankPayment("BG50501055-000000310003", new BigDecimal("-100.00"), "SEK", day, List.of("10198"), null,
              "Öberg & Söner Åkeri AB", null, "line 8", "Bankgiro 9876-5432"),
          new BankPayment("BG50501055-000000410001", new BigDecimal("120.50"), "EUR", day, List.of("20260042"), null,
              null, null, "line 12", "Bankgiro 1234-5678"),
          new BankPayment("BG50501055-000000410002", new BigDecimal("80.00"), "EUR", day, List.of(),
              "Invoice 10023, thank you", "Müller GmbH", null, "line 13", null));
      assertThat(file.remarks()).isEmpty();
    }
  }

  @Nested
  class MalformedFile {

    @Test
    void emptyFile() {
      assertRejected(new byte[0], problem(1, "the file is empty: a BgMax file has at least a 01 and a 70 record"));
      assertRejected("\r\n\n".getBytes(ISO_8859_1),
          problem(1, "the file is empty: a BgMax file has at least a 01 and a 70 record"));
    }

    @Test
    void recordTooShort() {
      Sample sample = new Sample();
      assertRejected(sample.replace(3, sample.line(3).substring(0, 79)).bytes(),
          problem(3, "record is 79 characters long, expected 80"));
    }

    @Test
    void recordTooLong() {
      Sample sample = new Sample();
      assertRejected(sample.replace(8, sample.line(8) + " ").bytes(),
          problem(8, "record is 81 characters long, expected 80"));
    }

    @Test
    void blankLineInsideTheFile() {
      assertRejected(new Sample().insert(11, "").bytes(),
          problem(11, "blank line inside the file: every record must be 80 characters"));
    }

    @Test
    void badLayoutName() {
      assertRejected(new Sample().put(1, 3, "BGMIN").bytes(), problem(1, "layout name is 'BGMIN', expected BGMAX"));
    }

    @Test
    void badStartRecord() {
      assertRejected(new Sample().put(1, 23, "02").put(1, 29, "0231").put(1, 45, "X").bytes(),
          problem(1, "layout version is '02', expected 01"),
          problem(1, "time stamp (positions 25-44) is '20250231163035010331', expected a valid yyyyMMddHHmmssSSSSSS"),
          problem(1, "test marker (position 45) is 'X', expected T (test) or P (production)"));
    }

    @Test
    void firstRecordIsNotAStartRecord() {
      assertRejected(new Sample().remove(1).bytes(), problem(1, "the first record must be a 01 start record, found '05'"));
    }

    @Test
    void missingEndRecord() {
      assertRejected(new Sample().remove(25).bytes(),
          problem(24, "the last record must be a 70 end record, found '15'"));
    }

    @Test
    void recordAfterTheEndRecord() {
      Sample sample = new Sample();
      assertRejected(sample.insert(26, sample.line(13)).bytes(), problem(26, "record after the 70 end record on line 25"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        3  | 00000004 | end record says 4 payment records (20), the file has 5
        11 | 00000000 | end record says 0 deduction records (21), the file has 1
        19 | 00000004 | end record says 4 extra reference records (22 and 23), the file has 5
        27 | 00000003 | end record says 3 deposit records (15), the file has 2
        """)
    void endRecordCountMismatch(int position, String count, String reason) {
      assertRejected(new Sample().put(25, position, count).bytes(), problem(25, reason));
    }

    @Test
    void depositAmountMismatch() {
      assertRejected(new Sample().put(10, 51, "000000000000634900").bytes(),
          problem(10, "deposit amount is 6349.00, the section from line 2 sums to 6350.00 (20s minus 21s)"));
    }

    @Test
    void depositAmountThatAddsTheDeductionInsteadOfSubtractingIt() {
      // 2150.50 + 450.00 + 900.00
      assertRejected(new Sample().put(24, 51, "000000000000350050").bytes(),
          problem(24, "deposit amount is 3500.50, the section from line 11 sums to 2600.50 (20s minus 21s)"));
    }

    @Test
    void depositCountMismatch() {
      assertRejected(new Sample().put(10, 72, "00000004").bytes(),
          problem(10, "deposit record says 4 payments, the section from line 2 has 3 (20 and 21 records)"));
    }

    @Test
    void depositCurrencyMismatch() {
      assertRejected(new Sample().put(10, 69, "EUR").bytes(),
          problem(10, "deposit currency is 'EUR', the 05 opening record on line 2 says 'SEK'"));
    }

    @Test
    void nonNumericAmount() {
      // reported once: the deposit sum of a section with an unreadable amount is not compared
      assertRejected(new Sample().put(3, 38, "00000000000012500O").bytes(),
          problem(3, "amount (positions 38-55) is '00000000000012500O', expected digits"));
    }

    @Test
    void nonNumericCount() {
      assertRejected(new Sample().put(24, 72, "0000003 ").bytes(),
          problem(24, "number of payments (positions 72-79) is '0000003 ', expected digits"));
    }

    @Test
    void invalidPaymentDate() {
      assertRejected(new Sample().put(24, 38, "20250230").bytes(),
          problem(24, "payment date (positions 38-45) is '20250230', expected a valid date yyyyMMdd"));
    }

    @Test
    void unknownTransactionCode() {
      assertRejected(new Sample().insert(13, "30" + " ".repeat(78)).bytes(),
          problem(13, "unknown transaction code '30'"));
    }

    @Test
    void paymentOutsideASection() {
      Sample sample = new Sample();
      byte[] file = sample.insert(11, sample.line(9).replace("000000000103", "000000000104"))
          .put(26, 3, "00000006").bytes();

      assertRejected(file,
          problem(11, "20 payment record outside a deposit section (no 05 opening record before it)"));
    }

    @Test
    void extraReferenceWithoutPayment() {
      Sample sample = new Sample();
      assertRejected(sample.insert(12, sample.line(5)).put(26, 19, "00000006").bytes(),
          problem(12, "22 record does not follow a 20 payment or 21 deduction record"));
    }

    @Test
    void sectionWithoutDepositRecord() {
      assertRejected(new Sample().remove(10).bytes(),
          problem(10, "05 opening record, but the deposit section opened on line 2 has no 15 deposit record yet"),
          problem(24, "end record says 2 deposit records (15), the file has 1"));
    }

    @Test
    void lastSectionWithoutDepositRecord() {
      assertRejected(new Sample().remove(24).bytes(),
          problem(11, "the deposit section opened here has no 15 deposit record"),
          problem(24, "end record says 2 deposit records (15), the file has 1"));
    }

    @Test
    void unknownReferenceCodeAndBlankSerialNumber() {
      assertRejected(new Sample().put(9, 56, "7").put(9, 58, " ".repeat(12)).bytes(),
          problem(9, "reference code (position 56) is 7, expected 0-5"),
          problem(9, "BGC serial number (positions 58-69) is blank"));
    }

    @Test
    void everyProblemIsListedInLineOrder() {
      Sample sample = new Sample();
      byte[] file = sample
          .put(25, 27, "00000003")
          .put(24, 69, "NOK")
          .replace(14, "24" + sample.line(14).substring(2))
          .put(9, 56, "7")
          .replace(3, sample.line(3).substring(0, 71))
          .put(1, 3, "BGMIN")
          .bytes();

      assertRejected(file,
          problem(1, "layout name is 'BGMIN', expected BGMAX"),
          problem(3, "record is 71 characters long, expected 80"),
          problem(9, "reference code (position 56) is 7, expected 0-5"),
          problem(14, "unknown transaction code '24'"),
          problem(24, "deposit currency is 'NOK', the 05 opening record on line 11 says 'SEK'"),
          problem(25, "end record says 3 deposit records (15), the file has 2"));
    }

    @Test
    void theExceptionMessageNamesEveryProblem() {
      PaymentFileRejected rejected = catchThrowableOfType(PaymentFileRejected.class,
          () -> reader.read(new Sample().put(10, 69, "EUR").put(24, 69, "EUR").bytes()));

      assertThat(rejected.getMessage()).startsWith("2 problems: ").contains("line 10: deposit currency is 'EUR'")
          .contains("line 24: deposit currency is 'EUR'");
    }
  }
}
