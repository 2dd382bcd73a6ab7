package io.fordra.process;

import io.fordra.invoice.InvoiceToCash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Seed 003 "ångra sändning": a document waits the undo window (default PT5M); a credit inside it stops the mail. */
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:fordra-undo;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox"
})
class UndoWindowTest extends ProcessTestSupport {

  @LocalServerPort int port;

  @Test
  void creditInsideTheUndoWindowStopsTheMail() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);

    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 4));
    RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBasicAuth("admin", "admin"))
        .build().post().uri("/api/invoices/{n}/credit-notes", invoice.invoiceNumber())
        .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"sent by mistake\"}").retrieve().toBodilessEntity();
    advanceTo(LocalDate.of(2026, 3, 2), LocalTime.of(9, 30));
    assertThat(process).hasPassed(InvoiceToCash.Elements.CLOSE_AS_CREDITED)
        .hasNotPassed(InvoiceToCash.Elements.WAIT_FOR_DUE_DATE).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.CREDITED);
    assertThat(mail(invoice, "invoice.1")).as("nothing left").isNull();
  }

  @Test
  void afterTheUndoWindowTheMailLeaves() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 4, 59));
    executeDueJobs();
    assertThat(mail(invoice, "invoice.1")).as("still inside the window").isNull();
    advanceTo(LocalDate.of(2026, 3, 2), LocalTime.of(9, 5));
    assertThat(mail(invoice, "invoice.1")).isNotNull();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
  }

  /**
   * Issue 15, item 7: a change of the customer applies to documents not yet sent. The e-mail changed while the invoice
   * waits in its undo window is where the invoice goes: the channel and address are read when it is sent.
   */
  @Test
  void anEmailChangedInsideTheUndoWindowIsWhereTheInvoiceGoes() throws Exception {
    var customer = customer(CustomerType.PRIVATE, Country.SE, false, true);
    Invoice invoice = createInvoice(customer, Currency.SEK);
    executeDueJobs();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);

    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 3));
    String changed = customer.customerNumber().toLowerCase() + "@changed.example";
    var patched = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", "admin")).build()
        .patch().uri("/api/customers/{n}", customer.customerNumber())
        .contentType(MediaType.valueOf("application/merge-patch+json")).body("{\"email\": \"" + changed + "\"}")
        .retrieve().toBodilessEntity();
    assertThat(patched.getStatusCode().value()).isEqualTo(200);

    advanceTo(LocalDate.of(2026, 3, 2), LocalTime.of(9, 5));
    String mail = mail(invoice, "invoice.1");
    assertThat(mail).as("sent after the window").isNotNull();
    assertThat(mail).contains("To: " + changed).doesNotContain(customer.email());
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
  }
}
