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
    PaymentResult unmatched = payments.registerOne(new PaymentRequest("99999999999", null, new BigDecimal("1250.00"),
        Currency.SEK, LocalDate.of(2026, 3, 2), "BANK-" + UUID.randomUUID()));
    assertThat(unmatched.status()).isEqualTo(Payment.PaymentStatus.UNMATCHED);
    Task task = engine.getTaskService().createTaskQuery()
        .processDefinitionKey(PaymentFileImport.MATCHING_KEY)
        .processInstanceBusinessKey("payment-" + unmatched.paymentId()).singleResult();
    assertThat(task.getName().replace('\u00a0', ' ')).isEqualTo("Match payment — unknown payer, 1 250,00 SEK, ref 99999999999");
    String finance = Browser.user(engine.getIdentityService(), "finance", "Fredrik", "Ekonom");

    try (Browser browser = Browser.start(port, "finance")) {
      String tasklist = "/camunda/app/tasklist/" + engine.getName() + "/";
      browser.loginCamunda(tasklist, finance, Browser.PASSWORD);
      browser.visible(By.cssSelector(".tasks-list"));
      browser.open(Browser.tasklistSearch(tasklist, "payment-" + unmatched.paymentId()));
      By listEntry = By.cssSelector("ol.tasks-list a[href='#/?task=" + task.getId() + "']");
      browser.visible(listEntry);
      assertThat(browser.driver().findElement(listEntry).getText().replace('\u00a0', ' '))
          .isEqualTo("Match payment — unknown payer, 1 250,00 SEK, ref 99999999999");
      browser.screenshot("task-list");

      browser.click(listEntry);
      browser.waiting().until(d -> d.findElements(By.cssSelector(".fjs-container input")).stream()
          .anyMatch(input -> "99999999999".equals(input.getDomProperty("value"))));
      browser.screenshot("task-opened");

      browser.click(By.cssSelector("button.claim"));
      browser.visible(By.cssSelector("button.unclaim"));
      browser.click(By.xpath("//label[normalize-space(.)='On invoices']"));
      // The invoice is among the suggestions (same amount): tick it rather than type its number (issue 15).
      WebElement suggestion = browser.visible(By.xpath("//label[contains(normalize-space(.),'"
          + invoice.invoiceNumber() + " · ')]"));
      browser.script("arguments[0].scrollIntoView({block: 'center'});", suggestion);
      suggestion.click();
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
