package io.fordra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.payment.file.PaymentFileImport;
import io.fordra.payment.file.PaymentFileService;
import io.fordra.payment.file.PaymentFileSummary;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16: a camt.054 file with a CHF entry is booked but for that entry; finance reads in Tasklist which entry was
 * kept aside and why, and says what was done, which stays on the file with who and when.
 */
@FordraTestContext
class KeptAsideBrowserTest extends BrowserTestSupport {

  @Autowired PaymentFileService paymentFiles;

  @Test
  void financeReviewsTheEntriesKeptAsideInTasklist() throws IOException {
    byte[] file;
    try (InputStream in = getClass().getResourceAsStream("/payment-files/camt054/camt054-001-05-chf-entry.xml")) {
      file = in.readAllBytes();
    }
    PaymentFileSummary received = paymentFiles.receive("camt054-chf.xml", file);
    assertThat(received.keptAside().count()).isOne();
    executeDueJobs();
    Task task = engine.getTaskService().createTaskQuery().processDefinitionKey(PaymentFileImport.KEY)
        .processInstanceBusinessKey(PaymentFileImport.businessKey(received.id()))
        .taskNameLike("Review entries kept aside%").singleResult();
    assertThat(task.getName()).isEqualTo("Review entries kept aside — camt054-chf.xml, 1 entry");
    String finance = Browser.user(engine.getIdentityService(), "finance", "Frida", "Ekonom");

    try (Browser browser = Browser.start(port, "kept-aside")) {
      String tasklist = "/camunda/app/tasklist/" + engine.getName() + "/";
      browser.loginCamunda(tasklist, finance, Browser.PASSWORD);
      browser.visible(By.cssSelector(".tasks-list"));
      browser.open(Browser.tasklistSearch(tasklist, PaymentFileImport.businessKey(received.id())));
      // Its own filter (issue 16: under "Finance — Match payment", the only one finance had, it did not show).
      // Its name, then maybe its task count "(1)" once Tasklist has loaded it: the innermost element that starts so.
      browser.click(By.xpath("(//*[starts-with(normalize-space(.),'Finance — Review entries kept aside')])[last()]"));
      By listEntry = By.cssSelector("ol.tasks-list a[href='#/?task=" + task.getId() + "']");
      browser.screenshot("task-list");
      browser.visible(listEntry);
      browser.click(listEntry);
      browser.waiting().until(d -> d.findElements(By.cssSelector(".fjs-container textarea")).stream()
          .anyMatch(area -> String.valueOf(area.getDomProperty("value"))
              .contains("currency CHF is not one Fordra invoices in")));
      browser.screenshot("task-opened");

      browser.click(By.cssSelector("button.claim"));
      browser.visible(By.cssSelector("button.unclaim"));
      browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
      // "What was done" is required: nothing is completed without it.
      browser.visible(By.xpath("//*[contains(normalize-space(.),'Field is required')]"));
      browser.screenshot("note-required");
      By note = By.xpath("//label[starts-with(normalize-space(.),'What was done')]/following::textarea[1]");
      browser.click(note).sendKeys("Returned the CHF 250.00 to the payer's bank");
      browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
      browser.waiting().until(d -> d.findElements(listEntry).isEmpty());
      browser.screenshot("task-completed");
    }

    PaymentFileSummary.Review review = paymentFiles.summary(received.id()).keptAsideReview();
    assertThat(review.by()).isEqualTo(finance);
    assertThat(review.note()).isEqualTo("Returned the CHF 250.00 to the payer's bank");
  }
}
