package io.fordra.invoice.file;

import static io.fordra.invoice.file.InvoiceFileColumn.ARTICLE_NUMBER;
import static io.fordra.invoice.file.InvoiceFileColumn.CURRENCY;
import static io.fordra.invoice.file.InvoiceFileColumn.CUSTOMER_NUMBER;
import static io.fordra.invoice.file.InvoiceFileColumn.DESCRIPTION;
import static io.fordra.invoice.file.InvoiceFileColumn.DUE_DATE;
import static io.fordra.invoice.file.InvoiceFileColumn.INVOICE_NUMBER;
import static io.fordra.invoice.file.InvoiceFileColumn.ISSUE_DATE;
import static io.fordra.invoice.file.InvoiceFileColumn.NAME;
import static io.fordra.invoice.file.InvoiceFileColumn.QUANTITY;
import static io.fordra.invoice.file.InvoiceFileColumn.UNIT_PRICE;
import static io.fordra.invoice.file.InvoiceFileColumn.VAT_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fordra.invoice.file.InvoiceCsvReader.Row;
import io.fordra.invoice.file.InvoiceCsvReader.Scan;
import io.fordra.kernel.FileRejected.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader of invoice CSV files and the number and date parsing of FileInvoice; no Spring. */
class InvoiceCsvReaderTest {

  private static final Charset UTF8 = StandardCharsets.UTF_8;
  private static final Charset CP1252 = Charset.forName("windows-1252");

  /** The smallest header that opens: the required columns and description. */
  private static final String MINIMAL = "invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity";

  // ---------------------------------------------------------------------------------------------------------------
  // 1. UTF-8 with BOM, ';', decimal comma

  @Test
  void utf8WithBomAndSemicolonsReadsHeaderAndValuesExactly() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = ("invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity;unitPrice;vatRate\r\n"
        + "F-1001;K-17;2026-11-01;2026-11-30;SEK;Konsulttimmar, senior;1,5;1 250,50;25\r\n"
        + "F-1001;K-17;2026-11-01;2026-11-30;SEK;Resa Malmö–Lund;1;-89,90;12,5\r\n").getBytes(UTF8);
    byte[] file = concat(bom, body);

    Scan scan = InvoiceCsvReader.scan(new ByteArrayInputStream(file));
    assertThat(scan.charset()).isEqualTo(UTF8);
    assertThat(scan.bytes()).isEqualTo(file.length);

