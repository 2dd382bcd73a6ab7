package io.fordra.document.paynow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.customer.Country;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsingQrTest {

  static final SellerProperties SWEDISH = new SellerProperties("Exempelbolaget Åkeri AB", "556677-8899",
      "SE556677889901", "Storgatan 1", "111 22", "Stockholm", Country.SE, "faktura@exempelbolaget.se",
      "+46 8 123 456 00", "5050-1055", null, null, "SE45 5000 0000 0583 9825 7466", "ESSESESS", true, false, null);
  static final SellerProperties NORWEGIAN = new SellerProperties("Eksempelfirma AS", "923456783", "NO923456783MVA",
      "Storgata 7", "0155", "Oslo", Country.NO, "faktura@eksempelfirma.no", "+47 22 33 44 55", null,
      "1503.12.34567", null, "NO9386011117947", "DNBANOKK", false, true, null);

  static Invoice invoice(Currency currency, InvoiceStatus status, String paid, String fees, String credited,
                         String disputed, LocalDate payBy) {
    return new Invoice(7, "100042", "C-1", status, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), currency,
        new BigDecimal("800.00"), new BigDecimal("200.00"), new BigDecimal("1000.00"), new BigDecimal(paid),
        new BigDecimal(fees), BigDecimal.ZERO, new BigDecimal(credited), new BigDecimal(disputed), BigDecimal.ZERO,
        BigDecimal.ZERO, "10004205", 0, 0, 0, payBy, Instant.parse("2026-10-01T08:00:00Z"));
  }

  @Test
  void aSwedishInvoiceInSekIsPaidToTheBankgiroWithItsOcrAmountAndDueDate() {
    PayNow pay = PayNow.forInvoice(invoice(Currency.SEK, InvoiceStatus.SENT, "0", "0", "0", "0", null), SWEDISH)
        .orElseThrow();

    String payload = pay.usingQr().orElseThrow();

    assertThat(payload).isEqualTo("{\"uqr\":1,\"tp\":1,\"nme\":\"Exempelbolaget Åkeri AB\",\"cc\":\"SE\","
        + "\"cid\":\"556677-8899\",\"iref\":\"10004205\",\"idt\":\"20261001\",\"ddt\":\"20261031\",\"due\":1000.00,"
        + "\"pt\":\"BG\",\"acc\":\"5050-1055\"}");
    assertThat(pay.referenceLabel()).isEqualTo("OCR");
  }

  @Test
  void theGeneratedPngDecodesToEveryField() {
    PayNow pay = PayNow.forInvoice(invoice(Currency.SEK, InvoiceStatus.REMINDED, "300.00", "60.00", "0", "0",
        LocalDate.of(2026, 11, 20)), SWEDISH).orElseThrow();

    JsonNode qr = QrDecoder.json(QrDecoder.png(QrCode.of(pay.usingQr().orElseThrow()).png(4)));

    assertThat(qr.get("uqr").asInt()).isEqualTo(1);
    assertThat(qr.get("tp").asInt()).isEqualTo(1);
    assertThat(qr.get("nme").asText()).isEqualTo("Exempelbolaget Åkeri AB");
    assertThat(qr.get("cid").asText()).isEqualTo("556677-8899");
    assertThat(qr.get("iref").asText()).isEqualTo("10004205");
    assertThat(qr.get("ddt").asText()).isEqualTo("20261120"); // the reminder's deadline, not the first due date
    assertThat(qr.get("due").decimalValue()).isEqualByComparingTo("760.00"); // 1000 + 60 fee - 300 paid
    assertThat(qr.get("pt").asText()).isEqualTo("BG");
    assertThat(qr.get("acc").asText()).isEqualTo("5050-1055");
    assertThat(qr.has("cur")).as("SEK is the format's default").isFalse();
  }

  @Test
  void aDisputedPartIsNotAskedFor() {
    PayNow pay = PayNow.forInvoice(invoice(Currency.SEK, InvoiceStatus.SENT, "0", "0", "0", "250.00", null), SWEDISH)
        .orElseThrow();

    assertThat(QrDecoder.json(pay.usingQr().orElseThrow()).get("due").decimalValue()).isEqualByComparingTo("750.00");
  }

  @Test
  void anEuroInvoiceIsPaidToTheIbanWithBicAndCurrency() {
    PayNow pay = PayNow.forInvoice(invoice(Currency.EUR, InvoiceStatus.SENT, "0", "0", "0", "0", null), SWEDISH)
        .orElseThrow();

    JsonNode qr = QrDecoder.json(QrDecoder.png(QrCode.of(pay.usingQr().orElseThrow()).png(3)));

    assertThat(qr.get("pt").asText()).isEqualTo("IBAN");
    assertThat(qr.get("acc").asText()).isEqualTo("SE4550000000058398257466");
    assertThat(qr.get("bc").asText()).isEqualTo("ESSESESS");
    assertThat(qr.get("cur").asText()).isEqualTo("EUR");
  }

  @Test
  void anEuroInvoiceOfASellerWithoutIbanGetsNoCodeAndSaysWhy() {
    SellerProperties bankgiroOnly = new SellerProperties("Exempelbolaget AB", "556677-8899", null, null, null, null,
        Country.SE, null, null, "5050-1055", null, null);
    PayNow pay = PayNow.forInvoice(invoice(Currency.EUR, InvoiceStatus.SENT, "0", "0", "0", "0", null), bankgiroOnly)
        .orElseThrow();

    assertThat(pay.usingQr()).isEmpty();
    assertThat(UsingQr.whyNone(pay)).contains("bankgiro takes only SEK");
  }

  @Test
  void aNorwegianSellerGetsKidAndAccountButNoCode() {
    PayNow pay = PayNow.forInvoice(invoice(Currency.NOK, InvoiceStatus.SENT, "0", "0", "0", "0", null), NORWEGIAN)
        .orElseThrow();

    assertThat(pay.referenceLabel()).isEqualTo("KID");
    assertThat(pay.reference()).isEqualTo("10004205");
    assertThat(pay.bankAccount()).isEqualTo("1503.12.34567");
    assertThat(pay.usingQr()).isEmpty();
    assertThat(UsingQr.whyNone(pay)).contains("NO seller");
  }

  @Test
  void nothingToPayWhenPaidCreditedClosedOrWithTheAgency() {
    for (Invoice invoice : List.of(
        invoice(Currency.SEK, InvoiceStatus.PAID, "1000.00", "0", "0", "0", null),
        invoice(Currency.SEK, InvoiceStatus.CREDITED, "0", "0", "1000.00", "0", null),
        invoice(Currency.SEK, InvoiceStatus.SENT, "0", "0", "0", "1000.00", null),
        invoice(Currency.SEK, InvoiceStatus.IN_COLLECTION, "0", "0", "0", "0", null),
        invoice(Currency.SEK, InvoiceStatus.CLOSED, "0", "0", "0", "0", null))) {
      assertThat(PayNow.forInvoice(invoice, SWEDISH)).as(invoice.status().name()).isEmpty();
    }
  }
}
