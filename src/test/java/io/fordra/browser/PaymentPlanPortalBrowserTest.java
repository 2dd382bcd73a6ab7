package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.paymentplan.PaymentPlanView;
import io.fordra.paymentplan.PaymentPlans;
import io.fordra.paymentplan.PlanKind;
import io.fordra.paymentplan.PlanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

/**
 * Issue 20 in a browser, the whole way: a Swedish private customer's portal user opens a reminded 9 000 SEK invoice,
 * asks to pay it in 3 instalments, the policy table approves it at once, and the page shows the three instalments with
 * their own OCRs; the plan letter then goes by e-mail.
 */
@FordraTestContext
class PaymentPlanPortalBrowserTest extends BrowserTestSupport {

  @org.springframework.beans.factory.annotation.Autowired PaymentPlans plans;

  @Test
  void aPrivateCustomerAsksToPayARemindedInvoiceInThreeInstalments() throws Exception {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.SE, false, true);
    Invoice invoice = invoices.create(new InvoiceRequest("T-" + UUID.randomUUID().toString().substring(0, 8),
        customer.customerNumber(), customer, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.SEK,
        List.of(new InvoiceRequest.LineRequest("Köksrenovering", BigDecimal.ONE, new BigDecimal("7200.00"),
            new BigDecimal("25"), null, "PO-KOK")), null, null));
    executeDueJobs();
    advanceTo(LocalDate.of(2026, 4, 2));
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 0));
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.REMINDED);

    String username = "sara." + UUID.randomUUID().toString().substring(0, 6);
    String password = "ett långt lösenord 42";
    api().post().uri("/api/customers/{n}/portal-users", customer.customerNumber())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("username", username, "name", "Sara Svensson", "email", username + "@privat.example",
            "password", password, "administrator", true, "financial", true, "language", "sv"))
        .retrieve().toBodilessEntity();
    try (Browser browser = Browser.start(port, "payment-plan-portal")) {
      browser.open("/portal");
      browser.visible(By.id("login-form"));
      browser.driver().findElement(By.id("username")).sendKeys(username);
      browser.driver().findElement(By.id("password")).sendKeys(password);
      browser.click(By.id("login-submit"));

      browser.visible(By.id("invoice-list"));
      browser.click(By.linkText(invoice.invoiceNumber()));
      WebElement status = browser.visible(By.cssSelector("#invoice-status"));
      assertThat(status.getText()).isEqualTo("Påminnelse skickad");
      WebElement ask = browser.visible(By.id("ask-instalments"));
      assertThat(ask.getText()).isEqualTo("Betala i delar");
      assertThat(browser.driver().findElement(By.id("ask-deferral")).getText()).isEqualTo("Be om anstånd");
      browser.script("arguments[0].scrollIntoView({block: 'center'});", ask);
      browser.screenshot("reminded-invoice");

      browser.click(By.id("ask-instalments"));
      browser.visible(By.id("plan-form"));
      WebElement chosen = browser.driver().findElement(By.id("invoice-" + invoice.invoiceNumber()));
      assertThat(chosen.isSelected()).as("the invoice the request came from").isTrue();
      new Select(browser.driver().findElement(By.id("plan-instalments"))).selectByValue("3");
      browser.driver().findElement(By.id("plan-note")).sendKeys("Jag kan betala 3 000 kronor i månaden.");
      browser.screenshot("three-instalments");
      browser.click(By.id("plan-submit"));

      WebElement outcome = browser.visible(By.id("plan-outcome"));
      assertThat(outcome.getDomAttribute("data-status")).isEqualTo("RUNNING");
      assertThat(browser.driver().findElement(By.id("plan-sent")).getText()).isEqualTo("Din begäran är registrerad.");
      PaymentPlanView plan = plans.ofCustomer(customer.customerNumber()).get(0);
      List<WebElement> instalments = browser.all(By.cssSelector("#instalments tr.instalment"));
      assertThat(instalments).hasSize(3);
      // 9 000.00 + the reminder's 60.00 + the plan fee of 170.00 = 9 230.00 in three, the last takes the öre left.
      String[][] expected = {{"2026-05-15", "3 076,66 SEK"}, {"2026-06-15", "3 076,66 SEK"},
          {"2026-07-15", "3 076,68 SEK"}};
      for (int k = 0; k < 3; k++) {
        assertThat(instalments.get(k).getText().replace('\u00a0', ' '))
            .contains(expected[k][0], expected[k][1], plan.instalments().get(k).paymentReference());
      }
      browser.script("arguments[0].scrollIntoView({block: 'center'});", instalments.get(2));
      browser.screenshot("plan-with-three-instalments");
    }

    PaymentPlanView plan = plans.ofCustomer(customer.customerNumber()).get(0);
    assertThat(plan.status()).isEqualTo(PlanStatus.RUNNING);
    assertThat(plan.decidedBy()).isEqualTo("payment-plan-policy");
    assertThat(plan.kind()).isEqualTo(PlanKind.INSTALMENTS);
    assertThat(plan.requestedBy()).isEqualTo(io.fordra.paymentplan.PlanRequest.RequestedBy.CUSTOMER);
    assertThat(plan.note()).isEqualTo("Jag kan betala 3 000 kronor i månaden.");
    assertThat(plan.fee()).isEqualByComparingTo("170.00");
    assertThat(plan.instalments()).extracting(PaymentPlanView.InstalmentView::paymentReference)
        .doesNotHaveDuplicates().doesNotContain(invoice.paymentReference());
    // The plan letter leaves after the undo window, by e-mail, with the three OCRs in its text.
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 10));
    String letter = mail(invoice, "payment-plan." + plan.planNumber());
    assertThat(letter).contains("payment-plan-" + plan.planNumber(), plan.instalments().get(0).paymentReference());
  }
}
