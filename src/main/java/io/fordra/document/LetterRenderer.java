package io.fordra.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.fordra.document.paynow.PayNow;
import io.fordra.document.paynow.QrCode;
import io.fordra.invoice.Supply;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Lays out a {@link LetterContent} as an A4 PDF: invoice, payment reminder, collection notice, credit note or the case
 * handed to a collection agency, in Swedish, Norwegian (bokmål) or English.
 *
 * <p>The same content and logo always give the same bytes (creation date, modification date and the file /ID are
 * derived from the content, not from the clock), so a retried job stores and sends an identical document.
 *
 * <p>Text is set in the PDF base font Helvetica with WinAnsi (Cp1252) encoding: it covers å ä ö æ ø and the other
 * Western European letters and needs no embedded font, whose subset prefix OpenPDF would pick at random. Letters
 * outside Cp1252 print as their base letter (Polish ł as l), see {@link #printable}.
 */
@Component
class LetterRenderer {

  private static final List<String> LANGUAGES = List.of("sv", "nb", "en");

  private static final float MM = 72f / 25.4f;
  private static final Rectangle PAGE = PageSize.A4;
  private static final float MARGIN_LEFT = 20 * MM;
  private static final float MARGIN_RIGHT = 20 * MM;
  /** Room for the footer: the late-interest clause over the rule, then up to six lines of seller details. */
  private static final float MARGIN_BOTTOM = 46 * MM;
  private static final float FOOTER_TOP = 36 * MM;
  /** On the first page the letter text starts below the address window; later pages only carry a running head. */
  private static final float FIRST_PAGE_TOP = 97 * MM;
  private static final float FOLLOWING_PAGE_TOP = 28 * MM;
  private static final float CONTENT_WIDTH = PAGE.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;

  /** Address field of a left window envelope (C5/E65, DIN 5008 / SS 03 62 01 type B): 25 mm in, 50-90 mm down. */
  private static final float ADDRESS_LEFT = 25 * MM;
  private static final float ADDRESS_TOP = 50 * MM;
  private static final float ADDRESS_WIDTH = 85 * MM;
  private static final float ADDRESS_HEIGHT = 40 * MM;

  private static final float HEADER_TOP = 14 * MM;
  private static final float LOGO_MAX_WIDTH = 62 * MM;
  private static final float LOGO_MAX_HEIGHT = 18 * MM;
  private static final float SELLER_NAME_MAX_SIZE = 20;
  private static final float SELLER_NAME_MIN_SIZE = 10;
  private static final float INFO_LEFT = 113 * MM;
  private static final float INFO_TOP = 35 * MM;

  private static final Color ACCENT = new Color(0x0F, 0x4C, 0x5C);
  private static final Color TEXT = new Color(0x1E, 0x25, 0x2B);
  private static final Color MUTED = new Color(0x5E, 0x6A, 0x71);
  private static final Color RULE = new Color(0xC9, 0xD2, 0xD6);
  private static final Color PAYMENT_BACKGROUND = new Color(0xE8, 0xF1, 0xF2);
  private static final float PAYMENT_PADDING = 7;
  /** The "Betala med QR" code, quiet zone included: ~0.5 mm modules for the usual version 8-10 code. */
  private static final float QR_SIDE = 30 * MM;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final Charset CP1252 = Charset.forName("windows-1252");
  /** Letters with a stroke have no Unicode decomposition to strip down to the base letter. */
  private static final Map<Integer, String> LETTERS_WITHOUT_DECOMPOSITION = Map.of(
      (int) 'ł', "l", (int) 'Ł', "L", (int) 'đ', "d", (int) 'Đ', "D", (int) 'ı', "i", (int) 'ħ', "h", (int) 'Ħ', "H");
  private static final String BUNDLE = "documents/letters";
  private static final ResourceBundle.Control UTF8_WITHOUT_DEFAULT_LOCALE = new Utf8Control();

  private final BaseFont regular;
  private final BaseFont bold;

  public LetterRenderer() {
    try {
      // Built-in fonts: OpenPDF caches them, they are not embedded, Cp1252 maps å ä ö æ ø to WinAnsi glyphs.
      regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
      bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException("OpenPDF's built-in Helvetica is missing", e);
    }
  }

  /**
   * Renders the letter as PDF.
   *
   * @param content what the letter says; {@code content.language()} must be "sv", "nb" or "en"
   * @param logoPng the seller's logo (PNG, or any image format OpenPDF reads); null or unreadable prints the seller's
   *     name instead
   * @return the PDF bytes, identical for identical arguments
   * @throws IllegalArgumentException for an unsupported language
   */
  public byte[] render(LetterContent content, byte[] logoPng) {
    if (!LANGUAGES.contains(content.language())) {
      throw new IllegalArgumentException(
          "Letter language must be one of " + LANGUAGES + ", but was \"" + content.language() + "\"");
    }
    try {
      return new Letter(content, logoPng).render();
    } catch (DocumentException e) { // unchecked in OpenPDF; say which letter failed
      throw new IllegalStateException("Cannot render " + content.kind() + " for invoice " + content.invoiceNumber(), e);
    }
  }

  /**
   * Whether the PDF is this renderer's rendering of the content with the logo, without rendering it again: the
   * bytes are a function of content and logo, and the PDF's /ID is their fingerprint. (A letter rendered by an
   * older Fordra whose layout has changed since is not recognised as outdated: it says the same.)
   */
  public boolean isRenderingOf(byte[] pdf, LetterContent content, byte[] logoPng) {
    if (pdf == null) {
      return false;
    }
    byte[] id = fingerprint(content, logoPng);
    String hex = HexFormat.of().formatHex(id);
    byte[] fileId = ("[<" + hex + "><" + hex + ">]").getBytes(StandardCharsets.US_ASCII);
    return indexOf(pdf, fileId) >= 0;
  }

  /** MD5 (the digest PDF itself uses for /ID) over everything that shapes the document. */
  private static byte[] fingerprint(LetterContent content, byte[] logo) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(fingerprintText(content).getBytes(StandardCharsets.UTF_8));
      if (logo != null) {
        md5.update(logo);
      }
      return md5.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
  }

  /**
   * The content as text; a letter without a plan part reads as it did before plans had letters, so a stored letter
   * of an earlier version is still recognised as this content's rendering and never redrawn for nothing.
   */
  private static String fingerprintText(LetterContent content) {
    String text = content.toString();
    return content.plan() == null && text.endsWith(", plan=null]")
        ? text.substring(0, text.length() - ", plan=null]".length()) + "]" : text;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = haystack.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The logo decoded last: every letter of a seller has the same one, and decoding a PNG costs more than the letter. */
  private final AtomicReference<DecodedLogo> lastLogo = new AtomicReference<>();

  private record DecodedLogo(byte[] source, Image image) {}

  /** A copy of the decoded logo, so that one letter's scaling and position never reach another's. */
  private Image decodedLogo(byte[] logo) throws IOException {
    DecodedLogo cached = lastLogo.get();
    if (cached == null || !Arrays.equals(cached.source(), logo)) {
      cached = new DecodedLogo(logo.clone(), compressedOnce(Image.getInstance(logo)));
      lastLogo.set(cached);
    }
    return Image.getInstance(cached.image());
  }

  /**
   * The decoded logo with its pixels (and transparency mask) already deflated, as OpenPDF would deflate them into each
   * letter: a PNG with transparency is decoded to raw pixels, and compressing those for every letter cost 15-20 ms,
   * ten times the rest of the letter. Same level, same bytes in the PDF. Images OpenPDF keeps compressed (JPEG, most
   * PNGs without transparency) or describes with extra entries (palettes) are left as they are.
   */
  static Image compressedOnce(Image image) {
    try {
      Image mask = image.getImageMask();
      if (!isPlainRaw(image) || (mask != null && !isPlainRaw(mask))) {
        return image;
      }
      Image compressed = Image.getInstance((int) image.getWidth(), (int) image.getHeight(), image.getColorspace(),
          image.getBpc(), deflate(image.getRawData(), image.getCompressionLevel()), image.getTransparency());
      compressed.setDeflated(true);
      compressed.setDpi(image.getDpiX(), image.getDpiY());
      if (image.hasICCProfile()) {
        compressed.tagICC(image.getICCProfile());
      }
      if (mask != null) {
        Image compressedMask = Image.getInstance((int) mask.getWidth(), (int) mask.getHeight(), mask.getColorspace(),
            mask.getBpc(), deflate(mask.getRawData(), mask.getCompressionLevel()));
        compressedMask.setDeflated(true);
        compressedMask.makeMask();
        compressed.setImageMask(compressedMask);
      }
      return compressed;
    } catch (IOException | RuntimeException e) {
      return image; // as before: OpenPDF compresses it in each letter
    }
  }

  private static boolean isPlainRaw(Image image) {
    return image.isImgRaw() && !image.isDeflated() && image.getAdditional() == null && image.getRawData() != null;
  }

  /** As PdfStream.flateCompress does it. */
  private static byte[] deflate(byte[] raw, int level) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(level);
    try (DeflaterOutputStream zip = new DeflaterOutputStream(out, deflater)) {
      zip.write(raw);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  /** The rendering of one letter: holds the content and the language-dependent texts and formats. */
  private final class Letter {

    private final LetterContent content;
    private final byte[] logo;
    private final LetterContent.Party seller;
    private final LetterContent.Party buyer;
    private final Locale locale;
    private final ResourceBundle texts;
    private final DecimalFormat moneyFormat;
    private final DecimalFormat quantityFormat;
    private final DecimalFormat percentFormat;

    private final Font small = font(regular, 7.5f, MUTED);
    private final Font footerLabel = font(regular, 6.5f, MUTED);
    private final Font footerText = font(regular, 7.5f, TEXT);
    private final Font footerName = font(bold, 7.5f, TEXT);
    private final Font label = font(regular, 8.5f, MUTED);
    private final Font body = font(regular, 9.5f, TEXT);
    private final Font bodyBold = font(bold, 9.5f, TEXT);
    private final Font cell = font(regular, 9f, TEXT);
    private final Font cellBold = font(bold, 9f, TEXT);
    private final Font tableHeader = font(bold, 8f, MUTED);
    private final Font address = font(regular, 10.5f, TEXT);
    private final Font addressBold = font(bold, 10.5f, TEXT);
    private final Font paymentValue = font(bold, 11f, TEXT);
    private final Font title = font(bold, 20f, ACCENT);
    /** Set when rendering starts: the QR code of the payment box is drawn as a template of the writer. */
    private PdfWriter writer;

    Letter(LetterContent content, byte[] logo) {
      this.content = content;
      this.logo = logo;
      this.seller = content.seller();
      this.buyer = content.buyer();
      this.locale = Locale.forLanguageTag(content.language());
      this.texts = ResourceBundle.getBundle(BUNDLE, locale, LetterRenderer.class.getClassLoader(),
          UTF8_WITHOUT_DEFAULT_LOCALE);
      // Swedish and Norwegian group thousands with a space (plain U+0020, so the text extracts and searches as
      // typed; amounts sit in table cells, where they never wrap); English with a comma.
      DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
      boolean nordic = !content.language().equals("en");
      symbols.setGroupingSeparator(nordic ? ' ' : ',');
      symbols.setDecimalSeparator(nordic ? ',' : '.');
      symbols.setMinusSign('-');
      this.moneyFormat = decimalFormat("#,##0.00", symbols);
      this.quantityFormat = decimalFormat("#,##0.###", symbols);
      this.percentFormat = decimalFormat("#,##0.##", symbols);
    }

    byte[] render() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PdfPTable infoBox = infoBox();
      // The text starts below the address window, or below the info box should that ever reach further down.
      float firstPageTop = Math.max(FIRST_PAGE_TOP, INFO_TOP + infoBox.getTotalHeight() + 8 * MM);
      Document document = new Document(PAGE, MARGIN_LEFT, MARGIN_RIGHT, firstPageTop, MARGIN_BOTTOM);
      PdfWriter writer = PdfWriter.getInstance(document, out);
      this.writer = writer;
      makeReproducible(writer);
      writer.setPageEvent(new PageDecorations());
      document.addTitle(title() + " " + documentNumber());
      document.addAuthor(seller.name());
      document.addCreator("Fordra");
      document.open();
      // Takes effect from the second page on.
      document.setMargins(MARGIN_LEFT, MARGIN_RIGHT, FOLLOWING_PAGE_TOP, MARGIN_BOTTOM);

      // Under the body's content, so that text extraction and screen readers meet the header first.
      PdfContentByte canvas = writer.getDirectContentUnder();
      drawLogo(canvas);
      drawTitle(canvas);
      infoBox.writeSelectedRows(0, -1, INFO_LEFT, PAGE.getHeight() - INFO_TOP, canvas);
      drawAddress(canvas);

      switch (content.kind()) {
        case INVOICE -> {
          document.add(linesTable());
          document.add(totalsTable());
          addNote(document);
          document.add(paymentBox());
        }
        case REMINDER -> {
          document.add(paragraph(text("intro.REMINDER"), body));
          document.add(balanceTable());
          addNote(document);
          document.add(paymentBox());
        }
        case COLLECTION_NOTICE -> {
          document.add(paragraph(text("intro.COLLECTION_NOTICE"), body));
          document.add(paragraph(collectionWarning(), bodyBold));
          document.add(balanceTable());
          addNote(document);
          document.add(paymentBox());
        }
        case AGENCY_CASE, CONCILIATION_CASE -> {
          document.add(paragraph(text("intro." + content.kind()), body));
          document.add(linesTable());
          document.add(totalsTable());
          addNote(document);
        }
        case CREDIT_NOTE -> {
          // Nothing to pay, so no payment box: the credit lowers what is open on the invoice.
          document.add(paragraph(withInvoice(text("intro.CREDIT_NOTE")), body));
          if (content.credit() != null && content.credit().reason() != null && !content.credit().reason().isBlank()) {
            document.add(paragraph(text("label.creditReason") + ": " + content.credit().reason(), body));
          }
          document.add(linesTable());
          document.add(totalsTable());
          addNote(document);
        }
        case PAYMENT_PLAN, PAYMENT_PLAN_REFUSED, INSTALMENT_REMINDER, PAYMENT_PLAN_BROKEN -> planLetter(document);
      }
      document.close();
      return out.toByteArray();
    }

    /**
     * OpenPDF stamps "now" as creation date and a random file /ID; both are replaced by values derived from the
     * content, so re-rendering the same letter (a retried job) yields the same bytes. The /ID is taken from the
     * /FileID entry of the info dictionary, where OpenPDF also leaves it.
     */
    private void makeReproducible(PdfWriter writer) {
      PdfDate date = new PdfDate(GregorianCalendar.from(content.documentDate().atStartOfDay(ZoneOffset.UTC)));
      writer.getInfo().put(PdfName.CREATIONDATE, date);
      writer.getInfo().put(PdfName.MODDATE, date);
      byte[] id = fingerprint();
      writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private byte[] fingerprint() {
      return LetterRenderer.fingerprint(content, logo);
    }

    // ---- first page header ------------------------------------------------------------------------------------

    private void drawLogo(PdfContentByte canvas) {
      float top = PAGE.getHeight() - HEADER_TOP;
      Image image = readLogo();
      if (image != null) {
        image.scaleToFit(LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT);
        image.setAbsolutePosition(MARGIN_LEFT, top - image.getScaledHeight());
        canvas.addImage(image);
        return;
      }
      // The name takes the logo's place, in the largest size that fits the space left of the info box.
      float bottom = top - LOGO_MAX_HEIGHT - 6 * MM;
      for (float size = SELLER_NAME_MAX_SIZE; ; size -= 1) {
        Font nameFont = font(bold, size, ACCENT);
        if (size <= SELLER_NAME_MIN_SIZE || fits(seller.name(), nameFont, bottom, top)) {
          sellerName(canvas, seller.name(), nameFont, bottom, top).go();
          return;
        }
      }
    }

    private boolean fits(String text, Font nameFont, float bottom, float top) {
      ColumnText trial = sellerName(null, text, nameFont, bottom, top);
      return !ColumnText.hasMoreText(trial.go(true));
    }

    private ColumnText sellerName(PdfContentByte canvas, String text, Font nameFont, float bottom, float top) {
      ColumnText name = new ColumnText(canvas);
      name.setSimpleColumn(MARGIN_LEFT, bottom, INFO_LEFT - 5 * MM, top);
      name.setLeading(0, 1.15f);
      name.addText(phrase(text, nameFont));
      return name;
    }

    /** A missing or broken logo must not stop an invoice from going out: the seller's name stands in for it. */
    private Image readLogo() {
      if (logo == null || logo.length == 0) {
        return null;
      }
      try {
        return decodedLogo(logo);
      } catch (IOException | RuntimeException unreadable) {
        return null;
      }
    }

    private void drawTitle(PdfContentByte canvas) {
      ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, phrase(title(), title),
          PAGE.getWidth() - MARGIN_RIGHT, PAGE.getHeight() - HEADER_TOP - 17, 0);
    }

    /** Dates, numbers and the buyer's identifiers, top right next to the address window. */
    private PdfPTable infoBox() {
      return infoTable(content.kind().isPlanLetter() ? planFields() : letterFields());
    }

    /** A plan's letter goes by the plan's number; its invoices are listed in the body. */
    private List<Field> planFields() {
      List<Field> fields = new ArrayList<>();
      addIfPresent(fields, text("label.letterDate"), date(content.documentDate()));
      addIfPresent(fields, text("label.planNumber"), plan().planNumber());
      if (plan().instalmentNumber() != null) {
        addIfPresent(fields, text("label.instalmentNumber"), String.valueOf(plan().instalmentNumber()));
      }
      addIfPresent(fields, text("label.customerNumber"), content.customerNumber());
      addIfPresent(fields, text("label.buyerOrganisationNumber"), buyer.organisationNumber());
      return fields;
    }

    private List<Field> letterFields() {
      List<Field> fields = new ArrayList<>();
      boolean creditNote = content.kind() == DocumentKind.CREDIT_NOTE;
      if (creditNote) {
        addIfPresent(fields, text("label.creditNoteNumber"), documentNumber());
      }
      if (content.kind() != DocumentKind.INVOICE) {
        addIfPresent(fields, text("label.letterDate"), date(content.documentDate()));
      }
      if (content.kind() == DocumentKind.REMINDER && content.reminderNumber() > 0) {
        addIfPresent(fields, text("label.reminderNumber"), String.valueOf(content.reminderNumber()));
      }
      addIfPresent(fields, text(creditNote ? "label.creditedInvoice" : "label.invoiceNumber"), content.invoiceNumber());
      addIfPresent(fields, text("label.invoiceDate"), date(content.issueDate()));
      if (content.kind() == DocumentKind.INVOICE) {
        addSupply(fields);
      }
      if (!creditNote) {
        addIfPresent(fields, text("label.dueDate"), date(content.dueDate()));
      }
      if (content.kind() == DocumentKind.INVOICE) {
        addIfPresent(fields, text("label.paymentTerms"), paymentTerms());
      }
      addIfPresent(fields, text("label.customerNumber"), content.customerNumber());
      if (content.kind().isCaseFile()) {
        addIfPresent(fields, paymentReferenceLabel(), content.paymentReference());
        addIfPresent(fields, text("label.debtorOrganisationNumber"), buyer.organisationNumber());
        addIfPresent(fields, text("label.debtorVatNumber"), buyer.vatNumber());
        addIfPresent(fields, text("label.debtorEmail"), buyer.email());
        addIfPresent(fields, text("label.debtorPhone"), buyer.phone());
      } else {
        addIfPresent(fields, text("label.buyerOrganisationNumber"), buyer.organisationNumber());
        addIfPresent(fields, text("label.buyerVatNumber"), buyer.vatNumber());
      }
      return fields;
    }

    private PdfPTable infoTable(List<Field> fields) {
      PdfPTable table = new PdfPTable(new float[] {46, 54});
      table.setTotalWidth(PAGE.getWidth() - MARGIN_RIGHT - INFO_LEFT);
      table.setLockedWidth(true);
      for (Field field : fields) {
        table.addCell(plainCell(phrase(field.label(), label), Element.ALIGN_LEFT));
        table.addCell(plainCell(phrase(field.value(), cell), Element.ALIGN_LEFT));
      }
      return table;
    }

    /** The date of supply or the period, where it is not the invoice date. */
    private void addSupply(List<Field> fields) {
      Supply supply = content.supply();
      if (supply == null || !supply.differsFrom(content.issueDate())) {
        return;
      }
      if (supply.date() != null) {
        addIfPresent(fields, text("label.deliveryDate"), date(supply.date()));
      } else {
        addIfPresent(fields, text("label.period"), date(supply.from()) + " – " + date(supply.to()));
      }
    }

    /** "30 dagar netto": the days from invoice date to due date, the whole amount due then (no cash discount). */
    private String paymentTerms() {
      long days = ChronoUnit.DAYS.between(content.issueDate(), content.dueDate());
      return days <= 0 ? text("terms.immediate") : text("terms.net").replace("{days}", String.valueOf(days));
    }

    /** The buyer's postal address where the window of a C5/E65 envelope shows it. */
    private void drawAddress(PdfContentByte canvas) {
      float top = PAGE.getHeight() - ADDRESS_TOP;
      if (content.kind().isCaseFile()) {
        // The case goes to the agency; the address block names the debtor and says so.
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, phrase(text("label.debtor"), label),
            ADDRESS_LEFT, top + 4, 0);
      }
      ColumnText column = new ColumnText(canvas);
      column.setSimpleColumn(ADDRESS_LEFT, top - ADDRESS_HEIGHT, ADDRESS_LEFT + ADDRESS_WIDTH, top);
      column.setLeading(0, 1.25f);
      Paragraph lines = new Paragraph();
      lines.add(phrase(buyer.name(), addressBold));
      for (String line : io.fordra.customer.PostalAddresses.lines(buyer.country(), buyer.street(),
          buyer.postalCode(), buyer.city())) {
        addAddressLine(lines, line);
      }
      // Domestic mail carries no country line; abroad, the country goes last in capitals (UPU convention).
      String country = countryName(buyer.country());
      if (country != null && !buyer.country().equalsIgnoreCase(seller.country())) {
        addAddressLine(lines, country.toUpperCase(locale));
      }
      column.addElement(lines);
      column.go();
    }

    private void addAddressLine(Paragraph lines, String line) {
      if (line != null && !line.isBlank()) {
        lines.add(phrase("\n" + line, address));
      }
    }

    // ---- body ---------------------------------------------------------------------------------------------------

    private PdfPTable linesTable() {
      PdfPTable table = new PdfPTable(new float[] {37, 17, 9, 14, 9, 14});
      table.setWidthPercentage(100);
      table.setHeaderRows(1);
      table.setSpacingAfter(4 * MM);
      String[] headers = {"table.description", "table.orderReference", "table.quantity", "table.unitPrice",
          "table.vatRate", "table.netAmount"};
      for (int i = 0; i < headers.length; i++) {
        PdfPCell header = ruledCell(phrase(textForKind(headers[i]), tableHeader), i < 2 ? Element.ALIGN_LEFT
            : Element.ALIGN_RIGHT, ACCENT, 0.8f);
        header.setPaddingBottom(5);
        table.addCell(header);
      }
      for (LetterContent.Line line : content.lines()) {
        Phrase description = phrase(line.description(), cell);
        if (line.articleNumber() != null && !line.articleNumber().isBlank()) {
          description.add(phrase("\n" + text("table.articleNumber") + " " + line.articleNumber(), small));
        }
        table.addCell(lineCell(description, Element.ALIGN_LEFT));
        table.addCell(lineCell(phrase(nullToEmpty(line.orderReference()), cell), Element.ALIGN_LEFT));
        table.addCell(lineCell(phrase(quantity(line.quantity()), cell), Element.ALIGN_RIGHT));
        table.addCell(lineCell(phrase(money(line.unitPrice()), cell), Element.ALIGN_RIGHT));
        table.addCell(lineCell(phrase(percent(line.vatRate()), cell), Element.ALIGN_RIGHT));
        table.addCell(lineCell(phrase(money(line.netAmount()), cell), Element.ALIGN_RIGHT));
      }
      return table;
    }

    /**
     * Net, VAT per rate, total; for the agency also what has been paid and charged since, down to what is
     * outstanding. Swedish and Norwegian invoice law want the VAT amount per rate; each rate present on the lines gets
     * its row, even when there is only one.
     */
    private PdfPTable totalsTable() {
      PdfPTable table = amountsTable();
      amountRow(table, text("total.net"), money(content.netAmount()));
      if (content.lines().isEmpty()) {
        amountRow(table, text("total.vat"), money(content.vatAmount()));
      } else {
        List<String> labels = new ArrayList<>();
        vatByRate().forEach((rate, sum) -> {
          String rowLabel = text("total.vatRate").replace("{rate}", percent(rate)).replace("{base}", money(sum.base()));
          labels.add(rowLabel);
          amountRow(table, rowLabel, money(sum.vat()));
        });
        widenLabelColumnToFit(table, labels);
      }
      if (content.kind().isCaseFile()) {
        amountRow(table, text("total.total"), money(content.totalAmount()));
        amountRow(table, text("total.paid"), money(content.paidAmount().negate()));
        amountRow(table, text("total.fees"), money(content.feesAmount()));
        resultRow(table, text("total.outstanding"), moneyWithCurrency(content.openAmount()));
      } else if (content.kind() == DocumentKind.CREDIT_NOTE) {
        resultRow(table, text("total.credited"), moneyWithCurrency(content.totalAmount()));
        String remaining = withInvoice(text("total.remainingOpen"));
        amountRow(table, remaining, moneyWithCurrency(content.openAmount()));
        widenLabelColumnToFit(table, List.of(remaining));
      } else {
        resultRow(table, text("total.total"), moneyWithCurrency(content.totalAmount()));
        settledBeforeItLeft(table);
      }
      return table;
    }

    /**
     * An invoice paid or credited in part before it left (inside the undo window) says so under its total, down to
     * what is left to pay: the amount of the payment box, which the OCR/KID goes with (issue 15: it said the total).
     */
    private void settledBeforeItLeft(PdfPTable table) {
      if (content.paidAmount().signum() == 0 && content.creditedAmount().signum() == 0) {
        return;
      }
      amountRow(table, text("total.paid"), money(content.paidAmount().negate()));
      amountRow(table, text("total.creditedBefore"), money(content.creditedAmount().negate()));
      resultRow(table, text("total.amountDue"), moneyWithCurrency(content.openAmount()));
    }

    /**
     * How the amount to pay comes about. Every figure is printed as given; "of which" shows this letter's fee inside
     * the fees rather than deriving an "earlier fees" figure the data does not state.
     */
    private PdfPTable balanceTable() {
      PdfPTable table = amountsTable();
      amountRow(table, text("total.invoiceAmount"), money(content.totalAmount()));
      amountRow(table, text("total.paid"), money(content.paidAmount().negate()));
      if (content.creditedAmount().signum() != 0) {
        amountRow(table, text("total.creditedBefore"), money(content.creditedAmount().negate()));
      }
      amountRow(table, text("total.fees"), money(content.feesAmount()));
      if (content.feeThisLetter().signum() != 0) {
        PdfPCell feeLabel = plainCell(phrase(text("total.feeThisLetter." + content.kind()), label),
            Element.ALIGN_LEFT);
        feeLabel.setPaddingLeft(10);
        table.addCell(feeLabel);
        table.addCell(plainCell(phrase("(" + money(content.feeThisLetter()) + ")", label), Element.ALIGN_RIGHT));
      }
      resultRow(table, text("total.amountDue"), moneyWithCurrency(content.openAmount()));
      return table;
    }

    /**
     * The lines' net and VAT summed per VAT rate, highest rate first. The VAT is the lines' own, not recomputed from
     * the base, so the rows add up to the invoice's VAT exactly. 25 and 25.00 are one rate (the map compares).
     */
    private Map<BigDecimal, RateSum> vatByRate() {
      Map<BigDecimal, RateSum> byRate = new TreeMap<>(Comparator.reverseOrder());
      for (LetterContent.Line line : content.lines()) {
        byRate.merge(line.vatRate(), new RateSum(line.netAmount(), line.vatAmount()), RateSum::plus);
      }
      return byRate;
    }

    /**
     * A VAT row's label ("Moms 25 % (underlag 1 234 567,00)") is longer than the others; rather than let it wrap, the
     * label column grows, the amount column keeps its width, and the table grows to the left, at most to the margin.
     */
    private void widenLabelColumnToFit(PdfPTable table, List<String> labels) {
      float[] widths = table.getAbsoluteWidths();
      float needed = 0;
      for (String labelText : labels) {
        // Cell padding 1.5 on either side, and a little air so rounding never pushes the last word down.
        needed = Math.max(needed, regular.getWidthPoint(printable(labelText), cell.getSize()) + 3 + 2);
      }
      float labelWidth = Math.min(Math.max(widths[0], needed), CONTENT_WIDTH - widths[1]);
      if (labelWidth > widths[0]) {
        table.setTotalWidth(new float[] {labelWidth, widths[1]});
      }
    }

    private PdfPTable amountsTable() {
      PdfPTable table = new PdfPTable(new float[] {60, 40});
      table.setTotalWidth(88 * MM);
      table.setLockedWidth(true);
      table.setHorizontalAlignment(Element.ALIGN_RIGHT);
      table.setSpacingBefore(2 * MM);
      table.setSpacingAfter(6 * MM);
      table.setKeepTogether(true);
      return table;
    }

    private void amountRow(PdfPTable table, String labelText, String amount) {
      table.addCell(plainCell(phrase(labelText, cell), Element.ALIGN_LEFT));
      table.addCell(plainCell(phrase(amount, cell), Element.ALIGN_RIGHT));
    }

    /** The bottom line of an amounts table, bold under a rule. */
    private void resultRow(PdfPTable table, String labelText, String amount) {
      table.addCell(topRuledCell(phrase(labelText, cellBold), Element.ALIGN_LEFT));
      table.addCell(topRuledCell(phrase(amount, cellBold), Element.ALIGN_RIGHT));
    }

    /**
     * What a payer types into the bank: amount, date, reference, where to pay. The fields sit side by side, each as
     * wide as its text needs; what does not fit on one row moves to a second, so an IBAN or a 25-digit reference is
     * never broken in the middle.
     */
    private PdfPTable paymentBox() {
      List<Field> fields = new ArrayList<>();
      addIfPresent(fields, text("label.amountDue"), moneyWithCurrency(content.openAmount()));
      addIfPresent(fields, text("label.payBy"), date(content.payBy()));
      addIfPresent(fields, paymentReferenceLabel(), content.paymentReference());
      addIfPresent(fields, text("label.bankgiro"), seller.bankgiro());
      addIfPresent(fields, text("label.bankAccount"), seller.bankAccount());
      addIfPresent(fields, "IBAN", details().iban());
      addIfPresent(fields, "BIC", details().bic());

      PdfPTable box = new PdfPTable(1);
      box.setWidthPercentage(100);
      box.setSpacingBefore(2 * MM);
      box.setKeepTogether(true);
      List<Field> row = new ArrayList<>();
      float rowWidth = 0;
      for (Field field : fields) {
        float width = naturalWidth(field);
        if (!row.isEmpty() && rowWidth + width > CONTENT_WIDTH) {
          box.addCell(paymentRow(row));
          row = new ArrayList<>();
          rowWidth = 0;
        }
        row.add(field);
        rowWidth += width;
      }
      box.addCell(paymentRow(row));
      PayNow.forLetter(content).flatMap(PayNow::usingQr).ifPresent(qr -> box.addCell(qrRow(qr)));
      return box;
    }

    /**
     * "Betala med QR-kod": the code a Swedish bank app scans to fill in payee, amount, OCR and date, beside a line that
     * says so; part of the payment box, so it is never parted from the slip data it repeats.
     */
    private PdfPCell qrRow(String payload) {
      float side = QR_SIDE;
      float codeWidth = side + 2 * PAYMENT_PADDING;
      PdfPTable row = new PdfPTable(new float[] {CONTENT_WIDTH - codeWidth, codeWidth});
      row.setWidthPercentage(100);
      Paragraph explanation = new Paragraph(phrase(text("payNow.title"), bodyBold));
      explanation.add(phrase("\n" + text("payNow.scan"), body));
      PdfPCell textCell = new PdfPCell(explanation);
      textCell.setBorder(Rectangle.NO_BORDER);
      textCell.setBackgroundColor(PAYMENT_BACKGROUND);
      textCell.setPadding(PAYMENT_PADDING);
      textCell.setLeading(0, 1.3f);
      textCell.setVerticalAlignment(Element.ALIGN_MIDDLE);
      row.addCell(textCell);
      PdfPCell codeCell = new PdfPCell(qrImage(QrCode.of(payload), side), false);
      codeCell.setBorder(Rectangle.NO_BORDER);
      codeCell.setBackgroundColor(PAYMENT_BACKGROUND);
      codeCell.setPadding(PAYMENT_PADDING);
      codeCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
      row.addCell(codeCell);
      PdfPCell rowCell = new PdfPCell(row);
      rowCell.setBorder(Rectangle.NO_BORDER);
      rowCell.setPadding(0);
      return rowCell;
    }

    /**
     * The code drawn as vector squares (sharp at any print resolution, no image to compress), white quiet zone
     * included; runs of dark modules in a row are one rectangle.
     */
    private Image qrImage(QrCode code, float side) {
      PdfTemplate template = writer.getDirectContent().createTemplate(side, side);
      float module = side / code.size();
      template.setColorFill(Color.WHITE);
      template.rectangle(0, 0, side, side);
      template.fill();
      template.setColorFill(Color.BLACK);
      for (int y = 0; y < code.size(); y++) {
        int x = 0;
        while (x < code.size()) {
          if (!code.isDark(x, y)) {
            x++;
            continue;
          }
          int start = x;
          while (x < code.size() && code.isDark(x, y)) {
            x++;
          }
          template.rectangle(start * module, side - (y + 1) * module, (x - start) * module, module);
        }
      }
      template.fill();
      try {
        return Image.getInstance(template);
      } catch (DocumentException e) {
        throw new IllegalStateException("A template always makes an image", e);
      }
    }

    private float naturalWidth(Field field) {
      float textWidth = Math.max(regular.getWidthPoint(field.label(), label.getSize()),
          bold.getWidthPoint(field.value(), paymentValue.getSize()));
      return textWidth + 2 * PAYMENT_PADDING + 2;
    }

    /** One row of the payment box; the room left over is shared out equally so the row spans the full width. */
    private PdfPCell paymentRow(List<Field> fields) {
      float spare = CONTENT_WIDTH - (float) fields.stream().mapToDouble(this::naturalWidth).sum();
      float[] widths = new float[fields.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = naturalWidth(fields.get(i)) + Math.max(spare, 0) / widths.length;
      }
      PdfPTable row = new PdfPTable(widths);
      row.setWidthPercentage(100);
      for (Field field : fields) {
        row.addCell(paymentCell(field));
      }
      PdfPCell rowCell = new PdfPCell(row);
      rowCell.setBorder(Rectangle.NO_BORDER);
      rowCell.setPadding(0);
      return rowCell;
    }

    private void addIfPresent(List<Field> fields, String labelText, String value) {
      if (value != null && !value.isBlank()) {
        fields.add(new Field(labelText, value));
      }
    }

    private PdfPCell paymentCell(Field field) {
      Paragraph paragraph = new Paragraph(phrase(field.label(), label));
      paragraph.add(phrase("\n" + field.value(), paymentValue));
      PdfPCell paymentCell = new PdfPCell(paragraph);
      paymentCell.setBorder(Rectangle.NO_BORDER);
      paymentCell.setBackgroundColor(PAYMENT_BACKGROUND);
      paymentCell.setPadding(PAYMENT_PADDING);
      paymentCell.setPaddingTop(5);
      paymentCell.setLeading(0, 1.3f);
      return paymentCell;
    }

    // ---- a payment plan's letters --------------------------------------------------------------------------------

    private LetterContent.Plan plan() {
      if (content.plan() == null) {
        throw new IllegalArgumentException(content.kind() + " for invoice " + content.invoiceNumber()
            + " needs the plan it is about");
      }
      return content.plan();
    }

    /**
     * The plan as agreed (instalments with their OCR/KID, fee, interest, how to pay, what a missed instalment does)
     * or the deferral; the refusal with its reason; the reminder about a late instalment; the plan ended. Every text
     * is the bundle's ("plan.*"), filled in with the plan's figures.
     */
    private void planLetter(Document document) {
      LetterContent.Plan plan = plan();
      String variant = plan.deferral() ? "DEFERRAL" : "INSTALMENTS";
      switch (content.kind()) {
        case PAYMENT_PLAN -> {
          document.add(paragraph(planText("plan.intro." + variant), body));
          document.add(coveredInvoicesTable(plan));
          if (!plan.deferral()) {
            document.add(planTotalsTable(plan));
            if (plan.fee().signum() > 0) {
              document.add(paragraph(countrySpecific("plan.feeBasis"), small));
            }
            document.add(paragraph(text("plan.instalments"), bodyBold));
            document.add(instalmentsTable(plan.instalments(), true));
          }
          document.add(paragraph(interestStatement(plan), body));
          document.add(paragraph(planText("plan.howToPay." + variant), body));
          document.add(paragraph(planText("plan.missed." + variant), bodyBold));
          addNote(document);
          document.add(paymentBox());
        }
        case PAYMENT_PLAN_REFUSED -> {
          document.add(paragraph(planText("plan.intro.REFUSED." + variant), body));
          if (plan.reason() != null && !plan.reason().isBlank()) {
            document.add(paragraph(text("plan.reason") + ": " + plan.reason().strip(), bodyBold));
          }
          document.add(coveredInvoicesTable(plan));
          document.add(paragraph(planText("plan.refused.followUp"), body));
          addNote(document);
        }
        case INSTALMENT_REMINDER -> {
          document.add(paragraph(planText("plan.intro.INSTALMENT_REMINDER"), body));
          document.add(instalmentsTable(lateInstalment().stream().toList(), false));
          document.add(paragraph(planText("plan.reminder.consequence"), bodyBold));
          document.add(paragraph(interestStatement(plan), body));
          addNote(document);
          document.add(paymentBox());
        }
        case PAYMENT_PLAN_BROKEN -> {
          document.add(paragraph(planText("plan.intro.BROKEN." + variant), body));
          document.add(coveredInvoicesTable(plan));
          PdfPTable rest = amountsTable();
          amountRow(rest, text("plan.total.total"), money(plan.total()));
          amountRow(rest, text("plan.total.paid"), money(plan.paid().negate()));
          resultRow(rest, text("plan.total.rest"), moneyWithCurrency(plan.rest()));
          widenLabelColumnToFit(rest, List.of(text("plan.total.total")));
          document.add(rest);
          document.add(paragraph(planText("plan.broken.resumes"), bodyBold));
          addNote(document);
        }
        default -> throw new IllegalArgumentException(content.kind() + " is no payment plan's letter");
      }
    }

    private java.util.Optional<LetterContent.Instalment> lateInstalment() {
      Integer number = plan().instalmentNumber();
      return plan().instalments().stream().filter(i -> number != null && i.number() == number).findFirst();
    }

    /** The covered invoices: number, own due date and what is open on each. */
    private PdfPTable coveredInvoicesTable(LetterContent.Plan plan) {
      PdfPTable table = new PdfPTable(new float[] {40, 30, 30});
      table.setWidthPercentage(100);
      table.setHeaderRows(1);
      table.setSpacingAfter(2 * MM);
      headerRow(table, "plan.table.invoice", "plan.table.dueDate", "plan.table.openAmount");
      for (LetterContent.CoveredInvoice invoice : plan.invoices()) {
        table.addCell(lineCell(phrase(invoice.invoiceNumber(), cell), Element.ALIGN_LEFT));
        table.addCell(lineCell(phrase(invoice.dueDate() == null ? "" : date(invoice.dueDate()), cell),
            Element.ALIGN_LEFT));
        table.addCell(lineCell(phrase(invoice.openAmount() == null ? "" : money(invoice.openAmount()), cell),
            Element.ALIGN_RIGHT));
      }
      return table;
    }

    /** The debt the plan covers, its fee (when it has one) and the total the instalments add up to. */
    private PdfPTable planTotalsTable(LetterContent.Plan plan) {
      PdfPTable table = amountsTable();
      List<String> labels = new ArrayList<>(List.of(text("plan.total.debt"), text("plan.total.total")));
      amountRow(table, text("plan.total.debt"), money(plan.debt()));
      if (plan.fee().signum() > 0) {
        labels.add(text("plan.fee"));
        amountRow(table, text("plan.fee"), money(plan.fee()));
      }
      resultRow(table, text("plan.total.total"), moneyWithCurrency(plan.total()));
      widenLabelColumnToFit(table, labels);
      return table;
    }

    /** Number, due date, amount and the instalment's own OCR/KID; the agreed plan's table ends with the total. */
    private PdfPTable instalmentsTable(List<LetterContent.Instalment> instalments, boolean withTotal) {
      PdfPTable table = new PdfPTable(new float[] {10, 25, 25, 40});
      table.setWidthPercentage(100);
      table.setHeaderRows(1);
      table.setSpacingAfter(4 * MM);
      String[] headers = {"plan.table.number", "plan.table.dueDate", "plan.table.amount"};
      for (int i = 0; i < headers.length; i++) {
        table.addCell(header(text(headers[i]), i == 2 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
      }
      table.addCell(header(paymentReferenceLabel(), Element.ALIGN_RIGHT));
      BigDecimal sum = BigDecimal.ZERO;
      for (LetterContent.Instalment instalment : instalments) {
        table.addCell(lineCell(phrase(String.valueOf(instalment.number()), cell), Element.ALIGN_LEFT));
        table.addCell(lineCell(phrase(date(instalment.dueDate()), cell), Element.ALIGN_LEFT));
        table.addCell(lineCell(phrase(money(instalment.amount()), cell), Element.ALIGN_RIGHT));
        table.addCell(lineCell(phrase(instalment.paymentReference(), cell), Element.ALIGN_RIGHT));
        sum = sum.add(instalment.amount());
      }
      if (withTotal) {
        PdfPCell totalLabel = topRuledCell(phrase(text("plan.total.instalments"), cellBold), Element.ALIGN_LEFT);
        totalLabel.setColspan(2);
        table.addCell(totalLabel);
        table.addCell(topRuledCell(phrase(moneyWithCurrency(sum), cellBold), Element.ALIGN_RIGHT));
        table.addCell(topRuledCell(phrase("", cellBold), Element.ALIGN_RIGHT));
      }
      return table;
    }

    private void headerRow(PdfPTable table, String... keys) {
      for (int i = 0; i < keys.length; i++) {
        table.addCell(header(text(keys[i]), i == keys.length - 1 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
      }
    }

    private PdfPCell header(String labelText, int alignment) {
      PdfPCell header = ruledCell(phrase(labelText, tableHeader), alignment, ACCENT, 0.8f);
      header.setPaddingBottom(5);
      return header;
    }

    /** Interest runs on per the seller's law (räntelagen, forsinkelsesrenteloven) and is invoiced later, or none. */
    private String interestStatement(LetterContent.Plan plan) {
      return plan.interestRuns() ? countrySpecific("plan.interest.running") : text("plan.interest.none");
    }

    /** The text under "key.SE" / "key.NO" for the seller's country if the bundle has one, else under "key". */
    private String countrySpecific(String key) {
      String countryKey = key + "." + nullToEmpty(seller.country()).toUpperCase(Locale.ROOT);
      return text(texts.containsKey(countryKey) ? countryKey : key);
    }

    /** A plan text with the plan's figures in: {plan}, {payBy}, {amount}, {reference}, {referenceLabel}, {account},
     *  {number} and {dueDate} (the late instalment's), {rest}. */
    private String planText(String key) {
      LetterContent.Plan plan = plan();
      java.util.Optional<LetterContent.Instalment> late = lateInstalment();
      return text(key)
          .replace("{plan}", plan.planNumber())
          .replace("{amount}", moneyWithCurrency(content.openAmount()))
          .replace("{reference}", nullToEmpty(content.paymentReference()))
          .replace("{referenceLabel}", paymentReferenceLabel())
          .replace("{account}", payeeAccount())
          .replace("{number}", late.map(i -> String.valueOf(i.number())).orElse(""))
          .replace("{dueDate}", late.map(i -> date(i.dueDate())).orElse(""))
          .replace("{rest}", moneyWithCurrency(plan.rest()));
    }

    /** Where to pay: the bankgiro, else the account, else the IBAN, with its label. */
    private String payeeAccount() {
      if (seller.bankgiro() != null && !seller.bankgiro().isBlank()) {
        return text("label.bankgiro").toLowerCase(locale) + " " + seller.bankgiro();
      }
      if (seller.bankAccount() != null && !seller.bankAccount().isBlank()) {
        return text("label.bankAccount").toLowerCase(locale) + " " + seller.bankAccount();
      }
      return details().iban() == null ? "" : "IBAN " + details().iban();
    }

    private String collectionWarning() {
      String countrySpecific = "legal.COLLECTION_NOTICE." + nullToEmpty(seller.country()).toUpperCase(Locale.ROOT);
      return text(texts.containsKey(countrySpecific) ? countrySpecific : "legal.COLLECTION_NOTICE");
    }

    private void addNote(Document document) {
      if (content.note() != null && !content.note().isBlank()) {
        document.add(paragraph(content.note(), body));
      }
    }

    private Paragraph paragraph(String text, Font font) {
      Paragraph paragraph = new Paragraph(phrase(text, font));
      paragraph.setLeading(0, 1.35f);
      paragraph.setSpacingAfter(3 * MM);
      return paragraph;
    }

    // ---- every page ---------------------------------------------------------------------------------------------

    /** Footer with the seller's details and "page n of m" on every page, a running head from page 2 on. */
    private final class PageDecorations extends PdfPageEventHelper {

      private PdfTemplate pageCount;

      @Override
      public void onOpenDocument(PdfWriter writer, Document document) {
        pageCount = writer.getDirectContent().createTemplate(30, 12);
      }

      @Override
      public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        if (writer.getPageNumber() > 1) {
          ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
              phrase(title() + " " + documentNumber() + "  ·  " + seller.name(),
                  small), MARGIN_LEFT, PAGE.getHeight() - 16 * MM, 0);
        }
        drawFooter(canvas);
        drawPageNumber(canvas, writer.getPageNumber());
      }

      @Override
      public void onCloseDocument(PdfWriter writer, Document document) {
        // Called after the last page has ended, when the page counter already points past it.
        ColumnText.showTextAligned(pageCount, Element.ALIGN_LEFT,
            phrase(String.valueOf(writer.getPageNumber() - 1), small), 0, 2, 0);
      }

      private void drawPageNumber(PdfContentByte canvas, int page) {
        String pageText = text("footer.page").replace("{page}", String.valueOf(page)) + " ";
        float countWidth = regular.getWidthPoint("99", small.getSize());
        float x = PAGE.getWidth() - MARGIN_RIGHT - countWidth - regular.getWidthPoint(pageText, small.getSize());
        float y = 10 * MM;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, phrase(pageText, small), x, y, 0);
        canvas.addTemplate(pageCount, PAGE.getWidth() - MARGIN_RIGHT - countWidth, y - 2);
      }

      private void drawFooter(PdfContentByte canvas) {
        float top = FOOTER_TOP;
        // A plan's letter states in its body what interest runs while the plan is kept.
        if (content.kind().asksForPayment() && !content.kind().isPlanLetter()) {
          ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, phrase(lateInterestClause(), small), MARGIN_LEFT,
              top + 5 * MM, 0);
        }
        canvas.saveState();
        canvas.setColorStroke(RULE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(MARGIN_LEFT, top + 3 * MM);
        canvas.lineTo(PAGE.getWidth() - MARGIN_RIGHT, top + 3 * MM);
        canvas.stroke();
        canvas.restoreState();

        // The bank column widest: an IBAN in groups of four needs 43 mm at this size; e-mail addresses run long too.
        PdfPTable footer = new PdfPTable(new float[] {25, 25, 20, 30});
        footer.setTotalWidth(CONTENT_WIDTH);
        footer.setLockedWidth(true);
        LetterContent.SellerDetails details = details();
        String boardSeat = details.boardSeat() == null || details.boardSeat().isBlank() ? null
            : text("footer.boardSeat") + ": " + details.boardSeat().strip();
        footer.addCell(footerCell(
            phrase(seller.name(), footerName),
            lines(seller.street(), joined(" ", seller.postalCode(), seller.city()), countryName(seller.country()),
                boardSeat)));
        footer.addCell(footerCell(
            labelled("footer.phone", seller.phone()), labelled("footer.email", seller.email())));
        footer.addCell(footerCell(labelled("footer.organisationNumber", seller.organisationNumber()),
            labelled("footer.vatNumber", seller.vatNumber()),
            lines(details.fTaxApproved() ? text("footer.fTaxApproved") : null,
                // The register's name, in Norwegian whatever the letter's language (foretaksregisterloven 10-2).
                details.inBusinessRegister() ? "Foretaksregisteret" : null)));
        footer.addCell(footerCell(labelled("label.bankgiro", seller.bankgiro()),
            labelled("label.bankAccount", seller.bankAccount()), labelled("footer.iban", details.iban()),
            labelled("footer.bic", details.bic())));
        footer.writeSelectedRows(0, -1, MARGIN_LEFT, top, canvas);
      }

      /** A small grey label over its value, or nothing when there is no value. */
      private Phrase labelled(String labelKey, String value) {
        if (value == null || value.isBlank()) {
          return null;
        }
        Phrase labelled = phrase(text(labelKey), footerLabel);
        labelled.add(phrase("\n" + value, footerText));
        return labelled;
      }

      private Phrase lines(String... lines) {
        String joined = joined("\n", lines);
        return joined.isEmpty() ? null : phrase(joined, footerText);
      }

      private PdfPCell footerCell(Phrase... parts) {
        Paragraph paragraph = new Paragraph();
        paragraph.setLeading(0, 1.25f);
        boolean first = true;
        for (Phrase part : parts) {
          if (part == null) {
            continue;
          }
          if (!first) {
            paragraph.add(phrase("\n", footerText));
          }
          paragraph.add(part);
          first = false;
        }
        PdfPCell footerCell = new PdfPCell(paragraph);
        footerCell.setBorder(Rectangle.NO_BORDER);
        footerCell.setPadding(0);
        footerCell.setPaddingRight(3 * MM);
        footerCell.setLeading(0, 1.25f);
        return footerCell;
      }
    }

    // ---- cells --------------------------------------------------------------------------------------------------

    private PdfPCell plainCell(Phrase phrase, int alignment) {
      PdfPCell plain = new PdfPCell(phrase);
      plain.setBorder(Rectangle.NO_BORDER);
      plain.setHorizontalAlignment(alignment);
      plain.setPadding(1.5f);
      plain.setPaddingBottom(4.5f);
      plain.setLeading(0, 1.2f);
      return plain;
    }

    private PdfPCell lineCell(Phrase phrase, int alignment) {
      PdfPCell line = ruledCell(phrase, alignment, RULE, 0.4f);
      line.setPaddingTop(4);
      line.setPaddingBottom(6);
      return line;
    }

    private PdfPCell ruledCell(Phrase phrase, int alignment, Color ruleColor, float ruleWidth) {
      PdfPCell ruled = new PdfPCell(phrase);
      ruled.setBorder(Rectangle.BOTTOM);
      ruled.setBorderColor(ruleColor);
      ruled.setBorderWidth(ruleWidth);
      ruled.setHorizontalAlignment(alignment);
      ruled.setPaddingLeft(alignment == Element.ALIGN_LEFT ? 0 : 3);
      ruled.setPaddingRight(alignment == Element.ALIGN_RIGHT ? 0 : 3);
      ruled.setLeading(0, 1.2f);
      return ruled;
    }

    private PdfPCell topRuledCell(Phrase phrase, int alignment) {
      PdfPCell result = plainCell(phrase, alignment);
      result.setBorder(Rectangle.TOP);
      result.setBorderColor(ACCENT);
      result.setBorderWidth(0.8f);
      result.setPaddingTop(5);
      return result;
    }

    // ---- texts and formats --------------------------------------------------------------------------------------

    private String text(String key) {
      return texts.getString(key).replace("{payBy}", date(content.payBy()));
    }

    /** The credited invoice's number and date in a credit note's text. */
    private String withInvoice(String text) {
      return text.replace("{invoice}", content.invoiceNumber()).replace("{invoiceDate}", date(content.issueDate()));
    }

    /** The letter's own number: a credit note and a plan's letter have one, every other goes by the invoice's. */
    private String documentNumber() {
      if (content.kind().isPlanLetter() && content.plan() != null) {
        return content.plan().planNumber();
      }
      return content.kind() == DocumentKind.CREDIT_NOTE && content.credit() != null
          ? content.credit().number() : content.invoiceNumber();
    }

    /** "Avbetalningsplan", or "Anstånd med betalning" for the letter of a deferral ("title.KIND.DEFERRAL"). */
    private String title() {
      String deferral = "title." + content.kind() + ".DEFERRAL";
      return content.plan() != null && content.plan().deferral() && texts.containsKey(deferral)
          ? text(deferral) : text("title." + content.kind());
    }

    /** The text under "key.KIND" if the bundle words it differently for this kind of letter, else under "key". */
    private String textForKind(String key) {
      String kindSpecific = key + "." + content.kind();
      return text(texts.containsKey(kindSpecific) ? kindSpecific : key);
    }

    private LetterContent.SellerDetails details() {
      return content.sellerDetails() != null ? content.sellerDetails()
          : new LetterContent.SellerDetails(null, null, false, false, null);
    }

    /** Late-payment interest under the seller's law (räntelagen, forsinkelsesrenteloven), in the letter's language. */
    private String lateInterestClause() {
      String countrySpecific = "legal.lateInterest." + nullToEmpty(seller.country()).toUpperCase(Locale.ROOT);
      return text(texts.containsKey(countrySpecific) ? countrySpecific : "legal.lateInterest");
    }

    /** Bankgirot's OCR in Sweden, KID in Norway; any other seller country gets a neutral label. */
    private String paymentReferenceLabel() {
      String country = nullToEmpty(seller.country()).toUpperCase(Locale.ROOT);
      return switch (country) {
        case "SE" -> "OCR";
        case "NO" -> "KID";
        default -> text("label.paymentReference");
      };
    }

    private String countryName(String isoCode) {
      if (isoCode == null || isoCode.isBlank()) {
        return null;
      }
      return new Locale("", isoCode.toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
    }

    private String money(BigDecimal amount) {
      return moneyFormat.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    private String moneyWithCurrency(BigDecimal amount) {
      return money(amount) + " " + content.currency();
    }

    private String quantity(BigDecimal amount) {
      return quantityFormat.format(amount.setScale(3, RoundingMode.HALF_UP));
    }

    private String percent(BigDecimal rate) {
      return percentFormat.format(rate.setScale(2, RoundingMode.HALF_UP));
    }
  }

  // ---- helpers shared by all letters ------------------------------------------------------------------------------

  /**
   * The description of a credit note line that is no invoice line of its own, in the letter's language: the credited
   * share of one VAT rate ({@code rate} in percent) or the fees. The e-invoice uses the same text as the PDF.
   */
  /**
   * Why an invoice carries no VAT of the seller's (reverse charge, export), in the letter's language: the statutory
   * text the invoice must carry (mervärdesskattelagen 17 kap., VAT directive art. 226 (11a)); the e-invoice's exemption
   * reason is the same text.
   */
  public static String vatNote(String language, io.fordra.invoice.VatTreatment treatment, String sellerCountry) {
    ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
        LetterRenderer.class.getClassLoader(), UTF8_WITHOUT_DEFAULT_LOCALE);
    String key = "vat." + treatment.name();
    String countrySpecific = key + "." + nullToEmpty(sellerCountry).toUpperCase(Locale.ROOT);
    return texts.getString(texts.containsKey(countrySpecific) ? countrySpecific : key);
  }

  static String creditLineDescription(String language, boolean fees, String invoiceNumber, BigDecimal rate) {
    ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
        LetterRenderer.class.getClassLoader(), UTF8_WITHOUT_DEFAULT_LOCALE);
    if (fees) {
      return texts.getString("creditNote.fees");
    }
    String percent = rate.stripTrailingZeros().toPlainString();
    return texts.getString("creditNote.shareOfRate").replace("{invoice}", invoiceNumber)
        .replace("{rate}", language.equals("en") ? percent : percent.replace('.', ','));
  }

  /**
   * Text in a form Cp1252 can show. OpenPDF silently drops characters the encoding lacks ("Łódź" would print as
   * "ód"), which on an address is worse than a plain letter: a letter with a diacritic becomes its base letter (Ż as
   * Z, ł as l), anything else becomes "?".
   */
  private static Phrase phrase(String text, Font font) {
    return new Phrase(printable(text), font);
  }

  static String printable(String text) {
    CharsetEncoder cp1252 = CP1252.newEncoder();
    if (text == null || cp1252.canEncode(text)) {
      return text;
    }
    StringBuilder printable = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> {
      String character = Character.toString(codePoint);
      String base = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      if (cp1252.canEncode(character)) {
        printable.append(character);
      } else if (!base.isEmpty() && !base.equals(character) && cp1252.canEncode(base)) {
        printable.append(base);
      } else {
        printable.append(LETTERS_WITHOUT_DECOMPOSITION.getOrDefault(codePoint, "?"));
      }
    });
    return printable.toString();
  }

  /** A label and its value, e.g. "Förfallodatum" and "2025-02-14". */
  private record Field(String label, String value) {}

  /** Net amount (the VAT base) and VAT of the lines at one VAT rate. */
  private record RateSum(BigDecimal base, BigDecimal vat) {

    RateSum plus(RateSum other) {
      return new RateSum(base.add(other.base), vat.add(other.vat));
    }
  }

  private static String date(LocalDate date) {
    return DATE.format(date);
  }

  private static Font font(BaseFont baseFont, float size, Color color) {
    return new Font(baseFont, size, Font.NORMAL, color);
  }

  private static DecimalFormat decimalFormat(String pattern, DecimalFormatSymbols symbols) {
    DecimalFormat format = new DecimalFormat(pattern, symbols);
    // Callers already rounded with setScale; HALF_UP here only guards against a silent HALF_EVEN default.
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }

  private static String joined(String separator, String... parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        present.add(part.strip());
      }
    }
    return String.join(separator, present);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * Reads the bundles as UTF-8 and never falls back to the JVM's default locale: a server running with default
   * locale sv must still write an English letter in English.
   */
  private static final class Utf8Control extends ResourceBundle.Control {

    @Override
    public List<String> getFormats(String baseName) {
      return ResourceBundle.Control.FORMAT_PROPERTIES;
    }

    @Override
    public Locale getFallbackLocale(String baseName, Locale locale) {
      return null;
    }

    @Override
    public ResourceBundle newBundle(String baseName, Locale locale, String format, ClassLoader loader,
                                    boolean reload) throws IOException {
      String resource = toResourceName(toBundleName(baseName, locale), "properties");
      InputStream in = loader.getResourceAsStream(resource);
      if (in == null) {
        return null;
      }
      try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return new PropertyResourceBundle(reader);
      }
    }
  }
}