    try (InvoiceCsvReader reader = InvoiceCsvReader.open(new ByteArrayInputStream(file), scan.charset())) {
      assertThat(reader.separator()).isEqualTo(';');
      Row first = reader.next();
      assertThat(first.line()).isEqualTo(2);
      assertThat(first.problem()).isNull();
      // the BOM is not part of the first header name: invoiceNumber maps
      assertThat(first.get(INVOICE_NUMBER)).isEqualTo("F-1001");
      assertThat(first.values()).containsExactly(
          entry(INVOICE_NUMBER, "F-1001"),
          entry(CUSTOMER_NUMBER, "K-17"),
          entry(ISSUE_DATE, "2026-11-01"),
          entry(DUE_DATE, "2026-11-30"),
          entry(CURRENCY, "SEK"),
          entry(DESCRIPTION, "Konsulttimmar, senior"),
          entry(QUANTITY, "1,5"),
          entry(UNIT_PRICE, "1 250,50"),
          entry(VAT_RATE, "25"));
      assertThat(SpreadsheetNumbers.decimal(first.get(QUANTITY))).isEqualTo(new BigDecimal("1.5"));
      assertThat(SpreadsheetNumbers.decimal(first.get(UNIT_PRICE))).isEqualTo(new BigDecimal("1250.50"));
      assertThat(FileInvoice.date(first.get(DUE_DATE))).isEqualTo(LocalDate.of(2026, 11, 30));

      Row second = reader.next();
      assertThat(second.line()).isEqualTo(3);
      assertThat(second.problem()).isNull();
      assertThat(second.get(DESCRIPTION)).isEqualTo("Resa Malmö–Lund");
      assertThat(second.get(UNIT_PRICE)).isEqualTo("-89,90");
      assertThat(second.get(VAT_RATE)).isEqualTo("12,5");

      assertThat(reader.next()).isNull();
      assertThat(reader.next()).isNull();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. Quoted separators, line breaks and quotes; line numbers after a multi-line record

  @ParameterizedTest(name = "line break {index}")
  @ValueSource(strings = {"\r\n", "\n"})
  void quotedFieldsWithSeparatorLineBreakAndQuotes(String nl) throws IOException {
    String file = "invoiceNumber,customerNumber,issueDate,dueDate,currency,description,quantity" + nl
        + "F-1,K-1,2026-11-01,2026-11-30,SEK,\"Konsult, senior\",2" + nl                              // line 2
        + "F-1,K-1,2026-11-01,2026-11-30,SEK,\"Rad ett" + nl + "rad två med \"\"citat\"\"\",3" + nl   // lines 3-4
        + "F-2,K-2,2026-11-02,2026-12-02,EUR,\"\"\"Licens\"\"\",1" + nl;                              // line 5

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      assertThat(reader.separator()).isEqualTo(',');
      List<Row> rows = all(reader);

      assertThat(rows).extracting(Row::line).containsExactly(2, 3, 5);
      assertThat(rows).extracting(Row::problem).containsOnlyNulls();
      assertThat(rows.get(0).get(DESCRIPTION)).isEqualTo("Konsult, senior");
      assertThat(rows.get(0).get(QUANTITY)).isEqualTo("2");
      assertThat(rows.get(1).get(DESCRIPTION)).isEqualTo("Rad ett" + nl + "rad två med \"citat\"");
      assertThat(rows.get(1).get(QUANTITY)).isEqualTo("3");
      assertThat(rows.get(2).values()).containsExactly(
          entry(INVOICE_NUMBER, "F-2"),
          entry(CUSTOMER_NUMBER, "K-2"),
          entry(ISSUE_DATE, "2026-11-02"),
          entry(DUE_DATE, "2026-12-02"),
          entry(CURRENCY, "EUR"),
          entry(DESCRIPTION, "\"Licens\""),
          entry(QUANTITY, "1"));
    }
  }

