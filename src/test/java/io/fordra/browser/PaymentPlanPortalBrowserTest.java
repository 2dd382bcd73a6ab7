package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
import io.fordra.paymentplan.PlanRequest;
import io.fordra.paymentplan.PlanStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Issue 20 in a browser: a Swedish private customer's portal user opens a reminded 9 000 SEK invoice, asks to pay it
 * in 3 instalments and sees the plan that came back. PaymentPlans is a mock: this is the door, the plan is not.
 */
@FordraTestContext
class PaymentPlanPortalBrowserTest extends BrowserTestSupport {

  @MockitoBean PaymentPlans plans;
  // PaymentPlanService is both ports: mocking one of them replaces it, so the other is mocked too.
  @MockitoBean io.fordra.paymentplan.PlanLifecycle lifecycle;
  @MockitoBean io.fordra.paymentplan.PlanLetters letters;

  @Test
  void aPrivateCustomerAsksToPayARemindedInvoiceInThreeInstalments() {
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
    when(plans.request(any())).thenAnswer(call -> running(call.getArgument(0)));
    when(plans.find(12)).thenAnswer(call -> Optional.of(running(new PlanRequest(customer.customerNumber(),
        List.of(invoice.invoiceNumber()), PlanKind.INSTALMENTS, 3, null, null, null,
        PlanRequest.RequestedBy.CUSTOMER, username))));

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
      List<WebElement> instalments = browser.all(By.cssSelector("#instalments tr.instalment"));
      assertThat(instalments).hasSize(3);
      assertThat(instalments.get(0).getText().replace('\u00a0', ' '))
          .contains("2026-05-15", "3 020,00 SEK", "9000000011");
      assertThat(instalments.get(2).getText().replace('\u00a0', ' '))
          .contains("2026-07-15", "3 020,00 SEK", "9000000037");
      browser.script("arguments[0].scrollIntoView({block: 'center'});", instalments.get(2));
      browser.screenshot("plan-with-three-instalments");
    }

    ArgumentCaptor<PlanRequest> asked = ArgumentCaptor.forClass(PlanRequest.class);
    verify(plans).request(asked.capture());
    assertThat(asked.getValue().customerNumber()).isEqualTo(customer.customerNumber());
    assertThat(asked.getValue().invoiceNumbers()).containsExactly(invoice.invoiceNumber());
    assertThat(asked.getValue().kind()).isEqualTo(PlanKind.INSTALMENTS);
    assertThat(asked.getValue().instalments()).isEqualTo(3);
    assertThat(asked.getValue().requestedBy()).isEqualTo(PlanRequest.RequestedBy.CUSTOMER);
    assertThat(asked.getValue().user()).isEqualTo(username);
    assertThat(asked.getValue().note()).isEqualTo("Jag kan betala 3 000 kronor i månaden.");
  }

  /** What a plan approved by the policy looks like: 9 060.00 SEK (invoice and reminder fee) in three. */
  private static PaymentPlanView running(PlanRequest request) {
    return new PaymentPlanView(12, "PP-12", request.customerNumber(), request.kind(), PlanStatus.RUNNING, "SEK",
        request.invoiceNumbers(), new BigDecimal("9060.00"), BigDecimal.ZERO.setScale(2), new BigDecimal("9060.00"),
        BigDecimal.ZERO.setScale(2), request.instalments(), request.firstDueDate(), null, request.note(), true,
        request.requestedBy(), "payment-plan-policy", "within policy", Instant.parse("2026-04-15T05:00:00Z"), List.of(
            new PaymentPlanView.InstalmentView(1, LocalDate.of(2026, 5, 15), new BigDecimal("3020.00"), "9000000011",
                BigDecimal.ZERO.setScale(2), "OPEN"),
            new PaymentPlanView.InstalmentView(2, LocalDate.of(2026, 6, 15), new BigDecimal("3020.00"), "9000000029",
                BigDecimal.ZERO.setScale(2), "OPEN"),
            new PaymentPlanView.InstalmentView(3, LocalDate.of(2026, 7, 15), new BigDecimal("3020.00"), "9000000037",
                BigDecimal.ZERO.setScale(2), "OPEN")));
  }
}
