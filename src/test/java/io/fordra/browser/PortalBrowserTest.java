package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.MediaType;

/** A customer in the portal: their own invoices only, a period filter, the PDF, an objection, 404 for others'. */
@FordraTestContext
class PortalBrowserTest extends BrowserTestSupport {

  @Test
  void customerFiltersOpensDownloadsAndObjectsButCannotSeeAnotherCustomersInvoice() throws Exception {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    Invoice february = invoice(customer, LocalDate.of(2026, 2, 2), "PO-FEB");
    Invoice march = invoice(customer, LocalDate.of(2026, 3, 2), "PO-MAR");
    Invoice others = invoice(customer(CustomerType.BUSINESS, Country.SE, false, true), LocalDate.of(2026, 3, 2),
        "PO-OTHER");
    executeDueJobs();
    String username = "eva." + UUID.randomUUID().toString().substring(0, 6);
    String password = "a long pass phrase 42";
    api().post().uri("/api/customers/{n}/portal-users", customer.customerNumber())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("username", username, "name", "Eva Ek", "email", username + "@kund.example",
            "password", password, "administrator", false, "financial", true, "language", "en"))
        .retrieve().toBodilessEntity();

    try (Browser browser = Browser.start(port, "portal")) {
      browser.open("/portal");
      browser.visible(By.id("login-form"));
      browser.driver().findElement(By.id("username")).sendKeys(username);
      browser.driver().findElement(By.id("password")).sendKeys(password);
      browser.screenshot("login");
      browser.click(By.id("login-submit"));

      browser.visible(By.id("invoice-list"));
      assertThat(rows(browser)).contains(february.invoiceNumber(), march.invoiceNumber())
          .doesNotContain(others.invoiceNumber());
      browser.screenshot("all-invoices");

      // Only February's invoice was issued in February.
      browser.script("arguments[0].value = '2026-02-01'; arguments[1].value = '2026-02-28';",
          browser.driver().findElement(By.id("from")), browser.driver().findElement(By.id("to")));
      browser.click(By.id("filter-submit"));
      browser.waiting().until(d -> d.getCurrentUrl().contains("from=2026-02-01"));
      assertThat(rows(browser)).containsExactly(february.invoiceNumber());
      browser.screenshot("filtered-february");

      browser.click(By.linkText(february.invoiceNumber()));
      browser.visible(By.id("invoice-number"));
      assertThat(browser.driver().findElement(By.id("invoice-number")).getText()).contains(february.invoiceNumber());
      WebElement pdf = browser.visible(By.cssSelector("#documents a[id^='document-']"));
      assertThat(pdf.getText()).endsWith(".pdf");
      browser.screenshot("invoice-page");

      String url = browser.driver().getCurrentUrl();
      browser.click(By.cssSelector("#documents a[id^='document-']"));
      java.nio.file.Path file = browser.downloaded(pdf.getText());
      byte[] bytes = java.nio.file.Files.readAllBytes(file);
      assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      assertThat(bytes.length).isGreaterThan(1000);
      if (!browser.driver().getCurrentUrl().equals(url)) {
        browser.driver().navigate().back();
      }

      browser.click(By.id("scope-part"));
      browser.driver().findElement(By.id("objection-amount-input")).sendKeys("250.00");
      browser.driver().findElement(By.id("objection-reason-input"))
          .sendKeys("One of the four consulting days was never delivered.");
      browser.screenshot("objection-filled");
      browser.click(By.id("objection-submit"));
      WebElement status = browser.visible(By.cssSelector("#objection-status [data-status]"));
      assertThat(status.getDomAttribute("data-status")).isEqualTo("OPEN");
      assertThat(browser.driver().findElement(By.id("objection-reason")).getText()).contains("never delivered");
      browser.script("arguments[0].scrollIntoView({block: 'center'});", status);
      browser.screenshot("objection-open");

      browser.open("/portal/invoices/" + others.invoiceNumber());
      browser.visible(By.id("error"));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("404");
      assertThat(browser.driver().getPageSource()).doesNotContain(others.invoiceNumber() + "</h1>");
      browser.screenshot("other-customers-invoice-404");
      // The status itself, with the browser's session cookie (the portal's CSP forbids fetch() from the page).
      String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
          .collect(java.util.stream.Collectors.joining("; "));
      java.net.http.HttpResponse<String> direct = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url("/portal/invoices/"
              + others.invoiceNumber()))).header("Cookie", cookies).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(direct.statusCode()).isEqualTo(404);
      java.net.http.HttpResponse<String> own = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url("/portal/invoices/"
              + march.invoiceNumber()))).header("Cookie", cookies).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(own.statusCode()).as("the same session sees its own invoice").isEqualTo(200);
    }
    assertThat(reload(february).disputedAmount()).isEqualByComparingTo("250.00");
    assertThat(disputes.latestFor(reload(february)).orElseThrow().status()).isEqualTo("OPEN");
    assertThat(reload(march).disputedAmount()).isEqualByComparingTo("0");
  }

  private static List<String> rows(Browser browser) {
    return browser.all(By.cssSelector("#invoice-list tr.invoice")).stream()
        .map(row -> row.getDomAttribute("data-invoice-number")).toList();
  }

  private Invoice invoice(CustomerRequest customer, LocalDate issued, String orderReference) {
    return invoices.create(new InvoiceRequest("T-" + UUID.randomUUID().toString().substring(0, 8),
        customer.customerNumber(), customer, issued, issued.plusDays(30), Currency.SEK,
        List.of(new InvoiceRequest.LineRequest("Consulting", new BigDecimal("4"), new BigDecimal("250.00"),
            new BigDecimal("25"), null, orderReference)), null, null));
  }
}