  @Test
  void lineNumbersFollowARecordSpanningThreeLinesAndALastRowWithoutLineBreak() throws IOException {
    String file = MINIMAL + "\n"
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;\"a\n\nb\";1\n"      // lines 2-4 (an empty line inside the quotes)
        + "\n"                                                   // line 5
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;c;2";              // line 6, no line break at the end

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      List<Row> rows = all(reader);
      assertThat(rows).extracting(Row::line).containsExactly(2, 6);
      assertThat(rows.get(0).get(DESCRIPTION)).isEqualTo("a\n\nb");
      assertThat(rows.get(1).get(QUANTITY)).isEqualTo("2");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. Tab-separated

  @Test
  void tabSeparatedHeader() throws IOException {
    String file = "invoiceNumber\tcustomerNumber\tissueDate\tdueDate\tcurrency\tdescription\tquantity\tunitPrice\n"
        + "F-7\tK-7\t2026-11-01\t2026-11-30\tNOK\tVask; trapp, oppgang\t4\t1.250,00\n";

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      assertThat(reader.separator()).isEqualTo('\t');
      Row row = reader.next();
      assertThat(row.line()).isEqualTo(2);
      assertThat(row.problem()).isNull();
      assertThat(row.values()).containsExactly(
          entry(INVOICE_NUMBER, "F-7"),
          entry(CUSTOMER_NUMBER, "K-7"),
          entry(ISSUE_DATE, "2026-11-01"),
          entry(DUE_DATE, "2026-11-30"),
          entry(CURRENCY, "NOK"),
          entry(DESCRIPTION, "Vask; trapp, oppgang"),
          entry(QUANTITY, "4"),
          entry(UNIT_PRICE, "1.250,00"));
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void separatorIsTakenFromTheHeaderLineOnly() throws IOException {
    // the header has six ',' and no ';'; the row has more ';' than the file has ','
    String file = "\"invoiceNumber\",\"customerNumber\",issueDate,dueDate,currency,description,quantity\n"
        + "F-1,K-1,2026-11-01,2026-11-30,SEK,a;b;c;d;e;f;g;h;i;j;k;l;m;n;o;p,1\n";
    try (InvoiceCsvReader reader = open(file, UTF8)) {
      assertThat(reader.separator()).isEqualTo(',');
      Row row = reader.next();
      assertThat(row.get(INVOICE_NUMBER)).isEqualTo("F-1");
      assertThat(row.get(DESCRIPTION)).isEqualTo("a;b;c;d;e;f;g;h;i;j;k;l;m;n;o;p");
    }
  }

  @Test
  void separatorsInsideAQuotedHeaderCellDoNotCount() {
    // eight ';' inside quotes, seven ',' outside: the separator is ',' and the quoted cell is one unknown column
    assertRejected("invoiceNumber,customerNumber,issueDate,dueDate,currency,description,quantity,\"a;b;c;d;e;f;g;h;i\"\n"
        .getBytes(UTF8), new Problem("line 1", "unknown column a;b;c;d;e;f;g;h;i; the columns are invoiceNumber,"
        + " customerNumber, name, type, country, organisationNumber, email, invoiceEmail, street, postalCode, city,"
        + " preferredChannel, issueDate, dueDate, currency, articleNumber, description, quantity, unitPrice, vatRate,"
        + " orderReference, deliveryDate, periodFrom, periodTo, servicePeriodFrom, servicePeriodTo"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 4. Blank rows

  @Test
  void blankRowsAreSkippedButCounted() throws IOException {
    String file = MINIMAL + "\n"                                  // 1
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;a;1\n"                // 2
        + "\n"                                                     // 3
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;b;2\n"                // 4
        + ";;;;\n"                                                 // 5 only separators
        + "  ; ;\t;\n"                                             // 6 only blanks and separators
        + ";;;;;;\n"                                               // 7 as many separators as the header
        + "F-2;K-2;2026-11-01;2026-11-30;SEK;c;3\n"                // 8
        + "\n"                                                     // 9
        + "\n";                                                    // 10

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      List<Row> rows = all(reader);
      assertThat(rows).extracting(Row::line).containsExactly(2, 4, 8);
      assertThat(rows).extracting(r -> r.get(DESCRIPTION)).containsExactly("a", "b", "c");
      assertThat(rows).extracting(Row::problem).containsOnlyNulls();
    }
  }

  @Test
  void headerWithoutRowsGivesNoRow() throws IOException {
    try (InvoiceCsvReader reader = open(MINIMAL + "\r\n\r\n", UTF8)) {
      assertThat(reader.next()).isNull();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 5. Charset detection and hash

  @Test
  void windows1252IsDetectedAndReadWithThatCharset() throws Exception {
    byte[] file = (MINIMAL + ";name\r\n"
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;Städning – trapphus;1;Åkesson Görel\r\n").getBytes(CP1252);
    // the bytes really are not UTF-8: Ä/ö/å are single bytes, the en dash is 0x96
    assertThat(file).contains((byte) 0xC5, (byte) 0xF6, (byte) 0x96);

    Scan scan = InvoiceCsvReader.scan(new ByteArrayInputStream(file));
    assertThat(scan.charset()).isEqualTo(CP1252);
    assertThat(scan.charset()).isEqualTo(InvoiceCsvReader.WINDOWS_1252);
    assertThat(scan.sha256()).isEqualTo(sha256(file));
    assertThat(scan.bytes()).isEqualTo(file.length);

    try (InvoiceCsvReader reader = InvoiceCsvReader.open(new ByteArrayInputStream(file), scan.charset())) {
      Row row = reader.next();
      assertThat(row.line()).isEqualTo(2);
      assertThat(row.get(NAME)).isEqualTo("Åkesson Görel");
      assertThat(row.get(DESCRIPTION)).isEqualTo("Städning – trapphus");
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void utf8IsDetectedAndHashed() throws Exception {
    byte[] file = (MINIMAL + ";name\n" + "F-1;K-1;2026-11-01;2026-11-30;SEK;Städning;1;Åkesson Görel\n")
        .getBytes(UTF8);

    Scan scan = InvoiceCsvReader.scan(new ByteArrayInputStream(file));
    assertThat(scan.charset()).isEqualTo(UTF8);
    assertThat(scan.sha256()).isEqualTo(sha256(file));
    assertThat(scan.sha256()).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(scan.bytes()).isEqualTo(file.length);

    try (InvoiceCsvReader reader = InvoiceCsvReader.open(new ByteArrayInputStream(file), scan.charset())) {
      assertThat(reader.next().get(NAME)).isEqualTo("Åkesson Görel");
    }
  }

  @Test
  void largeFilesAreHashedWholeWhetherTheNonUtf8ByteComesLateOrNot() throws Exception {
    StringBuilder rows = new StringBuilder(MINIMAL + ";name\n");
    for (int i = 0; rows.length() < 300_000; i++) {
      rows.append("F-").append(i).append(";K-1;2026-11-01;2026-11-30;SEK;Städning ").append(i).append(";1;Görel\n");
    }
    byte[] utf8 = rows.toString().getBytes(UTF8);
    Scan utf8Scan = InvoiceCsvReader.scan(new ByteArrayInputStream(utf8));
    assertThat(utf8Scan.charset()).isEqualTo(UTF8);
    assertThat(utf8Scan.sha256()).isEqualTo(sha256(utf8));
    assertThat(utf8Scan.bytes()).isEqualTo(utf8.length);

    // valid UTF-8 for 300 kB, then one windows-1252 'ö' near the end
    byte[] late = concat(utf8, "F-x;K-1;2026-11-01;2026-11-30;SEK;ö;1;x\n".getBytes(CP1252));
    Scan lateScan = InvoiceCsvReader.scan(new ByteArrayInputStream(late));
    assertThat(lateScan.charset()).isEqualTo(CP1252);
    assertThat(lateScan.sha256()).isEqualTo(sha256(late));
    assertThat(lateScan.bytes()).isEqualTo(late.length);

    // a non-UTF-8 byte right at the start; the rest must still be hashed
    byte[] early = rows.toString().replaceFirst("Städning", "St\u00e4dning").getBytes(CP1252);
    Scan earlyScan = InvoiceCsvReader.scan(new ByteArrayInputStream(early));
    assertThat(earlyScan.charset()).isEqualTo(CP1252);
    assertThat(earlyScan.sha256()).isEqualTo(sha256(early));
    assertThat(earlyScan.bytes()).isEqualTo(early.length);
  }

  @Test
  void emptyInputScansAsZeroBytes() throws Exception {
    Scan scan = InvoiceCsvReader.scan(new ByteArrayInputStream(new byte[0]));
    assertThat(scan.bytes()).isZero();
    assertThat(scan.charset()).isEqualTo(UTF8);
    assertThat(scan.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 6. Whole-file rejections

  @Test
  void emptyFileIsRejected() {
    assertRejected(new byte[0], new Problem("file", "is empty"));
  }

  @Test
  void fileOfBlankLinesIsRejectedAsEmpty_blankLinesBeforeTheHeaderAreSkippedAndCounted() throws IOException {
    assertRejected("\r\n\n;;\n".getBytes(UTF8), new Problem("file", "is empty"));
    try (InvoiceCsvReader reader = open("\n\n" + MINIMAL + "\nF-1;C-1;2026-11-01;2026-12-01;SEK;Tjänst;1\n",
        UTF8)) {
      Row row = reader.next();
      assertThat(row.line()).isEqualTo(4);
      assertThat(row.get(InvoiceFileColumn.DESCRIPTION)).isEqualTo("Tjänst");
    }
  }

  @Test
  void fileWithOnlyAByteOrderMarkIsRejectedAsEmpty() {
    assertRejected(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new Problem("file", "is empty"));
  }

  @Test
  void unknownColumnIsRejectedAndNamed() {
    assertRejected((MINIMAL + ";Kommentar\n").getBytes(UTF8), new Problem("line 1", "unknown column Kommentar;"
        + " the columns are invoiceNumber, customerNumber, name, type, country, organisationNumber, email,"
        + " invoiceEmail, street, postalCode, city, preferredChannel, issueDate, dueDate, currency, articleNumber,"
        + " description, quantity, unitPrice, vatRate, orderReference, deliveryDate, periodFrom, periodTo,"
        + " servicePeriodFrom, servicePeriodTo"));
  }

  @Test
  void twoUnknownColumnsAreNamedTogether() {
    assertThatThrownBy(() -> open("Kommentar;" + MINIMAL + "; Projekt \n", UTF8))
        .isInstanceOfSatisfying(InvoiceFileRejected.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).location()).isEqualTo("line 1");
          assertThat(e.problems().get(0).reason()).startsWith("unknown columns Kommentar, Projekt; the columns are ");
        });
  }

  @Test
  void duplicatedColumnIsRejected() {
    assertRejected((MINIMAL + ";Quantity\n").getBytes(UTF8), new Problem("line 1", "column quantity appears more than once"));
  }

  @Test
  void missingDueDateIsRejected() {
    assertRejected("invoiceNumber;customerNumber;issueDate;currency;description;quantity\n".getBytes(UTF8),
        new Problem("line 1", "the header has no column dueDate"));
  }

  @Test
  void headerWithNeitherDescriptionNorArticleNumberIsRejected() {
    assertRejected("invoiceNumber;customerNumber;issueDate;dueDate;currency;quantity;unitPrice\n".getBytes(UTF8),
        new Problem("line 1",
            "the header needs a column description or articleNumber (a line is described by one of them)"));
  }

  @Test
  void articleNumberAloneDescribesALine() throws IOException {
    try (InvoiceCsvReader reader = open("invoiceNumber;customerNumber;issueDate;dueDate;currency;articleNumber;"
        + "quantity\nF-1;K-1;2026-11-01;2026-11-30;SEK;A-100;2\n", UTF8)) {
      assertThat(reader.next().get(ARTICLE_NUMBER)).isEqualTo("A-100");
    }
  }

  @Test
  void everyHeaderProblemIsReportedAtOnce() {
    assertRejected("invoiceNumber;Kommentar;invoiceNumber;issueDate;currency;quantity\n".getBytes(UTF8),
        new Problem("line 1", "column invoiceNumber appears more than once"),
        new Problem("line 1", "unknown column Kommentar; the columns are invoiceNumber, customerNumber, name, type,"
            + " country, organisationNumber, email, invoiceEmail, street, postalCode, city, preferredChannel,"
            + " issueDate, dueDate, currency, articleNumber, description, quantity, unitPrice, vatRate,"
            + " orderReference, deliveryDate, periodFrom, periodTo, servicePeriodFrom, servicePeriodTo"),
        new Problem("line 1", "the header has no column customerNumber"),
        new Problem("line 1", "the header has no column dueDate"),
        new Problem("line 1",
            "the header needs a column description or articleNumber (a line is described by one of them)"));
  }

  @Test
  void unterminatedQuoteIsRejectedAtTheLineWhereTheRecordStarts() throws IOException {
    String file = MINIMAL + "\n"
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;ok;1\n"                  // line 2
        + "F-2;K-1;2026-11-01;2026-11-30;SEK;\"never closed;1\n"      // line 3: the quote opens here
        + "F-3;K-1;2026-11-01;2026-11-30;SEK;more;1\n"                 // line 4
        + "F-4;K-1;2026-11-01;2026-11-30;SEK;more;1\n";                // line 5

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      assertThat(reader.next().line()).isEqualTo(2);
      assertThatThrownBy(reader::next).isInstanceOfSatisfying(InvoiceFileRejected.class, e -> {
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).location()).isEqualTo("line 3");
        assertThat(e.problems().get(0).reason()).startsWith("is not valid CSV: ");
        assertThat(e.getMessage()).startsWith("line 3: is not valid CSV: ");
      });
    }
  }

  @Test
  void textAfterAClosingQuoteIsRejectedAtItsLine() throws IOException {
    String file = MINIMAL + "\n"
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;ok;1\n"                  // line 2
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;ok;1\n"                  // line 3
        + "F-2;K-1;2026-11-01;2026-11-30;SEK;\"quoted\" tail;1\n"     // line 4
        + "F-3;K-1;2026-11-01;2026-11-30;SEK;more;1\n";                // line 5

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      assertThat(reader.next().line()).isEqualTo(2);
      assertThat(reader.next().line()).isEqualTo(3);
      assertThatThrownBy(reader::next).isInstanceOfSatisfying(InvoiceFileRejected.class, e -> {
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).location()).isEqualTo("line 4");
        assertThat(e.problems().get(0).reason()).startsWith("is not valid CSV: ");
      });
    }
  }

  @Test
  void unterminatedQuoteInTheHeaderIsRejectedAtLine1() {
    assertThatThrownBy(() -> open("\"invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity\n"
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;a;1\n", UTF8))
        .isInstanceOfSatisfying(InvoiceFileRejected.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).location()).isEqualTo("line 1");
          assertThat(e.problems().get(0).reason()).startsWith("is not valid CSV: ");
        });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 7. Row problems

  @Test
  void moreNonBlankFieldsThanTheHeaderIsARowProblem() throws IOException {
    String file = MINIMAL + "\n"
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;Konsult;1;extra\n"       // line 2: 8 fields, 7 columns
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;Konsult;1;;  ;\n";        // line 3: blank extra fields are fine

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      Row tooMany = reader.next();
      assertThat(tooMany.line()).isEqualTo(2);
      assertThat(tooMany.problem()).isEqualTo("has 8 fields, the header 7 (a ';' inside a value must be quoted)");
      assertThat(tooMany.get(DESCRIPTION)).isEqualTo("Konsult");
      assertThat(tooMany.values()).hasSize(7);

      Row blanks = reader.next();
      assertThat(blanks.line()).isEqualTo(3);
      assertThat(blanks.problem()).isNull();
      assertThat(blanks.values()).hasSize(7);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void extraFieldsInATabFileNameTheTab() throws IOException {
    String file = "invoiceNumber\tcustomerNumber\tissueDate\tdueDate\tcurrency\tdescription\tquantity\n"
        + "F-1\tK-1\t2026-11-01\t2026-11-30\tSEK\tKonsult\t1\tx\ty\n";
    try (InvoiceCsvReader reader = open(file, UTF8)) {
      assertThat(reader.next().problem()).isEqualTo("has 9 fields, the header 7 (a 'tab' inside a value must be quoted)");
    }
  }

  @Test
  void rowWithOnlyExtraFieldsIsNotSkipped() throws IOException {
    try (InvoiceCsvReader reader = open(MINIMAL + "\n;;;;;;;stray\n", UTF8)) {
      Row row = reader.next();
      assertThat(row.line()).isEqualTo(2);
      assertThat(row.values()).isEmpty();
      assertThat(row.problem()).isEqualTo("has 8 fields, the header 7 (a ';' inside a value must be quoted)");
    }
  }

  @Test
  void valueLongerThan1000CharactersIsARowProblemAndCut() throws IOException {
    String kept = "a".repeat(999) + "b";
    String exactly1000 = "c".repeat(1000);
    String file = MINIMAL + ";name\n"
        + "F-1;K-1;2026-11-01;2026-11-30;SEK;" + kept + "Z;1;" + exactly1000 + "\n";

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      Row row = reader.next();
      assertThat(row.problem()).isEqualTo("description is longer than 1000 characters");
      assertThat(row.get(DESCRIPTION)).hasSize(1000).isEqualTo(kept);
      assertThat(row.get(NAME)).isEqualTo(exactly1000);
    }
  }

  @Test
  void severalRowProblemsAreJoined() throws IOException {
    String file = MINIMAL + "\n" + "F-1;K-1;2026-11-01;2026-11-30;SEK;" + "d".repeat(1001) + ";1;x\n";
    try (InvoiceCsvReader reader = open(file, UTF8)) {
      assertThat(reader.next().problem()).isEqualTo("description is longer than 1000 characters; "
          + "has 8 fields, the header 7 (a ';' inside a value must be quoted)");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 8. Header names

  @Test
  void headerNamesAreCaseInsensitiveAndStripped() throws IOException {
    String file = "  InvoiceNumber ;CUSTOMERNUMBER; issuedate ;DueDate\t;Currency;DESCRIPTION;Quantity;  \n"
        + " F-9 ;K-9;2026-11-01;2026-11-30;DKK;Rengøring;2;ignored under a blank header\n";

    try (InvoiceCsvReader reader = open(file, UTF8)) {
      assertThat(reader.separator()).isEqualTo(';');
      Row row = reader.next();
      assertThat(row.problem()).isNull();
      assertThat(row.values()).containsExactly(
          entry(INVOICE_NUMBER, "F-9"),
          entry(CUSTOMER_NUMBER, "K-9"),
          entry(ISSUE_DATE, "2026-11-01"),
          entry(DUE_DATE, "2026-11-30"),
          entry(CURRENCY, "DKK"),
          entry(DESCRIPTION, "Rengøring"),
          entry(QUANTITY, "2"));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 9. FileInvoice.decimal, date, oneOf

  /** '_' stands for a no-break space U+00A0, '^' for a narrow no-break space U+202F, '~' for the minus sign U+2212. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1250.50|1250.50",
      "1 250,50|1250.50",
      "1_250,50|1250.50",
      "1^250,50|1250.50",
      "1.250,50|1250.50",
      "1.250.000,5|1250000.5",
      "1,250.50|1250.50",
      "1,250,000.50|1250000.50",
      "12,5|12.5",
      "0,05|0.05",
      "25|25",
      "25 %|25",
      "12,5%|12.5",
      "-89,90|-89.90",
      "~89,90|-89.90",
      "~1 250,50|-1250.50",
      "+3|3",
      ",5|0.5",
      ".5|0.5",
      "7.|7",
      "1.250|1.250",
      "'  42  '|42",
  })
  void decimalReadsSpreadsheetNumbers(String text, String expected) {
    assertThat(SpreadsheetNumbers.decimal(special(text))).isEqualTo(new BigDecimal(expected));
  }

  @Test
  void decimalKeepsTheScaleWritten() {
    assertThat(SpreadsheetNumbers.decimal("1 250,50").scale()).isEqualTo(2);
    assertThat(SpreadsheetNumbers.decimal("100,000").scale()).isEqualTo(3);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"12,5,0", "abc", "1e5", "", " ", "%", "1.250.000", "1,2.3,4", "--5", "5-", "12 kr", "0x10",
      "1'250.50", "NaN", "Infinity", ",", "."})
  void decimalRejectsWhatIsNotANumber(String text) {
    assertThatThrownBy(() -> SpreadsheetNumbers.decimal(text))
        .isInstanceOf(NumberFormatException.class)
        .hasMessage(text);
  }

  @Test
  void dateAcceptsIsoDatesOnly() {
    assertThat(FileInvoice.date("2026-11-30")).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(FileInvoice.date("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
    for (String bad : List.of("30.11.2026", "2026-13-01", "2026-02-30", "2026-11-30T00:00", "2026-1-5", "")) {
      assertThatThrownBy(() -> FileInvoice.date(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("'" + bad + "' is not a date in the form yyyy-MM-dd");
    }
  }

  private enum Colour { RED, DARK_BLUE }

  @Test
  void oneOfIgnoresCaseAndSurroundingBlanks() {
    assertThat(FileInvoice.oneOf(Colour.class, " dark_blue ")).isEqualTo(Colour.DARK_BLUE);
    assertThat(FileInvoice.oneOf(Colour.class, "Red")).isEqualTo(Colour.RED);
    assertThatThrownBy(() -> FileInvoice.oneOf(Colour.class, "green"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'green' is not one of RED, DARK_BLUE");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static InvoiceCsvReader open(String text, Charset charset) throws IOException {
    return InvoiceCsvReader.open(new ByteArrayInputStream(text.getBytes(charset)), charset);
  }

  private static List<Row> all(InvoiceCsvReader reader) {
    List<Row> rows = new ArrayList<>();
    for (Row row; (row = reader.next()) != null; ) {
      rows.add(row);
    }
    return rows;
  }

  private static void assertRejected(byte[] file, Problem... expected) {
    assertThatThrownBy(() -> {
      try (InvoiceCsvReader reader = InvoiceCsvReader.open(new ByteArrayInputStream(file), UTF8)) {
        reader.next();
      }
    }).isInstanceOfSatisfying(InvoiceFileRejected.class,
        e -> assertThat(e.problems()).containsExactly(expected));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static String special(String text) {
    return text.replace('_', '\u00a0').replace('^', '\u202f').replace('~', '\u2212');
  }
}
