package io.fordra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.document.paynow.QrDecoder;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.Money;
import io.fordra.payment.PaymentRequest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Pay now" in the customer portal (issue 19 section 4): the invoice page states amount, date, OCR and bankgiro, and
 * its "Betala med QR" code (decoded by zxing here) says the same, for the customer's own invoices only and only to a
 * user who may see the amounts. Run on H2 (PayNowPortalTest) and PostgreSQL (PostgresPayNowPortalTest).
 */
abstract class PayNowPortalScenario extends ProcessTestSupport {

  private static final String PASSWORD = "lösenord med mellanslag";

  @Autowired PortalUsers portalUsers;

  private Invoice own;
  private Invoice foreign;
  private String payer;
  private String clerk;
  private String other;

  @BeforeEach
  void customersInvoicesAndUsers() {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    CustomerRequest otherCustomer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    own = createInvoice(customer, Currency.SEK);
    foreign = createInvoice(otherCustomer, Currency.SEK);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    payer = "pay.payer." + suffix;
    clerk = "pay.clerk." + suffix;
    other = "pay.other." + suffix;
    portalUsers.create(customer.customerNumber(), new PortalUserRequest(payer, "Petra Payer", null, PASSWORD, false,
        true, "sv"), "test");
    portalUsers.create(customer.customerNumber(), new PortalUserRequest(clerk, "Bo Berg", null, PASSWORD, false,
        false, "sv"), "test");
    portalUsers.create(otherCustomer.customerNumber(), new PortalUserRequest(other, "Other", null, PASSWORD, true,
        true, "en"), "test");
  }

  @Test
  void theInvoicePageShowsTheSlipAndItsCodeDecodesToTheSameFields() {
    PortalBrowser browser = loggedIn(payer);

    String page = browser.get(path(own)).body();

    assertThat(page).contains("id=\"pay-now\"", "Betala nu", "<dd id=\"pay-now-amount\">" + sek("1250.00") + "</dd>",
        "<dd id=\"pay-now-pay-by\">2026-04-01</dd>", "<dt>OCR</dt><dd id=\"pay-now-reference\">"
            + own.paymentReference() + "</dd>", "<dd id=\"pay-now-bankgiro\">5050-1055</dd>",
        "src=\"" + path(own) + "/pay-now.png\"");
    HttpResponse<byte[]> png = browser.getBytes(path(own) + "/pay-now.png");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
    assertThat(png.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    JsonNode qr = QrDecoder.json(QrDecoder.png(png.body()));
    assertThat(qr.get("uqr").asInt()).isEqualTo(1);
    assertThat(qr.get("tp").asInt()).isEqualTo(1);
    assertThat(qr.get("nme").asText()).isEqualTo("Exempelbolaget AB");
    assertThat(qr.get("cid").asText()).isEqualTo("556677-8899");
    assertThat(qr.get("iref").asText()).isEqualTo(own.paymentReference());
    assertThat(qr.get("ddt").asText()).isEqualTo("20260401");
    assertThat(qr.get("due").decimalValue()).isEqualByComparingTo("1250.00");
    assertThat(qr.get("pt").asText()).isEqualTo("BG");
    assertThat(qr.get("acc").asText()).isEqualTo("5050-1055");
  }

  @Test
  void afterAPartPaymentTheCodeAsksForTheRestAndWhenPaidThereIsNone() {
    payments.register(new PaymentRequest(own.paymentReference(), null, new BigDecimal("250.00"), Currency.SEK,
        LocalDate.of(2026, 3, 10), "PAY-" + UUID.randomUUID()));
    PortalBrowser browser = loggedIn(payer);

    assertThat(QrDecoder.json(QrDecoder.png(browser.getBytes(path(own) + "/pay-now.png").body()))
        .get("due").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(browser.get(path(own)).body()).contains("<dd id=\"pay-now-amount\">" + sek("1000.00") + "</dd>");

    payments.register(new PaymentRequest(own.paymentReference(), null, new BigDecimal("1000.00"), Currency.SEK,
        LocalDate.of(2026, 3, 11), "PAY-" + UUID.randomUUID()));

    assertThat(browser.getBytes(path(own) + "/pay-now.png").statusCode()).isEqualTo(404);
    assertThat(browser.get(path(own)).body()).doesNotContain("id=\"pay-now\"");
  }

  @Test
  void anotherCustomersCodeIsNotFoundAndAUserWithoutTheAmountsMayNotSeeIt() {
    assertThat(loggedIn(other).getBytes(path(own) + "/pay-now.png").statusCode()).isEqualTo(404);
    assertThat(loggedIn(payer).getBytes(path(foreign) + "/pay-now.png").statusCode()).isEqualTo(404);

    PortalBrowser withoutAmounts = loggedIn(clerk);
    assertThat(withoutAmounts.getBytes(path(own) + "/pay-now.png").statusCode()).isEqualTo(403);
    assertThat(withoutAmounts.get(path(own)).body()).doesNotContain("id=\"pay-now\"", "pay-now.png");

    HttpResponse<byte[]> anonymous = new PortalBrowser(port).getBytes(path(own) + "/pay-now.png");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");
  }

  @Test
  void badInvoiceNumbersAreNotFoundWithoutSayingMore() {
    PortalBrowser browser = loggedIn(payer);
    for (String bad : new String[] {"NO-SUCH-INVOICE", "-x", "a..b", "x".repeat(41), "%C3%A5", "a%20b"}) {
      HttpResponse<byte[]> response = browser.getBytes("/portal/invoices/" + bad + "/pay-now.png");
      assertThat(response.statusCode()).as(bad).isIn(400, 404);
      assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).as(bad)
          .doesNotContain("Exception", "at io.fordra");
    }
  }

  /** An amount as the Swedish page writes it (Money's grouping space, not a plain one). */
  private static String sek(String amount) {
    return Money.format(new BigDecimal(amount), "sv") + " SEK";
  }

  private static String path(Invoice invoice) {
    return "/portal/invoices/" + invoice.invoiceNumber();
  }

  private PortalBrowser loggedIn(String username) {
    PortalBrowser browser = new PortalBrowser(port);
    assertThat(browser.login(username, PASSWORD).statusCode()).as("login of " + username).isEqualTo(303);
    return browser;
  }
}
