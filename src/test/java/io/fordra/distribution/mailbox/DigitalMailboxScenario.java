package io.fordra.distribution.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.InvoiceDistribution;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19, the Swedish digital mailbox end to end: a private customer in Sweden who prefers DIGITAL_MAILBOX gets the
 * invoice and later its reminder in their Kivra mailbox (through the local stub, which checks every request field by
 * field); a person without a mailbox gets the reserve channel; Kivra failing is retried without anything delivered
 * twice, and failing to the end is an incident the invoice's history shows.
 */
abstract class DigitalMailboxScenario extends ProcessTestSupport {

  static final String WITH_MAILBOX = "19121212-1212";
  static final String ANOTHER_WITH_MAILBOX = "19811218-9876";
  static final String WITHOUT_MAILBOX = "19800101-0001";

  static KivraStub stub;

  @Autowired JdbcClient jdbc;

  static void startStub(int port) throws Exception {
    stub = KivraStub.start(port).withMailboxes("191212121212", "198112189876");
  }

  @AfterAll
  static void stopStub() {
    if (stub != null) {
      stub.close();
    }
  }

  @BeforeEach
  void aQuietStub() {
    stub.reset();
    stub.slowMillis(2500);
  }

  @AfterEach
  void theStubFoundNothingWrong() {
    assertThat(stub.problems()).as("requests the stub refused").isEmpty();
  }

  @Test
  void anInvoiceAndLaterItsReminderReachThePersonsDigitalMailboxWithWhatToPay() {
    Invoice invoice = createInvoice(person(WITH_MAILBOX), Currency.SEK);
    executeDueJobs();

    Invoice sent = reload(invoice);
    assertThat(sent.status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(stub.delivered()).hasSize(1);
    JsonNode content = stub.delivered().get(0);
    assertThat(content.path("ssn").asText()).isEqualTo("191212121212");
    assertThat(content.path("type").asText()).isEqualTo("invoice");
    assertThat(content.path("subject").asText()).isEqualTo("Faktura " + invoice.invoiceNumber()
        + " från Exempelbolaget AB");
    assertThat(new String(Base64.getDecoder().decode(content.path("parts").get(0).path("data").asText()), 0, 5,
        java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    JsonNode payment = content.path("payment_multiple_options");
    assertThat(payment.path("payable").asBoolean()).isTrue();
    assertThat(payment.path("currency").asText()).isEqualTo("SEK");
    assertThat(payment.path("account").asText()).isEqualTo("50501055");
    JsonNode option = payment.path("options").get(0);
    assertThat(option.path("amount").asText()).isEqualTo("1250.00");
    assertThat(option.path("due_date").asText()).isEqualTo("2026-04-01");
    assertThat(option.path("reference").asText()).isEqualTo(invoice.paymentReference());
    assertThat(invoices.events(sent)).filteredOn(e -> e.type() == InvoiceEventType.SENT)
        .extracting(InvoiceEvent::channel, InvoiceEvent::recipient)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("DIGITAL_MAILBOX", "digital mailbox of 19121212-****"));

    advanceTo(LocalDate.of(2026, 4, 2));
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 0));

    Invoice reminded = reload(invoice);
    assertThat(reminded.status()).isEqualTo(InvoiceStatus.REMINDED);
    assertThat(stub.delivered()).hasSize(2);
    JsonNode reminder = stub.delivered().get(1);
    assertThat(reminder.path("type").asText()).isEqualTo("invoice.reminder");
    assertThat(reminder.path("subject").asText()).startsWith("Påminnelse: faktura " + invoice.invoiceNumber());
    JsonNode toPay = reminder.path("payment_multiple_options").path("options").get(0);
    assertThat(new java.math.BigDecimal(toPay.path("amount").asText())).isEqualByComparingTo(reminded.openAmount());
    assertThat(toPay.path("due_date").asText()).isEqualTo(reminded.payBy().toString());
    assertThat(toPay.path("reference").asText()).isEqualTo(invoice.paymentReference());
    assertThat(invoices.events(reminded)).filteredOn(e -> e.type() == InvoiceEventType.REMINDER_SENT)
        .extracting(InvoiceEvent::channel).containsExactly("DIGITAL_MAILBOX");
    assertThat(jdbc.sql("""
        SELECT COUNT(*) FROM fordra_mailbox_delivery d JOIN fordra_document doc ON doc.id = d.document_id
         WHERE doc.invoice_id = ? AND d.status = 'SENT'""").param(invoice.id()).query(Long.class).single())
        .isEqualTo(2L);
  }

