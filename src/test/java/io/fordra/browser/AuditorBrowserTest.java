package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceToCash;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An auditor reads an invoice's history in Cockpit and can change nothing. */
@FordraTestContext
class AuditorBrowserTest extends BrowserTestSupport {

  @Test
  void auditorReadsTheInvoiceHistoryInCockpitAndCannotRetryOrUseTasklist() throws Exception {
    Invoice invoice = objectedInvoice();
    ProcessInstance process = processOf(invoice);
    String handler = Browser.user(engine.getIdentityService(), "case-handlers", "Hanna", "Handläggare");
    rejectAs(handler, process);
    executeDueJobs();
    assertThat(mail(invoice, "objection-reply." + disputeId(invoice))).isNotNull();
    Job job = management.createJobQuery().processInstanceId(process.getId()).list().get(0);
    int retries = job.getRetries();
    String auditor = Browser.user(engine.getIdentityService(), "auditors", "Astrid", "Revisor");
    String cockpit = "/camunda/app/cockpit/" + engine.getName() + "/";

    try (Browser browser = Browser.start(port, "auditor")) {
      browser.loginCamunda(cockpit, auditor, Browser.PASSWORD);
      browser.visible(By.id("fordra-history-nav"));
      browser.screenshot("cockpit-dashboard");

      browser.open(cockpit + "#/fordra-history?invoice=" + invoice.invoiceNumber());
      browser.waiting().until(d -> d.findElements(By.cssSelector("li.fordra-timeline-entry")).size() > 3);
      assertThat(browser.all(By.id("fordra-history-record-error"))).isEmpty();
      WebElement answered = browser.present(By.xpath("//li[contains(@class,'fordra-timeline-entry')]"
          + "[@data-kind='user-task'][contains(normalize-space(.),'Respond to objection')]"));
      browser.script("arguments[0].scrollIntoView({block: 'center'});", answered);
      browser.screenshot("invoice-history");
      assertThat(answered.getText()).contains("by " + handler).contains("objectionDecision = REJECT")
          .contains("The claim stands: delivered and signed for");

      // Read-only: the engine refuses a retry from the auditor's own Cockpit session (with its XSRF token).
      browser.open(cockpit + "#/process-instance/" + process.getId() + "/runtime");
      browser.visible(By.xpath("//*[contains(normalize-space(.),'" + process.getId() + "')]"));
      Map<String, Object> retry = browser.fetch("PUT", "/camunda/api/engine/engine/" + engine.getName() + "/job/"
          + job.getId() + "/retries", "{\"retries\": 5}");
      assertThat(((Number) retry.get("status")).intValue()).as("PUT retries: %s", retry.get("text")).isEqualTo(403);
      // Fordra's refusal of a job change (problem+json naming the user), not the XSRF filter's (also 403).
      assertThat((String) retry.get("text")).contains("\"status\":403").contains("is not for " + auditor);
      Map<String, Object> variable = browser.fetch("PUT", "/camunda/api/engine/engine/" + engine.getName()
          + "/process-instance/" + process.getId() + "/variables/objectionDecision",
          "{\"value\": \"ACCEPT_FULL\", \"type\": \"String\"}");
      assertThat(((Number) variable.get("status")).intValue()).as("PUT variable: %s", variable.get("text"))
          .isEqualTo(403);
      assertThat((String) variable.get("text")).contains("AuthorizationException").contains(auditor);
      browser.screenshot("process-instance-page");

      // The same in Cockpit's own UI: editing the decision variable is refused by the engine.
      String row = "//tr[.//span[normalize-space(.)='objectionDecision']]";
      browser.click(By.xpath(row + "//button[@uib-tooltip='Edit the variable']"));
      WebElement value = browser.visible(By.xpath(row + "//td[contains(@class,'col-value')]//input"));
      value.clear();
      value.sendKeys("ACCEPT_FULL");
      browser.click(By.xpath(row + "//button[.//span[contains(@class,'glyphicon-ok')]]"));
      WebElement refused = browser.visible(By.cssSelector(".notifications .alert-danger, .alert-danger"));
      assertThat(refused.getText()).contains("Saving Variables was not successful")
          .contains("user with id '" + auditor + "' does not have");
      browser.screenshot("variable-change-refused");
    }
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(retries);
    assertThat(runtime.getVariable(process.getId(), "objectionDecision")).isEqualTo("REJECT");

    try (Browser browser = Browser.start(port, "auditor-tasklist")) {
      browser.loginCamunda("/camunda/app/tasklist/" + engine.getName() + "/", auditor, Browser.PASSWORD);
      browser.visible(By.xpath("//*[contains(normalize-space(.),'Login Failed')]"));
      assertThat(browser.all(By.cssSelector("ol.tasks-list"))).isEmpty();
      browser.screenshot("tasklist-refused");
    }
  }

  /** The case handler claims and rejects the objection (as Tasklist would, with their login). */
  private void rejectAs(String handler, ProcessInstance process) {
    IdentityService identity = engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    Task task = tasks.createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(InvoiceToCash.Elements.RESPOND_TO_OBJECTION).singleResult();
    identity.setAuthentication(handler, List.of("case-handlers"));
    try {
      tasks.claim(task.getId(), handler);
      tasks.complete(task.getId(), Map.of("objectionDecision", "REJECT",
          "replyText", "The claim stands: delivered and signed for on 2 March."));
    } finally {
      identity.clearAuthentication();
    }
  }
}
