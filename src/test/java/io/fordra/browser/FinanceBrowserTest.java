package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentRequest;
import io.fordra.payment.PaymentResult;
import io.fordra.payment.file.PaymentFileImport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Finance places a payment that matched nothing on its invoice in Tasklist (Match payment). */
@FordraTestContext
class FinanceBrowserTest extends BrowserTestSupport {

  @Test
  void financeMatchesAnUnknownPaymentOnItsInvoiceInTasklist() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    // The payer swapped two digits of the OCR: nothing matches, and Match payment suggests the invoice first.
    String ocr = invoice.paymentReference();
    int i = java.util.stream.IntStream.range(0, ocr.length() - 1).filter(n -> ocr.charAt(n) != ocr.charAt(n + 1))
        .findFirst().orElseThrow();
    String swapped = ocr.substring(0, i) + ocr.charAt(i + 1) + ocr.charAt(i) + ocr.substring(i + 2);
    PaymentResult unmatched = payments.registerOne(new PaymentRequest(swapped, null, new BigDecimal("1250.00"),
        Currency.SEK, LocalDate.of(2026, 3, 2), "BANK-" + UUID.randomUUID()));
    assertThat(unmatched.status()).isEqualTo(Payment.PaymentStatus.UNMATCHED);
    Task task = engine.getTaskService().createTaskQuery()
        .processDefinitionKey(PaymentFileImport.MATCHING_KEY)
        .processInstanceBusinessKey("payment-" + unmatched.paymentId()).singleResult();
    assertThat(task.getName()).isEqualTo("Match payment");
    String finance = Browser.user(engine.getIdentityService(), "finance", "Fredrik", "Ekonom");

    try (Browser browser = Browser.start(port, "finance")) {
      String tasklist = "/camunda/app/tasklist/" + engine.getName() + "/";
      browser.loginCamunda(tasklist, finance, Browser.PASSWORD);
      browser.visible(By.cssSelector(".tasks-list"));
      browser.open(Browser.tasklistSearch(tasklist, "payment-" + unmatched.paymentId()));
      By listEntry = By.cssSelector("ol.tasks-list a[href='#/?task=" + task.getId() + "']");
      browser.visible(listEntry);
      assertThat(browser.driver().findElement(listEntry).getText()).isEqualTo("Match payment");
      browser.screenshot("task-list");

      browser.click(listEntry);
      browser.waiting().until(d -> d.findElements(By.cssSelector(".fjs-container input")).stream()
          .anyMatch(input -> swapped.equals(input.getDomProperty("value"))));
      browser.screenshot("task-opened");

      browser.click(By.cssSelector("button.claim"));
      browser.visible(By.cssSelector("button.unclaim"));
      browser.click(By.xpath("//label[normalize-space(.)='On invoices']"));
      browser.screenshot("on-invoices");
      By firstSuggestion = By.xpath("(//*[contains(@class,'fjs-form-field-checklist')]//label"
          + "[contains(normalize-space(.),'" + invoice.invoiceNumber() + "')])[1]");
      WebElement suggestion;
      try {
        suggestion = browser.visible(firstSuggestion);
      } catch (RuntimeException e) {
        throw new AssertionError("no suggestion in the form: " + browser.driver().findElement(By.cssSelector(
            ".fjs-container")).getAttribute("innerHTML"), e);
      }
      // Selenium reads the no-break space between thousands as a space.
      assertThat(suggestion.getText()).startsWith(invoice.invoiceNumber() + " · ")
          .contains("open 1 250,00 SEK", "one digit off " + swapped, "same amount");
      browser.script("arguments[0].scrollIntoView({block: 'center'});", suggestion);
      browser.screenshot("suggestions");
      browser.click(firstSuggestion);
      browser.screenshot("form-filled");

      browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
      browser.waiting().until(d -> d.findElements(listEntry).isEmpty());
      browser.screenshot("task-completed");
    }

    executeDueJobs();
    assertThat(payments.get(unmatched.paymentId()).status()).isEqualTo(Payment.PaymentStatus.ALLOCATED);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
        .getAssignee()).isEqualTo(finance);
  }
}