  @Test
  void aPersonWithoutAMailboxGetsTheInvoiceByTheReserveChannel() {
    Invoice invoice = createInvoice(person(WITHOUT_MAILBOX), Currency.SEK);
    executeDueJobs();

    Invoice sent = reload(invoice);
    assertThat(stub.delivered()).isEmpty();
    assertThat(stub.matchRequests()).containsExactly(List.of("198001010001"));
    List<InvoiceEvent> events = invoices.events(sent);
    assertThat(events).filteredOn(e -> e.type() == InvoiceEventType.DISTRIBUTION_DEVIATION)
        .extracting(InvoiceEvent::message).containsExactly("Not sent to the digital mailbox: the person has no "
            + "digital mailbox that accepts content from Exempelbolaget AB (Kivra user matching)");
    assertThat(events).filteredOn(e -> e.type() == InvoiceEventType.CHANNEL_CHOSEN)
        .extracting(InvoiceEvent::channel).containsExactly("EMAIL");
    assertThat(sent.status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(events).filteredOn(e -> e.type() == InvoiceEventType.SENT).extracting(InvoiceEvent::channel)
        .containsExactly("EMAIL");
  }

  @Test
  void kivraFailingOrAnsweringTooLateIsRetriedAndTheContentIsDeliveredOnce() {
    stub.fail(KivraStub.Fault.SERVER_ERROR, KivraStub.Fault.SLOW);
    Invoice invoice = createInvoice(person(ANOTHER_WITH_MAILBOX), Currency.SEK);

    runJobsExpectingFailure();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);
    later(6);
    runJobsExpectingFailure(); // Kivra took it, but its answer came after the timeout
    assertThat(stub.delivered()).hasSize(1);
    later(12);
    executeDueJobs();

    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(stub.contentRequests()).hasSize(3);
    assertThat(stub.contentRequests()).as("every try sends the one stored body").containsOnly(
        stub.contentRequests().get(0));
    assertThat(stub.delivered()).as("delivered once").hasSize(1);
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.SENT).hasSize(1);
  }

  @Test
  void kivraFailingToTheEndIsAnIncidentAndTheInvoiceSaysItWasNotSent() {
    stub.fail(KivraStub.Fault.SERVER_ERROR, KivraStub.Fault.SERVER_ERROR, KivraStub.Fault.SERVER_ERROR);
    Invoice invoice = createInvoice(person(ANOTHER_WITH_MAILBOX), Currency.SEK);

    runJobsExpectingFailure();
    later(6);
    runJobsExpectingFailure();
    later(12);
    runJobsExpectingFailure();

    List<Incident> incidents = runtime.createIncidentQuery()
        .activityId(InvoiceDistribution.Elements.SEND_TO_DIGITAL_MAILBOX).list();
    assertThat(incidents).isNotEmpty();
    assertThat(incidents).anyMatch(i -> i.getIncidentMessage().contains("HTTP 500"));
    Invoice notSent = reload(invoice);
    assertThat(notSent.status()).isEqualTo(InvoiceStatus.CREATED);
    assertThat(invoices.events(notSent)).filteredOn(e -> e.type() == InvoiceEventType.SEND_FAILED)
        .extracting(InvoiceEvent::channel).containsExactly("DIGITAL_MAILBOX");
    assertThat(stub.delivered()).isEmpty();
    incidents.forEach(i -> management.setJobRetries(i.getConfiguration(), 0)); // left for Cockpit as it is
  }

  private void runJobsExpectingFailure() {
    try {
      executeDueJobs();
    } catch (RuntimeException expected) {
      // the sending job failed; the engine keeps its retries and due date
    }
  }

  private void later(int minutes) {
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
  }

  private static CustomerRequest person(String personnummer) {
    String number = "K-" + UUID.randomUUID().toString().substring(0, 8);
    return new CustomerRequest(number, "Anna Andersson", CustomerType.PRIVATE, false, Country.SE, personnummer,
        number.toLowerCase() + "@customer.example", null,
        new CustomerRequest.AddressRequest("Storgatan 1", "111 22", "Stockholm", null), false,
        Channel.DIGITAL_MAILBOX, null, null);
  }
}
