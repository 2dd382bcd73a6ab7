package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A process owner reads the models and their instances in Cockpit, and cannot cancel an instance or use jobs. */
@FordraTestContext
class ProcessOwnerBrowserTest extends BrowserTestSupport {

  @Test
  void processOwnerSeesTheModelsInCockpitButCannotCancelAnInstance() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    String owner = Browser.user(engine.getIdentityService(), "process-owners", "Per", "Processägare");
    String cockpit = "/camunda/app/cockpit/" + engine.getName() + "/";

    try (Browser browser = Browser.start(port, "process-owner")) {
      browser.loginCamunda(cockpit, owner, Browser.PASSWORD);
      browser.visible(By.id("fordra-history-nav"));
      browser.screenshot("cockpit-dashboard");

      browser.open(cockpit + "#/processes");
      browser.visible(By.xpath("//a[normalize-space(.)='Invoice to cash' or normalize-space(.)='invoice-to-cash']"));
      browser.screenshot("process-definitions");

      browser.open(cockpit + "#/process-instance/" + process.getId() + "/runtime");
      browser.visible(By.xpath("//*[contains(normalize-space(.),'" + process.getId() + "')]"));
      browser.screenshot("process-instance");

      Map<String, Object> cancel = browser.fetch("DELETE", "/camunda/api/engine/engine/" + engine.getName()
          + "/process-instance/" + process.getId(), null);
      assertThat(((Number) cancel.get("status")).intValue()).as("DELETE instance: %s", cancel.get("text"))
          .isEqualTo(403);
      assertThat((String) cancel.get("text")).contains("AuthorizationException").contains(owner);
      String job = management.createJobQuery().list().get(0).getId();
      Map<String, Object> retry = browser.fetch("PUT", "/camunda/api/engine/engine/" + engine.getName() + "/job/"
          + job + "/retries", "{\"retries\": 5}");
      assertThat(((Number) retry.get("status")).intValue()).as("PUT retries: %s", retry.get("text")).isEqualTo(403);
      // Jobs are changed by administrators only (Fordra's rule, problem+json naming the user).
      assertThat((String) retry.get("text")).contains("\"status\":403").contains("is not for " + owner);
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isOne();
  }
}
