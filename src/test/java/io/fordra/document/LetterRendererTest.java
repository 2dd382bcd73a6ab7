package io.fordra.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import io.fordra.document.LetterContent.Line;
import io.fordra.document.LetterContent.Party;
import io.fordra.reference.PaymentReferences;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LetterRendererTest {

  private static final LetterRenderer RENDERER = new LetterRenderer();
  private static byte[] logo;

  private static final LocalDate ISSUED = LocalDate.of(2025, 3, 3);
  private static final LocalDate DUE = LocalDate.of(2025, 4, 2);
  private static final LocalDate REMINDED = LocalDate.of(2025, 4, 15);
  private static final LocalDate REMINDER_PAY_BY = LocalDate.of(2025, 4, 29);

  static final Party SWEDISH_SELLER = new Party("Exempelbolaget AB", "556677-8899", "SE556677889901",
      "Storgatan 1", "111 22", "Stockholm", "SE", "faktura@exempelbolaget.se", "+46 8 123 456 00", "5050-1055",
      "SE4550000000058398257466");
  static final Party NORWEGIAN_SELLER = new Party("Eksempelfirma AS", "923 456 783", "NO923456783MVA",
      "Storgata 7", "0155", "Oslo", "NO", "faktura@eksempelfirma.no", "+47 22 33 44 55", null, "1503.12.34567");
  static final Party SWEDISH_BUYER = new Party("Åkeriet i Växjö AB", "556123-4567", "SE556123456701",
      "Östra Järnvägsgatan 12", "352 30", "Växjö", "SE", "ekonomi@akeriet.se", null, null, null);
  static final Party NORWEGIAN_BUYER = new Party("Ærlig Rørlegger AS", "987 654 321", null,
      "Sørkedalsveien 3", "1337", "Sandvika", "NO", "post@rorlegger.no", "+47 900 00 000", null, null);

  // 8 h x 1 250,00 = 10 000,00 and 1 x 1 876,40: net 11 876,40, VAT 25 % 2 500,00 + 469,10 = 2 969,10,
  // total 14 845,50.
  static final List<Line> LINES = List.of(
      new Line("Konsulttimmar, mars", new BigDecimal("8.000"), new BigDecimal("1250.00"), new BigDecimal("25.00"),
          new BigDecimal("10000.00"), new BigDecimal("2500.00"), "K-100", "PO-7781"),
      new Line("Årslicens Fordra Basic", new BigDecimal("1.000"), new BigDecimal("1876.40"), new BigDecimal("25.00"),
          new BigDecimal("1876.40"), new BigDecimal("469.10"), null, null));
  static final BigDecimal NET = new BigDecimal("11876.40");
  static final BigDecimal VAT = new BigDecimal("2969.10");
  static final BigDecimal TOTAL = new BigDecimal("14845.50");

  @BeforeAll
  static void loadSampleLogo() throws IOException {
    try (InputStream in = LetterRendererTest.class.getResourceAsStream("/documents/sample-logo.png")) {
      assertThat(in).as("sample logo").isNotNull();
      logo = in.readAllBytes();
    }
  }

  /** An invoice as issued: nothing paid, no fees, pay by the due date. */
  static LetterContent invoice(String language, Party seller, Party buyer) {
    return new LetterContent(DocumentKind.INVOICE, language, seller, buyer, "100042", ISSUED, DUE, ISSUED,
        currency(seller), LINES, NET, VAT, TOTAL, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, TOTAL, DUE,
        reference(seller), 0, null);
  }

  /** A later letter: 2 000,00 paid, a 60,00 fee for this letter, 12 905,50 left to pay. */
  static LetterContent followUp(DocumentKind kind, String language, Party seller, Party buyer) {
    BigDecimal fee = new BigDecimal("60.00");
    return new LetterContent(kind, language, seller, buyer, "100042", ISSUED, DUE, REMINDED, currency(seller), LINES,
        NET, VAT, TOTAL, new BigDecimal("2000.00"), fee, fee, new BigDecimal("12905.50"), REMINDER_PAY_BY,
        reference(seller), kind == DocumentKind.REMINDER ? 2 : 0, null);
  }

  private static String currency(Party seller) {
    return seller.country().equals("NO") ? "NOK" : "SEK";
  }

  private static String reference(Party seller) {
    return seller.country().equals("NO") ? PaymentReferences.norwegianKid("100042")
        : PaymentReferences.swedishOcr("100042");
  }

  private static LetterContent withLines(LetterContent c, List<Line> lines) {
    return new LetterContent(c.kind(), c.language(), c.seller(), c.buyer(), c.invoiceNumber(), c.issueDate(),
        c.dueDate(), c.documentDate(), c.currency(), lines, c.netAmount(), c.vatAmount(), c.totalAmount(),
        c.paidAmount(), c.feesAmount(), c.feeThisLetter(), c.openAmount(), c.payBy(), c.paymentReference(),
        c.reminderNumber(), c.note());
  }

  private static LetterContent withLinesAndTotals(LetterContent c, List<Line> lines, BigDecimal net, BigDecimal vat,
                                                  BigDecimal total) {
    BigDecimal open = c.kind() == DocumentKind.INVOICE ? total : c.openAmount();
    return new LetterContent(c.kind(), c.language(), c.seller(), c.buyer(), c.invoiceNumber(), c.issueDate(),
        c.dueDate(), c.documentDate(), c.currency(), lines, net, vat, total, c.paidAmount(), c.feesAmount(),
        c.feeThisLetter(), open, c.payBy(), c.paymentReference(), c.reminderNumber(), c.note());
  }

  private static LetterContent withDocumentDateAndNote(LetterContent c, LocalDate documentDate, String note) {
    return new LetterContent(c.kind(), c.language(), c.seller(), c.buyer(), c.invoiceNumber(), c.issueDate(),
        c.dueDate(), documentDate, c.currency(), c.lines(), c.netAmount(), c.vatAmount(), c.totalAmount(),
        c.paidAmount(), c.feesAmount(), c.feeThisLetter(), c.openAmount(), c.payBy(), c.paymentReference(),
        c.reminderNumber(), note);
  }

  /**
   * Asserts that {@code text} contains each expected string; " | " inside one marks a table cell boundary, where the
   * text extractor may or may not put a space (it guesses word gaps from glyph positions).
   */
  static void assertContains(String text, String... expected) {
    for (String cells : expected) {
      String regex = Stream.of(cells.split(" \\| ")).map(Pattern::quote).collect(Collectors.joining("\\s*"));
      assertThat(text).as("extracted text").containsPattern(Pattern.compile(regex));
    }
  }

  /** All text of all pages, runs of white space (line breaks in wrapped paragraphs) collapsed to one space. */
  static String text(byte[] pdf) {
    return String.join(" ", pageTexts(pdf));
  }

  static List<String> pageTexts(byte[] pdf) {
    return Letters.pageTexts(pdf);
  }

  static int imagesOnFirstPage(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfDictionary resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES);
      PdfDictionary xObjects = resources.getAsDict(PdfName.XOBJECT);
      if (xObjects == null) {
        return 0;
      }
      int images = 0;
      for (PdfName name : xObjects.getKeys()) {
        PdfDictionary xObject = (PdfDictionary) PdfReader.getPdfObject(xObjects.get(name));
        if (PdfName.IMAGE.equals(xObject.getAsName(PdfName.SUBTYPE))) {
          images++;
        }
      }
      return images;
    } finally {
      reader.close();
    }
  }

  @Nested
  class Invoice {

    @Test
    void swedish() {
      String text = text(RENDERER.render(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), logo));

      assertContains(text, "Faktura", "Fakturanummer | 100042", "Fakturadatum | 2025-03-03",
          "Förfallodatum | 2025-04-02", "Ert org.nr | 556123-4567", "Ert momsreg.nr | SE556123456701");
      assertContains(text, "Åkeriet i Växjö AB Östra Järnvägsgatan 12 352 30 Växjö");
      assertThat(text).doesNotContain("SVERIGE");
      assertContains(text, "Beskrivning | Er referens | Antal | À-pris | Moms % | Belopp",
          "Konsulttimmar, mars Art.nr K-100 | PO-7781 | 8 | 1 250,00 | 25 | 10 000,00",
          "Årslicens Fordra Basic | 1 | 1 876,40 | 25 | 1 876,40");
      assertContains(text, "Summa exkl. moms | 11 876,40",
          "Moms 25 % (underlag 11 876,40) | 2 969,10", "Totalt | 14 845,50 SEK");
      assertContains(text, "Att betala 14 845,50 SEK | Betala senast 2025-04-02 | OCR "
          + PaymentReferences.swedishOcr("100042") + " | Bankgiro 5050-1055 | Bankkonto SE4550000000058398257466");
      // The seller's details in the footer.
      assertContains(text, "Exempelbolaget AB Storgatan 1 111 22 Stockholm Sverige",
          "Telefon +46 8 123 456 00 E-post faktura@exempelbolaget.se",
          "Org.nr 556677-8899 Momsreg.nr SE556677889901", "Sida 1 av | 1");
    }

    @Test
    void norwegian() {
      String text = text(RENDERER.render(invoice("nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER), logo));

      assertContains(text, "Faktura", "Fakturanummer | 100042", "Fakturadato | 2025-03-03",
          "Forfallsdato | 2025-04-02", "Deres org.nr. | 987 654 321");
      assertContains(text, "Ærlig Rørlegger AS Sørkedalsveien 3 1337 Sandvika");
      assertContains(text, "Beskrivelse | Deres referanse | Antall | Enhetspris | MVA % | Beløp",
          "8 | 1 250,00 | 25 | 10 000,00", "Sum eks. MVA | 11 876,40", "MVA 25 % (grunnlag 11 876,40) | 2 969,10",
          "Totalt | 14 845,50 NOK");
      assertContains(text, "Å betale 14 845,50 NOK | Betales innen 2025-04-02 | KID "
          + PaymentReferences.norwegianKid("100042") + " | Kontonummer 1503.12.34567");
      assertThat(text).doesNotContain("OCR", "Bankgiro");
      assertContains(text, "Org.nr. 923 456 783 MVA-nr. NO923456783MVA", "Oslo Norge", "Side 1 av | 1");
    }

    @Test
    void englishFromSwedishSellerToNorwegianBuyer() {
      String text = text(RENDERER.render(invoice("en", SWEDISH_SELLER, NORWEGIAN_BUYER), logo));

      assertContains(text, "Invoice", "Invoice number | 100042", "Invoice date | 2025-03-03",
          "Due date | 2025-04-02", "Your org. no. | 987 654 321");
      assertContains(text, "Description | Your reference | Qty | Unit price | VAT % | Amount",
          "8 | 1,250.00 | 25 | 10,000.00", "Net amount | 11,876.40", "VAT 25 % (base 11,876.40) | 2,969.10",
          "Total | 14,845.50 SEK",
          "Amount due 14,845.50 SEK | Pay by 2025-04-02 | OCR", "Bank account SE4550000000058398257466");
      // Mail abroad ends with the destination country in capitals.
      assertContains(text, "1337 Sandvika NORWAY");
      assertContains(text, "Org. no. 556677-8899 VAT no. SE556677889901", "Stockholm Sweden", "Page 1 of | 1");
    }

    @Test
    void quantitiesAndPricesKeepTheirDecimalsAndRoundHalfUp() {
      List<Line> lines = List.of(new Line("Kabel", new BigDecimal("2.500"), new BigDecimal("12.345"),
          new BigDecimal("12.00"), new BigDecimal("30.865"), new BigDecimal("3.70"), null, null));
      String text = text(RENDERER.render(withLines(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), lines), null));

      assertContains(text, "Kabel | 2,5 | 12,35 | 12 | 30,87");
    }

    @Test
    void noteIsPrinted() {
      LetterContent content = withDocumentDateAndNote(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), ISSUED,
          "Omvänd betalningsskyldighet gäller.");

      assertContains(text(RENDERER.render(content, logo)), "Omvänd betalningsskyldighet gäller.");
    }

    @Test
    void manyLinesContinueOnANextPageWithTableHeaderAndPageCount() {
      List<Line> lines = new ArrayList<>();
      for (int i = 1; i <= 60; i++) {
        lines.add(new Line("Rad " + i, BigDecimal.ONE, new BigDecimal("100.00"), new BigDecimal("25"),
            new BigDecimal("100.00"), new BigDecimal("25.00"), null, null));
      }
      List<String> pages = pageTexts(RENDERER.render(withLines(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), lines),
          logo));

      assertThat(pages).hasSizeGreaterThan(1);
      int count = pages.size();
      for (int page = 1; page <= count; page++) {
        assertContains(pages.get(page - 1), "Sida " + page + " av | " + count, "Org.nr 556677-8899");
      }
      assertContains(pages.get(1), "Faktura 100042", "Beskrivning | Er referens");
      assertContains(pages.get(count - 1), "Rad 60", "Att betala 14 845,50 SEK");
    }
  }

  @Nested
  class VatPerRate {

    // Listed 6 % first, so the descending order is the renderer's. 25 %: net 11 876,40, VAT 2 500,00 + 469,10 =
    // 2 969,10; 6 %: net 900,00 + 350,00 = 1 250,00, VAT 54,00 + 21,00 = 75,00. Total VAT 3 044,10.
    static final List<Line> TWO_RATES = List.of(
        line("Facklitteratur", "2", "450.00", "6.00", "900.00", "54.00"),
        line("Konsulttimmar, mars", "8", "1250.00", "25.00", "10000.00", "2500.00"),
        line("Tidskrift, årsprenumeration", "1", "350.00", "6.00", "350.00", "21.00"),
        line("Årslicens Fordra Basic", "1", "1876.40", "25.00", "1876.40", "469.10"));
    static final BigDecimal TWO_RATES_NET = new BigDecimal("13126.40");
    static final BigDecimal TWO_RATES_VAT = new BigDecimal("3044.10");
    static final BigDecimal TWO_RATES_TOTAL = new BigDecimal("16170.50");

    /** "Moms 25 % (underlag 11 876,40) 2 969,10": rate, base and VAT of every VAT row, in the order printed. */
    private static final Pattern SWEDISH_VAT_ROW =
        Pattern.compile("Moms (\\d+(?:,\\d+)?) % \\(underlag ([\\d ]+,\\d\\d)\\)\\s*(-?[\\d ]+,\\d\\d)");

    @Test
    void twoRatesGetARowEachHighestFirstAndTheirVatAddsUpToTheTotal() {
      LetterContent content = withLinesAndTotals(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), TWO_RATES,
          TWO_RATES_NET, TWO_RATES_VAT, TWO_RATES_TOTAL);

      String text = text(RENDERER.render(content, logo));

      assertContains(text, "Summa exkl. moms | 13 126,40", "Moms 25 % (underlag 11 876,40) | 2 969,10",
          "Moms 6 % (underlag 1 250,00) | 75,00", "Totalt | 16 170,50 SEK");
      List<String[]> rows = vatRows(text);
      assertThat(rows).extracting(row -> row[0]).containsExactly("25", "6");
      BigDecimal vatOfRows = rows.stream().map(row -> amount(row[2])).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal baseOfRows = rows.stream().map(row -> amount(row[1])).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(vatOfRows).isEqualByComparingTo(content.vatAmount());
      assertThat(baseOfRows).isEqualByComparingTo(content.netAmount());
    }

    @Test
    void norwegianWording() {
      List<Line> lines = List.of(
          line("Rørleggertimer", "4", "950.00", "25", "3800.00", "950.00"),
          line("Servering", "1", "400.00", "15", "400.00", "60.00"));
      LetterContent content = withLinesAndTotals(invoice("nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER), lines,
          new BigDecimal("4200.00"), new BigDecimal("1010.00"), new BigDecimal("5210.00"));

      String text = text(RENDERER.render(content, logo));

      assertContains(text, "Sum eks. MVA | 4 200,00", "MVA 25 % (grunnlag 3 800,00) | 950,00",
          "MVA 15 % (grunnlag 400,00) | 60,00", "Totalt | 5 210,00 NOK");
      assertThat(text.indexOf("MVA 25 %")).isLessThan(text.indexOf("MVA 15 %"));
    }

    @Test
    void englishWording() {
      LetterContent content = withLinesAndTotals(invoice("en", SWEDISH_SELLER, SWEDISH_BUYER), TWO_RATES,
          TWO_RATES_NET, TWO_RATES_VAT, TWO_RATES_TOTAL);

      assertContains(text(RENDERER.render(content, logo)), "VAT 25 % (base 11,876.40) | 2,969.10",
          "VAT 6 % (base 1,250.00) | 75.00", "Total | 16,170.50 SEK");
    }

    @Test
    void aSingleRateStillGetsItsRowAndEqualRatesOfDifferentScaleAreOne() {
      List<Line> lines = List.of(
          line("Konsulttimmar, mars", "8", "1250.00", "25.00", "10000.00", "2500.00"),
          line("Årslicens Fordra Basic", "1", "1876.40", "25", "1876.40", "469.10"));
      LetterContent content = withLinesAndTotals(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), lines, NET, VAT,
          TOTAL);

      String text = text(RENDERER.render(content, logo));

      assertThat(vatRows(text)).hasSize(1);
      assertContains(text, "Summa exkl. moms | 11 876,40", "Moms 25 % (underlag 11 876,40) | 2 969,10",
          "Totalt | 14 845,50 SEK");
    }

    @Test
    void zeroRatedLinesGetARowToo() {
      List<Line> lines = List.of(
          line("Porto", "1", "45.00", "0", "45.00", "0.00"),
          line("Konsulttimmar, mars", "8", "1250.00", "25", "10000.00", "2500.00"));
      LetterContent content = withLinesAndTotals(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), lines,
          new BigDecimal("10045.00"), new BigDecimal("2500.00"), new BigDecimal("12545.00"));

      String text = text(RENDERER.render(content, logo));

      assertContains(text, "Moms 25 % (underlag 10 000,00) | 2 500,00 | Moms 0 % (underlag 45,00) | 0,00");
    }

    @Test
    void agencyCaseShowsTheVatPerRateButRemindersDoNot() {
      String agencyCase = text(RENDERER.render(withLinesAndTotals(
          followUp(DocumentKind.AGENCY_CASE, "sv", SWEDISH_SELLER, SWEDISH_BUYER), TWO_RATES, TWO_RATES_NET,
          TWO_RATES_VAT, TWO_RATES_TOTAL), logo));
      String reminder = text(RENDERER.render(withLinesAndTotals(
          followUp(DocumentKind.REMINDER, "sv", SWEDISH_SELLER, SWEDISH_BUYER), TWO_RATES, TWO_RATES_NET,
          TWO_RATES_VAT, TWO_RATES_TOTAL), logo));

      assertContains(agencyCase, "Moms 25 % (underlag 11 876,40) | 2 969,10", "Moms 6 % (underlag 1 250,00) | 75,00",
          "Totalt | 16 170,50");
      assertThat(reminder).doesNotContain("underlag");
    }

    private static Line line(String description, String quantity, String unitPrice, String vatRate,
                             String netAmount, String vatAmount) {
      return new Line(description, new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(vatRate),
          new BigDecimal(netAmount), new BigDecimal(vatAmount), null, null);
    }

    private static List<String[]> vatRows(String text) {
      List<String[]> rows = new ArrayList<>();
      Matcher row = SWEDISH_VAT_ROW.matcher(text);
      while (row.find()) {
        rows.add(new String[] {row.group(1), row.group(2), row.group(3)});
      }
      return rows;
    }

    private static BigDecimal amount(String swedish) {
      return new BigDecimal(swedish.replace(" ", "").replace(',', '.'));
    }
  }

  @Nested
  class Reminder {

    @Test
    void swedish() {
      String text = text(RENDERER.render(followUp(DocumentKind.REMINDER, "sv", SWEDISH_SELLER, SWEDISH_BUYER), logo));

      assertContains(text, "Påminnelse", "Datum | 2025-04-15", "Påminnelse nr | 2", "Fakturanummer | 100042",
          "Förfallodatum | 2025-04-02");
      assertContains(text, "Vi har ännu inte fått betalt för fakturan nedan. Vänligen betala beloppet senast"
          + " 2025-04-29.");
      assertContains(text, "Fakturabelopp | 14 845,50", "Inbetalt | -2 000,00", "Avgifter | 60,00",
          "varav påminnelseavgift | (60,00)", "Att betala | 12 905,50 SEK");
      assertContains(text, "Betala senast 2025-04-29", "OCR " + PaymentReferences.swedishOcr("100042"));
      // A reminder refers to the invoice; it does not repeat its lines.
      assertThat(text).doesNotContain("Konsulttimmar", "Beskrivning");
    }

    @Test
    void norwegian() {
      String text = text(RENDERER.render(followUp(DocumentKind.REMINDER, "nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER),
          logo));

      assertContains(text, "Purring", "Purring nr. | 2", "Forfallsdato | 2025-04-02", "Fakturabeløp | 14 845,50",
          "Innbetalt | -2 000,00", "Gebyrer | 60,00", "herav purregebyr | (60,00)", "Å betale | 12 905,50 NOK",
          "Betales innen 2025-04-29", "KID " + PaymentReferences.norwegianKid("100042"));
    }

    @Test
    void english() {
      String text = text(RENDERER.render(followUp(DocumentKind.REMINDER, "en", SWEDISH_SELLER, SWEDISH_BUYER), logo));

      assertContains(text, "Payment reminder", "Reminder no. | 2", "Invoice amount | 14,845.50",
          "Paid | -2,000.00", "Fees | 60.00", "of which reminder fee | (60.00)", "Amount due | 12,905.50 SEK",
          "Pay by 2025-04-29");
    }

    @Test
    void withoutFeeThereIsNoFeeLine() {
      LetterContent content = new LetterContent(DocumentKind.REMINDER, "sv", SWEDISH_SELLER, SWEDISH_BUYER, "100042",
          ISSUED, DUE, REMINDED, "SEK", LINES, NET, VAT, TOTAL, null, null, null, TOTAL, REMINDER_PAY_BY,
          PaymentReferences.swedishOcr("100042"), 1, null);

      String text = text(RENDERER.render(content, logo));

      assertContains(text, "Inbetalt | 0,00", "Avgifter | 0,00", "Att betala | 14 845,50 SEK");
      assertThat(text).doesNotContain("varav", "-0,00");
    }
  }

  @Nested
  class CollectionNotice {

    @Test
    void swedishInkassokravSaysTheClaimGoesToCollectionIfNotPaidByThePayByDate() {
      String text = text(RENDERER.render(
          followUp(DocumentKind.COLLECTION_NOTICE, "sv", SWEDISH_SELLER, SWEDISH_BUYER), logo));

      assertContains(text, "Inkassokrav", "Datum | 2025-04-15");
      assertContains(text,
          "Om beloppet inte är betalt senast 2025-04-29 kommer fordran att överlämnas till inkasso.");
      assertContains(text, "varav inkassoavgift | (60,00)", "Att betala | 12 905,50 SEK",
          "Betala senast 2025-04-29");
    }

    @Test
    void norwegianInkassovarselSaysTheClaimGoesToCollectionIfNotPaidWithin14Days() {
      String text = text(RENDERER.render(
          followUp(DocumentKind.COLLECTION_NOTICE, "nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER), logo));

      assertContains(text, "Inkassovarsel", "Dato | 2025-04-15");
      // inkassoloven § 9: payment within 14 days of the notice, and that collection may cost the debtor more.
      assertContains(text, "Dersom beløpet ikke er betalt innen 14 dager etter at dette varselet ble sendt,"
          + " det vil si senest 2025-04-29, vil kravet bli sendt til inkasso.",
          "Inndrivingen kan medføre ytterligere kostnader for deg.");
      assertContains(text, "Å betale | 12 905,50 NOK", "KID " + PaymentReferences.norwegianKid("100042"));
    }

    @Test
    void theLegalWordingFollowsTheSellersCountryInEveryLanguage() {
      String fromNorway = text(RENDERER.render(
          followUp(DocumentKind.COLLECTION_NOTICE, "en", NORWEGIAN_SELLER, SWEDISH_BUYER), logo));
      String fromSweden = text(RENDERER.render(
          followUp(DocumentKind.COLLECTION_NOTICE, "en", SWEDISH_SELLER, NORWEGIAN_BUYER), logo));

      assertContains(fromNorway, "Collection notice",
          "not paid within 14 days of this notice being sent, that is by 2025-04-29 at the latest");
      assertContains(fromSweden, "Collection notice",
          "If the amount due is not paid by 2025-04-29, the claim will be handed over to debt collection.");
      assertThat(fromSweden).doesNotContain("14 days");
    }
  }

  @Nested
  class AgencyCase {

    @Test
    void swedishShowsDebtorLinesAndOutstandingAmount() {
      String text = text(RENDERER.render(
          followUp(DocumentKind.AGENCY_CASE, "sv", SWEDISH_SELLER, SWEDISH_BUYER), logo));

      assertContains(text, "Överlämning till inkasso", "Gäldenär Åkeriet i Växjö AB",
          "Gäldenärens org.nr | 556123-4567", "Gäldenärens e-post | ekonomi@akeriet.se",
          "OCR | " + PaymentReferences.swedishOcr("100042"));
      assertContains(text, "Beskrivning | Kundens referens | Antal", "Konsulttimmar, mars Art.nr K-100 | PO-7781",
          "Summa exkl. moms | 11 876,40", "Moms 25 % (underlag 11 876,40) | 2 969,10", "Totalt | 14 845,50",
          "Inbetalt | -2 000,00",
          "Avgifter | 60,00", "Utestående belopp | 12 905,50 SEK");
    }

    @Test
    void norwegian() {
      String text = text(RENDERER.render(
          followUp(DocumentKind.AGENCY_CASE, "nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER), logo));

      assertContains(text, "Oversendelse til inkasso", "Skyldner Ærlig Rørlegger AS",
          "Skyldners telefon | +47 900 00 000", "Utestående beløp | 12 905,50 NOK");
    }
  }

  static Stream<Arguments> everyKindInEveryLanguage() {
    return Stream.of(
        Arguments.of(DocumentKind.INVOICE, "sv", "Faktura"),
        Arguments.of(DocumentKind.REMINDER, "sv", "Påminnelse"),
        Arguments.of(DocumentKind.COLLECTION_NOTICE, "sv", "Inkassokrav"),
        Arguments.of(DocumentKind.AGENCY_CASE, "sv", "Överlämning till inkasso"),
        Arguments.of(DocumentKind.INVOICE, "nb", "Faktura"),
        Arguments.of(DocumentKind.REMINDER, "nb", "Purring"),
        Arguments.of(DocumentKind.COLLECTION_NOTICE, "nb", "Inkassovarsel"),
        Arguments.of(DocumentKind.AGENCY_CASE, "nb", "Oversendelse til inkasso"),
        Arguments.of(DocumentKind.INVOICE, "en", "Invoice"),
        Arguments.of(DocumentKind.REMINDER, "en", "Payment reminder"),
        Arguments.of(DocumentKind.COLLECTION_NOTICE, "en", "Collection notice"),
        Arguments.of(DocumentKind.AGENCY_CASE, "en", "Collection case"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyKindInEveryLanguage")
  void everyKindRendersInEveryLanguageWithTitleNumberAndReference(DocumentKind kind, String language, String title) {
    for (Party seller : List.of(SWEDISH_SELLER, NORWEGIAN_SELLER)) {
      LetterContent content = kind == DocumentKind.INVOICE ? invoice(language, seller, SWEDISH_BUYER)
          : followUp(kind, language, seller, SWEDISH_BUYER);
      String referenceLabel = seller == SWEDISH_SELLER ? "OCR " : "KID ";

      String text = text(RENDERER.render(content, logo));

      assertContains(text, title, "100042", referenceLabel + content.paymentReference());
    }
  }

  @Nested
  class Logo {

    @Test
    void isPlacedWhenGiven() throws IOException {
      byte[] pdf = RENDERER.render(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), logo);

      assertThat(imagesOnFirstPage(pdf)).isPositive();
    }

    @Test
    void missingLogoPrintsTheSellersNameInstead() throws IOException {
      byte[] pdf = RENDERER.render(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), null);

      assertThat(imagesOnFirstPage(pdf)).isZero();
      // Once in the header in place of the logo, once in the footer.
      assertThat(text(pdf).split("Exempelbolaget AB", -1)).hasSize(3);
    }

    @Test
    void unreadableLogoPrintsTheSellersNameInstead() throws IOException {
      byte[] notAnImage = "this is not a PNG".getBytes(StandardCharsets.US_ASCII);
      byte[] truncatedPng = Arrays.copyOf(logo, 60);

      for (byte[] broken : List.of(notAnImage, truncatedPng, new byte[0])) {
        byte[] pdf = RENDERER.render(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), broken);

        assertThat(imagesOnFirstPage(pdf)).isZero();
        assertThat(text(pdf)).contains("Exempelbolaget AB", "Faktura");
      }
    }
  }

  @Nested
  class Reproducibility {

    @Test
    void sameContentGivesIdenticalBytes() {
      for (DocumentKind kind : DocumentKind.values()) {
        LetterContent content = followUp(kind, "nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER);
        if (kind.isPlanLetter()) { // a plan's letter says what the plan says (PlanLetterDocumentTest)
          content = content.withPlan(new LetterContent.Plan("PP-7", false,
              List.of(new LetterContent.CoveredInvoice(content.invoiceNumber(), content.dueDate(),
                  content.openAmount())), content.openAmount(), null, null, null, true,
              List.of(new LetterContent.Instalment(1, content.payBy(), content.openAmount(), "9000000075")), 1, null));
        }

        assertThat(new LetterRenderer().render(content, logo)).isEqualTo(RENDERER.render(content, logo));
      }
    }

    @Test
    void datesInTheFileComeFromTheDocumentDateAndTheIdFromTheContent() throws IOException {
      byte[] first = RENDERER.render(followUp(DocumentKind.REMINDER, "sv", SWEDISH_SELLER, SWEDISH_BUYER), logo);
      byte[] later = RENDERER.render(withDocumentDateAndNote(
          followUp(DocumentKind.REMINDER, "sv", SWEDISH_SELLER, SWEDISH_BUYER), REMINDED.plusDays(1), null), logo);

      PdfReader reader = new PdfReader(first);
      PdfReader laterReader = new PdfReader(later);
      try {
        assertThat(reader.getInfo()).containsEntry("CreationDate", "D:20250415000000Z")
            .containsEntry("ModDate", "D:20250415000000Z");
        assertThat(laterReader.getInfo()).containsEntry("CreationDate", "D:20250416000000Z");
        assertThat(laterReader.getTrailer().get(PdfName.ID)).isNotEqualTo(reader.getTrailer().get(PdfName.ID));
      } finally {
        reader.close();
        laterReader.close();
      }
    }
  }

  @Test
  void lettersCp1252LacksPrintAsTheirBaseLetterInsteadOfVanishing() {
    Party polishBuyer = new Party("Łukasz Żółć Sp. z o.o.", null, null, "ul. Piłsudskiego 1", "90-001", "Łódź", "PL",
        null, null, null, null);

    String text = text(RENDERER.render(invoice("en", SWEDISH_SELLER, polishBuyer), logo));

    assertContains(text, "Lukasz Zólc Sp. z o.o. ul. Pilsudskiego 1 90-001 Lódz POLAND");
    assertThat(LetterRenderer.printable("Ærlig Rørlegger, Växjö – 5 €")).isEqualTo("Ærlig Rørlegger, Växjö – 5 €");
    assertThat(LetterRenderer.printable("Москва")).isEqualTo("??????");
  }

  @Test
  void englishStaysEnglishWhateverTheServersDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("sv-SE"));

      String text = text(RENDERER.render(invoice("en", SWEDISH_SELLER, SWEDISH_BUYER), logo));

      assertContains(text, "Invoice", "Due date", "14,845.50");
      assertThat(text).doesNotContain("Förfallodatum", "Faktura");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void rejectsUnsupportedLanguage() {
    assertThatThrownBy(() -> RENDERER.render(invoice("de", SWEDISH_SELLER, SWEDISH_BUYER), logo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"de\"");
  }

  /** Issue 15: an invoice paid and credited in part before it left states both and what is left to pay. */
  @Nested
  class SettledInPartBeforeItLeft {

    /** 14 845,50 invoiced, 2 000,00 paid and 845,50 credited inside the undo window: 12 000,00 to pay. */
    private LetterContent settledInPart(String language, Party seller, Party buyer) {
      LetterContent c = invoice(language, seller, buyer);
      return new LetterContent(c.kind(), c.language(), c.seller(), c.buyer(), c.invoiceNumber(), c.issueDate(),
          c.dueDate(), c.documentDate(), c.currency(), c.lines(), c.netAmount(), c.vatAmount(), c.totalAmount(),
          new BigDecimal("2000.00"), null, null, new BigDecimal("12000.00"), c.payBy(), c.paymentReference(), 0, null,
          null, new BigDecimal("845.50"));
    }

    @Test
    void swedish() {
      String text = text(RENDERER.render(settledInPart("sv", SWEDISH_SELLER, SWEDISH_BUYER), logo));

      assertContains(text, "Totalt | 14 845,50 SEK", "Inbetalt | -2 000,00", "Krediterat | -845,50",
          "Att betala | 12 000,00 SEK", "Att betala 12 000,00 SEK | Betala senast 2025-04-02 | OCR "
              + PaymentReferences.swedishOcr("100042"));
      assertThat(text).doesNotContain("Att betala 14 845,50");
    }

    @Test
    void norwegianAndEnglish() {
      assertContains(text(RENDERER.render(settledInPart("nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER), logo)),
          "Totalt | 14 845,50 NOK", "Innbetalt | -2 000,00", "Kreditert | -845,50", "Å betale | 12 000,00 NOK");
      assertContains(text(RENDERER.render(settledInPart("en", SWEDISH_SELLER, SWEDISH_BUYER), logo)),
          "Total | 14,845.50 SEK", "Paid | -2,000.00", "Credited | -845.50", "Amount due | 12,000.00 SEK");
    }

    @Test
    void anInvoiceNothingWasPaidOrCreditedOnStatesItsTotalOnly() {
      String text = text(RENDERER.render(invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), logo));

      assertThat(text).doesNotContain("Inbetalt", "Krediterat");
    }

    @Test
    void aReminderSaysWhatWasCredited() {
      LetterContent c = followUp(DocumentKind.REMINDER, "sv", SWEDISH_SELLER, SWEDISH_BUYER);
      LetterContent credited = new LetterContent(c.kind(), c.language(), c.seller(), c.buyer(), c.invoiceNumber(),
          c.issueDate(), c.dueDate(), c.documentDate(), c.currency(), c.lines(), c.netAmount(), c.vatAmount(),
          c.totalAmount(), c.paidAmount(), c.feesAmount(), c.feeThisLetter(), new BigDecimal("12060.00"), c.payBy(),
          c.paymentReference(), c.reminderNumber(), null, null, new BigDecimal("845.50"));

      assertContains(text(RENDERER.render(credited, logo)), "Fakturabelopp | 14 845,50", "Inbetalt | -2 000,00",
          "Krediterat | -845,50", "Avgifter | 60,00", "Att betala | 12 060,00 SEK");
    }
  }

  @Nested
  class RecognisesItsRendering {

    @Test
    void theSameContentAndLogoAreRecognisedWithoutRenderingAgain() {
      LetterContent content = invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER);
      byte[] pdf = RENDERER.render(content, logo);
      assertThat(RENDERER.isRenderingOf(pdf, invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER), logo)).isTrue();
      assertThat(RENDERER.isRenderingOf(RENDERER.render(content, null), content, null)).isTrue();
    }

    @Test
    void anotherAmountAddressOrLogoIsNot() {
      LetterContent content = invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER);
      byte[] pdf = RENDERER.render(content, logo);
      LetterContent paid = new LetterContent(content.kind(), content.language(), content.seller(), content.buyer(),
          content.invoiceNumber(), content.issueDate(), content.dueDate(), content.documentDate(), content.currency(),
          content.lines(), content.netAmount(), content.vatAmount(), content.totalAmount(), new BigDecimal("100.00"),
          content.feesAmount(), content.feeThisLetter(), content.openAmount().subtract(new BigDecimal("100.00")),
          content.payBy(), content.paymentReference(), content.reminderNumber(), content.note());
      assertThat(RENDERER.isRenderingOf(pdf, paid, logo)).isFalse();
      assertThat(RENDERER.isRenderingOf(pdf, invoice("sv", SWEDISH_SELLER, NORWEGIAN_BUYER), logo)).isFalse();
      assertThat(RENDERER.isRenderingOf(pdf, content, null)).isFalse();
      assertThat(RENDERER.isRenderingOf(null, content, logo)).isFalse();
    }
  }

  @Nested
  class LogoCompressedOnce {

    @Test
    void aTransparentPngIsDeflatedOnceAndPrintsTheSameBytes() throws Exception {
      Image decoded = Image.getInstance(logo);
      Image once = LetterRenderer.compressedOnce(decoded);
      assertThat(decoded.isDeflated()).as("the sample logo is decoded to raw pixels").isFalse();
      assertThat(once.isDeflated()).isTrue();
      assertThat(once.getImageMask()).isNotNull();
      assertThat(once.getImageMask().isDeflated()).isTrue();
      assertThat(pdfWith(once)).isEqualTo(pdfWith(decoded));
    }

    @Test
    void lettersWithTheLogoStayReproducible() {
      LetterContent content = invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER);
      assertThat(RENDERER.render(content, logo)).isEqualTo(new LetterRenderer().render(content, logo));
    }

    private static byte[] pdfWith(Image image) throws Exception {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document document = new Document(PageSize.A4);
      PdfWriter writer = PdfWriter.getInstance(document, out);
      byte[] id = new byte[16];
      writer.getInfo().put(PdfName.FILEID,
          PdfEncryption.createInfoId(id, id));
      writer.getInfo().put(PdfName.CREATIONDATE, new PdfString("D:2025"));
      writer.getInfo().put(PdfName.MODDATE, new PdfString("D:2025"));
      document.open();
      Image copy = Image.getInstance(image);
      copy.scaleToFit(100, 40);
      copy.setAbsolutePosition(50, 700);
      writer.getDirectContent().addImage(copy);
      document.close();
      return out.toByteArray();
    }
  }
}
