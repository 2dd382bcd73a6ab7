package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.paymentplan.PaymentPlanProcess;
import io.fordra.paymentplan.PaymentPlanView;
import io.fordra.paymentplan.PaymentPlans;
import io.fordra.paymentplan.PlanKind;
import io.fordra.paymentplan.PlanRequest;
import io.fordra.paymentplan.PlanStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case handler decides a payment plan the policy left to a person (a business debtor's), in Tasklist: the Camunda
 * Form shows the plan, its invoices and the request; the handler approves it in four instalments instead of three.
 */
@FordraTestContext
class DecidePaymentPlanBrowserTest extends BrowserTestSupport {

  @Autowired PaymentPlans plans;

  @Test
  void caseHandlerApprovesAPlanInFourInstalmentsInTasklist() {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    Invoice invoice = createInvoice(customer, Currency.SEK, LocalDate.of(2026, 4, 1));
    executeDueJobs();
    at(LocalDate.of(2026, 4, 3), LocalTime.of(10, 0));
    PaymentPlanView requested = plans.request(new PlanRequest(customer.customerNumber(),
        List.of(invoice.invoiceNumber()), PlanKind.INSTALMENTS, 3, null, null, "Seasonal business: can pay from May",
        PlanRequest.RequestedBy.CASE_HANDLER, "phone"));
    assertThat(requested.status()).isEqualTo(PlanStatus.REQUESTED);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requested.planNumber())
        .taskDefinitionKey(PaymentPlanProcess.Elements.DECIDE).singleResult();
    assertThat(task).isNotNull();
    String handler = Browser.user(engine.getIdentityService(), "case-handlers", "Cecilia", "Handläggare");

    try (Browser browser = Browser.start(port, "decide-payment-plan")) {
      String tasklist = "/camunda/app/tasklist/" + engine.getName() + "/";
      browser.loginCamunda(tasklist, handler, Browser.PASSWORD);
      browser.visible(By.cssSelector(".tasks-list"));
      browser.open(Browser.tasklistSearch(tasklist, requested.planNumber()));
      By listEntry = By.cssSelector("ol.tasks-list a[href='#/?task=" + task.getId() + "']");
      browser.visible(listEntry);
      browser.screenshot("task-list");
      browser.click(listEntry);
      browser.waiting().until(d -> d.findElements(By.cssSelector(".fjs-container input")).stream()
          .anyMatch(input -> requested.planNumber().equals(input.getDomProperty("value"))));
      List<String> shown = browser.driver().findElements(By.cssSelector(".fjs-container input, .fjs-container textarea"))
          .stream().map(field -> String.valueOf(field.getDomProperty("value"))).toList();
      assertThat(shown).anySatisfy(text -> assertThat(text).contains("Seasonal business: can pay from May"));
      assertThat(shown).anySatisfy(text -> assertThat(text).contains(invoice.invoiceNumber()));
      browser.screenshot("task-opened");

      browser.click(By.cssSelector("button.claim"));
      browser.visible(By.cssSelector("button.unclaim"));
      browser.click(By.xpath("//label[contains(normalize-space(.),'Approve')]"));
      WebElement count = browser.visible(By.xpath("//label[contains(normalize-space(.),'Number of instalments')]"
          + "/following::input[1]"));
      browser.script("arguments[0].scrollIntoView({block: 'center'});", count);
      count.sendKeys("4");
      browser.screenshot("form-filled");
      browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
      browser.waiting().until(d -> d.findElements(listEntry).isEmpty());
      browser.screenshot("task-completed");
    }

    PaymentPlanView plan = plans.find(requested.id()).orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.RUNNING);
    assertThat(plan.decidedBy()).isEqualTo(handler);
    assertThat(plan.instalments()).hasSize(4);
    assertThat(plan.totalAmount()).isEqualByComparingTo(plan.instalments().stream()
        .map(PaymentPlanView.InstalmentView::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
  }
}
