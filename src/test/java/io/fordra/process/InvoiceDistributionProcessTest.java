package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** invoice-distribution: sending is retried, the last failure is an incident, and a resolved incident sends once. */
@FordraTestContext
class InvoiceDistributionProcessTest extends ProcessTestSupport {

  @Test
  void sendsTheDocumentByEmail() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.NO, false, false), Currency.NOK);
    ProcessInstance distribution = distributionOf(invoice);
    assertThat(distribution).isWaitingAt(InvoiceDistribution.Elements.UNDO_WINDOW);
    executeDueJobs();
    assertThat(distribution).hasPassed(InvoiceDistribution.Elements.SEND_EMAIL).isEnded();
    assertThat(mail(invoice, "invoice.1")).contains("Faktura " + invoice.invoiceNumber());
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
  }

  @Test
  void aFailingSendIsRetriedThenBecomesAnIncidentAndSendsOnceResolved() throws Exception {
    Path outbox = Path.of("target/test-outbox");
    Path aside = Path.of("target/test-outbox-aside");
    Files.createDirectories(outbox);
    Files.move(outbox, aside);
    Files.writeString(outbox, "a file where the outbox folder should be: every send fails");
    Invoice invoice;
    ProcessInstance distribution;
    Job send;
    try {
      invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
      distribution = distributionOf(invoice);
      // The undo window (zero in tests) passes; then the send job is the one that fails.
      management.executeJob(management.createJobQuery().processInstanceId(distribution.getId()).timers()
          .singleResult().getId());
      assertThat(distribution).isWaitingAt(InvoiceDistribution.Elements.SEND_EMAIL);
      send = management.createJobQuery().processInstanceId(distribution.getId()).singleResult();
      for (int attempt = 1; attempt <= 3; attempt++) {
        String id = send.getId();
        assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("Could not write mail");
      }
      Job failed = management.createJobQuery().jobId(send.getId()).singleResult();
      assertThat(failed.getRetries()).isZero();
      Incident incident = runtime.createIncidentQuery().processInstanceId(distribution.getId()).singleResult();
      assertThat(incident.getIncidentType()).isEqualTo("failedJob");
      assertThat(incident.getIncidentMessage()).contains("Could not write mail");
      assertThat(reload(invoice).status()).as("back to what it was before it was queued")
          .isEqualTo(InvoiceStatus.CREATED);
      assertThat(invoices.events(reload(invoice))).anyMatch(e -> e.type() == io.fordra.invoice.InvoiceEventType.SEND_FAILED
          && e.message().contains("Could not write mail"));
    } finally {
      Files.delete(outbox);
      Files.move(aside, outbox);
    }
    // Resolved as in Cockpit: the job gets a retry and runs again.
    management.setJobRetries(send.getId(), 1);
    management.executeJob(send.getId());
    assertThat(distribution).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(mail(invoice, "invoice.1")).isNotNull();
  }

  private ProcessInstance distributionOf(Invoice invoice) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceDistribution.KEY)
        .processInstanceBusinessKey(invoice.invoiceNumber()).singleResult();
  }
}
