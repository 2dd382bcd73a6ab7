package io.fordra.document;

import static io.fordra.document.LetterRendererTest.NORWEGIAN_BUYER;
import static io.fordra.document.LetterRendererTest.NORWEGIAN_SELLER;
import static io.fordra.document.LetterRendererTest.SWEDISH_BUYER;
import static io.fordra.document.LetterRendererTest.SWEDISH_SELLER;
import static io.fordra.document.LetterRendererTest.assertContains;
import static io.fordra.document.LetterRendererTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.document.paynow.QrDecoder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "pay now" part of the letters: the QR code is read back from the rendered page (rasterised, decoded by zxing)
 * and must say what the letter says.
 */
class PayNowLetterTest {

  private static final LetterRenderer RENDERER = new LetterRenderer();

  private static JsonNode onlyCode(byte[] pdf) {
    List<String> codes = QrDecoder.onPage(pdf, 1);
    assertThat(codes).as("QR codes on page 1").hasSize(1);
    return QrDecoder.json(codes.get(0));
  }

  @Test
  void aSwedishInvoiceCarriesTheBetalaMedQrCodeOfItsSlip() {
    LetterContent letter = LetterRendererTest.invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER);
    byte[] pdf = RENDERER.render(letter, null);

    JsonNode qr = onlyCode(pdf);

    assertThat(qr.get("uqr").asInt()).isEqualTo(1);
    assertThat(qr.get("tp").asInt()).isEqualTo(1);
    assertThat(qr.get("nme").asText()).isEqualTo("Exempelbolaget AB");
    assertThat(qr.get("cid").asText()).isEqualTo("556677-8899");
    assertThat(qr.get("iref").asText()).isEqualTo(letter.paymentReference());
    assertThat(qr.get("idt").asText()).isEqualTo("20250303");
    assertThat(qr.get("ddt").asText()).isEqualTo("20250402");
    assertThat(qr.get("due").decimalValue()).isEqualByComparingTo("14845.50");
    assertThat(qr.get("pt").asText()).isEqualTo("BG");
    assertThat(qr.get("acc").asText()).isEqualTo("5050-1055");
    // The slip data the code repeats is printed beside it.
    assertContains(text(pdf), "Att betala | 14 845,50 SEK", "Betala senast | 2025-04-02",
        "OCR | " + letter.paymentReference(), "Bankgiro | 5050-1055", "Betala med QR-kod");
  }

  @Test
  void aReminderCodeAsksForTheLettersOpenAmountWithFeesByItsNewDeadline() {
    LetterContent reminder = LetterRendererTest.followUp(DocumentKind.REMINDER, "sv", SWEDISH_SELLER, SWEDISH_BUYER);
    byte[] pdf = RENDERER.render(reminder, null);

    JsonNode qr = onlyCode(pdf);

    assertThat(qr.get("due").decimalValue()).isEqualByComparingTo(reminder.openAmount())
        .isEqualByComparingTo("12905.50");
    assertThat(qr.get("ddt").asText()).isEqualTo("20250429");
    assertContains(text(pdf), "Att betala | 12 905,50 SEK", "Betala senast | 2025-04-29");
  }

  @Test
  void aCollectionNoticeInEnglishCarriesTheCodeToo() {
    byte[] pdf = RENDERER.render(
        LetterRendererTest.followUp(DocumentKind.COLLECTION_NOTICE, "en", SWEDISH_SELLER, SWEDISH_BUYER), null);

    assertThat(onlyCode(pdf).get("due").decimalValue()).isEqualByComparingTo("12905.50");
    assertContains(text(pdf), "Pay with QR code");
  }

  @Test
  void aCreditNoteHasNoCode() {
    LetterContent invoice = LetterRendererTest.invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER);
    LetterContent creditNote = new LetterContent(DocumentKind.CREDIT_NOTE, "sv", SWEDISH_SELLER, SWEDISH_BUYER,
        "100042", invoice.issueDate(), invoice.dueDate(), invoice.issueDate(), "SEK", invoice.lines(),
        invoice.netAmount(), invoice.vatAmount(), invoice.totalAmount(), null, null, null, BigDecimal.ZERO,
        invoice.issueDate(), invoice.paymentReference(), 0, null, new LetterContent.Credit("K-100042-1", "Fel pris"));

    byte[] pdf = RENDERER.render(creditNote, null);

    assertThat(QrDecoder.onPage(pdf, 1)).isEmpty();
    assertThat(text(pdf)).doesNotContain("Betala med QR-kod");
  }

  @Test
  void anInvoicePaidInFullBeforeItLeftHasNoCode() {
    LetterContent c = LetterRendererTest.invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER);
    LetterContent paid = new LetterContent(c.kind(), c.language(), c.seller(), c.buyer(), c.invoiceNumber(),
        c.issueDate(), c.dueDate(), c.documentDate(), c.currency(), c.lines(), c.netAmount(), c.vatAmount(),
        c.totalAmount(), c.totalAmount(), null, null, BigDecimal.ZERO, c.payBy(), c.paymentReference(), 0, null);

    assertThat(QrDecoder.onPage(RENDERER.render(paid, null), 1)).isEmpty();
  }

  @Test
  void aNorwegianInvoicePrintsKidAndAccountClearlyWithoutCode() {
    LetterContent letter = LetterRendererTest.invoice("nb", NORWEGIAN_SELLER, NORWEGIAN_BUYER);
    byte[] pdf = RENDERER.render(letter, null);

    assertThat(QrDecoder.onPage(pdf, 1)).isEmpty();
    assertContains(text(pdf), "KID | " + letter.paymentReference(), "Kontonummer | 1503.12.34567",
        "Å betale | 14 845,50 NOK");
  }

  @Test
  void aEuroInvoiceIsPaidToTheIbanWithBicAndWithoutAnIbanHasNoCode() {
    LetterContent c = LetterRendererTest.invoice("en", SWEDISH_SELLER, NORWEGIAN_BUYER);
    LetterContent euro = new LetterContent(c.kind(), c.language(), c.seller(), c.buyer(), c.invoiceNumber(),
        c.issueDate(), c.dueDate(), c.documentDate(), "EUR", c.lines(), c.netAmount(), c.vatAmount(),
        c.totalAmount(), null, null, null, c.openAmount(), c.payBy(), c.paymentReference(), 0, null);

    JsonNode qr = onlyCode(RENDERER.render(euro.with(null, null,
        new LetterContent.SellerDetails("SE45 5000 0000 0583 9825 7466", "ESSESESS", true, false, null)), null));

    assertThat(qr.get("pt").asText()).isEqualTo("IBAN");
    assertThat(qr.get("acc").asText()).isEqualTo("SE4550000000058398257466");
    assertThat(qr.get("bc").asText()).isEqualTo("ESSESESS");
    assertThat(qr.get("cur").asText()).isEqualTo("EUR");
    assertThat(qr.get("due").decimalValue()).isEqualByComparingTo("14845.50");
    // A bankgiro takes SEK only: without an IBAN the euro letter has no code (the slip data is printed as ever).
    assertThat(QrDecoder.onPage(RENDERER.render(euro, null), 1)).isEmpty();
  }

  @Test
  void theSameLetterStillGivesTheSameBytes() {
    LetterContent letter = LetterRendererTest.invoice("sv", SWEDISH_SELLER, SWEDISH_BUYER);

    assertThat(RENDERER.render(letter, null)).isEqualTo(RENDERER.render(letter, null));
  }
}
