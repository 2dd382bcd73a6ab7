package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A case handler answers an objection in Tasklist: claim, the Camunda Form, a real click on Complete. */
@FordraTestContext
class CaseHandlerBrowserTest extends BrowserTestSupport {

  static final String REPLY = "The delivery was complete and signed for on 2 March; the claim stands.";

  @Test
  void caseHandlerRejectsAnObjectionInTasklist() throws Exception {
    Invoice invoice = objectedInvoice();
    ProcessInstance process = processOf(invoice);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(InvoiceToCash.Elements.RESPOND_TO_OBJECTION).singleResult();
    assertThat(task).isNotNull();
    String handler = Browser.user(engine.getIdentityService(), "case-handlers", "Cecilia", "Handläggare");

    try (Browser browser = Browser.start(port, "case-handler")) {
      answerInTasklist(browser, engine.getName(), handler, task, invoice);
    }

    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    executeDueJobs();
    long disputeId = disputeId(invoice);
    assertThat(mail(invoice, "objection-reply." + disputeId)).contains("signed for on 2 March");
    HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(task.getId()).singleResult();
    assertThat(done.getAssignee()).isEqualTo(handler);
    assertThat(done.getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
        .variableName("objectionDecision").singleResult().getValue()).isEqualTo("REJECT");
  }

  /** Logs in to Tasklist as the case handler, opens the task, claims it, rejects with a reply and completes. */
  static void answerInTasklist(Browser browser, String engineName, String handler, Task task, Invoice invoice) {
    String tasklist = "/camunda/app/tasklist/" + engineName + "/";
    browser.loginCamunda(tasklist, handler, Browser.PASSWORD);
    browser.visible(By.cssSelector(".tasks-list"));
    browser.open(Browser.tasklistSearch(tasklist, invoice.invoiceNumber()));
    browser.visible(By.cssSelector(".tasks-list"));
    By listEntry = By.cssSelector("ol.tasks-list a[href='#/?task=" + task.getId() + "']");
    browser.visible(listEntry);
    // The list says which invoice, whose, and how much (issue 15): "Respond to objection — T-…, Svensson & Co, 1 250,00 SEK".
    assertThat(browser.driver().findElement(listEntry).getText().replace('\u00a0', ' '))
        .startsWith("Respond to objection — " + invoice.invoiceNumber() + ", ").endsWith(" SEK");
    browser.screenshot("task-list");

    browser.click(listEntry);
    browser.waiting().until(d -> d.findElements(By.cssSelector(".fjs-container input")).stream()
        .anyMatch(input -> invoice.invoiceNumber().equals(input.getDomProperty("value"))));
    browser.screenshot("task-opened");

    browser.click(By.cssSelector("button.claim"));
    browser.visible(By.cssSelector("button.unclaim"));
    browser.screenshot("task-claimed");

    browser.click(By.xpath("//label[contains(normalize-space(.),'Reject: the claim stands')]"));
    WebElement reply = browser.visible(By.xpath("//label[contains(normalize-space(.),'Written reply')]"
        + "/following::textarea[1]"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", reply);
    reply.sendKeys(REPLY);
    browser.screenshot("form-filled");

    browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
    browser.waiting().until(d -> d.findElements(listEntry).isEmpty());
    browser.screenshot("task-completed");
  }
}
