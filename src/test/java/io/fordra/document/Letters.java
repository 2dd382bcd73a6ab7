package io.fordra.document;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.seller.SellerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the unit tests of the invoice hotel and its channels share: the seller of application.yaml, an invoice of
 * 800.00 + 200.00 VAT = 1,000.00 SEK issued 1 October and due 31 October, and its letters.
 */
public final class Letters {

  public static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
  public static final LocalDate ISSUED = LocalDate.of(2026, 10, 1);
  public static final LocalDate DUE = LocalDate.of(2026, 10, 31);
  public static final String PDF = "application/pdf";
  public static final String XML = "application/xml";
  public static final SellerProperties SELLER = new SellerProperties("Exempelbolaget AB", "556677-8899",
      "SE556677889901", "Storgatan 1", "111 22", "Stockholm", Country.SE, "faktura@exempelbolaget.se",
      "+46 8 123 456 00", "5050-1055", "SE4550000000058398257466", "");

  private Letters() {}

  /** Customer C-1, whose invoice it is: a Swedish private person reached by e-mail, with a postal address. */
  public static Customer customer(String name) {
    return new Customer("C-1", name, CustomerType.PRIVATE, true, Country.SE, null, "anna@example.se", null,
        new Customer.Address("Storgatan 1", "111 22", "Stockholm", "SE"), false, Channel.EMAIL, "sv", null, NOW, null,
        null, null, false);
  }

  /** The invoice of customer C-1, nothing paid, charged, credited or disputed; payment reference 10000180. */
  public static Invoice invoice(long id, String invoiceNumber, InvoiceStatus status) {
    return invoice(id, invoiceNumber, status, "0.00", "0.00", "0.00", "0.00");
  }

  public static Invoice invoice(long id, String invoiceNumber, InvoiceStatus status, String paid, String fees,
                                String credited, String disputed) {
    return new Invoice(id, invoiceNumber, "C-1", status, ISSUED, DUE, Currency.SEK, new BigDecimal("800.00"),
        new BigDecimal("200.00"), new BigDecimal("1000.00"), new BigDecimal(paid), new BigDecimal(fees),
        new BigDecimal("0.00"), new BigDecimal(credited), new BigDecimal(disputed), new BigDecimal("0.00"),
        new BigDecimal("0.00"), "10000180", 0, 0, 0, null, NOW);
  }

  /**
   * The invoice of customer C-1 paid beyond its total: the credit balance is held for the customer and may have been
   * paid back in part.
   */
  public static Invoice overpaid(long id, String invoiceNumber, String paid, String creditBalance, String refunded) {
    return new Invoice(id, invoiceNumber, "C-1", InvoiceStatus.PAID, ISSUED, DUE, Currency.SEK,
        new BigDecimal("800.00"), new BigDecimal("200.00"), new BigDecimal("1000.00"), new BigDecimal(paid),
        new BigDecimal("0.00"), new BigDecimal(creditBalance), new BigDecimal("0.00"), new BigDecimal("0.00"),
        new BigDecimal("0.00"), new BigDecimal(refunded), "10000180", 0, 0, 0, null, NOW);
  }

  /** A PDF letter of the invoice, stored and handed to a channel once. */
  public static StoredDocument letter(long id, long invoiceId, DocumentKind kind, int sequence, String fileName,
                                      byte[] content) {
    return new StoredDocument(id, invoiceId, kind, sequence, fileName, PDF, content, new BigDecimal("1000.00"),
        new BigDecimal("0.00"), DUE, "<" + fileName + "@fordra.test>", NOW, null, null, null, 1, "CREATED");
  }

  /** The letter after it went out by e-mail to customer C-1, attempts times in all. */
  public static StoredDocument sent(StoredDocument letter, int attempts) {
    return new StoredDocument(letter.id(), letter.invoiceId(), letter.kind(), letter.sequenceNumber(),
        letter.fileName(), letter.mediaType(), letter.content(), letter.amountDue(), letter.fee(), letter.payBy(),
        letter.messageId(), letter.createdAt(), NOW, "EMAIL", "anna@example.se", attempts, letter.statusBefore(),
        letter.renditionOf());
  }

  /** The letter in another format (the e-invoice's UBL). */
  public static StoredDocument rendition(long id, StoredDocument letter, String fileName, byte[] content) {
    return new StoredDocument(id, letter.invoiceId(), letter.kind(), letter.sequenceNumber(), fileName, XML, content,
        letter.amountDue(), letter.fee(), letter.payBy(), letter.messageId(), NOW, null, null, null, 0, null,
        letter.id());
  }

  /** The text of each page of a PDF, runs of white space (line breaks in wrapped paragraphs) collapsed to one space. */
  public static List<String> pageTexts(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      try {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
          pages.add(extractor.getTextFromPage(page).replaceAll("\\s+", " "));
        }
        return pages;
      } finally {
        reader.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All text of all pages of a PDF, as {@link #pageTexts} reads it. */
  public static String pdfText(byte[] pdf) {
    return String.join(" ", pageTexts(pdf));
  }
}
