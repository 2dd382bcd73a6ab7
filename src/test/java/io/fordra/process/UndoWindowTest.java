package io.fordra.process;

import io.fordra.invoice.InvoiceToCash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.customer.CustomerRequest;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
  @Autowired DocumentService documents;

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

  @Test
  void aCreditNoteInsideTheUndoWindowWaitsForTheInvoiceItCredits() throws Exception {
    Invoice invoice = invoiceOf12500();
    executeDueJobs();
    inTheUndoWindow(LocalTime.of(9, 2), () -> credit(invoice, "1250.00"));
    assertThat(mail(invoice, "credit-note.1")).as("the invoice has not left yet").isNull();
    assertThat(mail(invoice, "invoice.1")).isNull();

    advanceTo(LocalDate.of(2026, 3, 2), LocalTime.of(9, 5));
    StoredDocument sentInvoice = letter(invoice, DocumentKind.INVOICE);
    StoredDocument creditNote = letter(invoice, DocumentKind.CREDIT_NOTE);
    assertThat(mail(invoice, "invoice.1")).isNotNull();
    assertThat(mail(invoice, "credit-note.1")).isNotNull();
    assertThat(creditNote.sentAt()).isAfterOrEqualTo(sentInvoice.sentAt());
    assertThat(invoices.events(reload(invoice)).stream().map(InvoiceEvent::type)
        .filter(t -> t == InvoiceEventType.SENT || t == InvoiceEventType.CREDIT_NOTE_SENT))
        .as("the invoice goes first").containsExactly(InvoiceEventType.SENT, InvoiceEventType.CREDIT_NOTE_SENT);
  }

  @Test
  void theInvoiceStatesWhatWasPaidAndCreditedBeforeItLeft() throws Exception {
    Invoice invoice = invoiceOf12500();
    executeDueJobs();
    inTheUndoWindow(LocalTime.of(9, 1), () -> pay(invoice, "6250.00"));
    inTheUndoWindow(LocalTime.of(9, 2), () -> credit(invoice, "1250.00"));

    advanceTo(LocalDate.of(2026, 3, 2), LocalTime.of(9, 5));
    String text = Letters.pdfText(part(mail(invoice, "invoice.1"), "invoice-"));
    // The text extractor may or may not put a space between a table's label and amount cells.
    assertThat(text).containsPattern("Totalt ?12 500,00 SEK").containsPattern("Inbetalt ?-6 250,00")
        .containsPattern("Krediterat ?-1 250,00").containsPattern("Att betala ?5 000,00 SEK")
        .doesNotContain("12 500,00 SEK Betala senast");
    assertThat(text).as("the payment box asks for what is open, with the OCR")
        .containsPattern("Att betala ?5 000,00 SEK ?Betala senast 2026-04-01 ?OCR " + invoice.paymentReference());
    String body = new String(part(mail(invoice, "invoice.1"), null), StandardCharsets.UTF_8).replace('\u00a0', ' ');
    assertThat(body).as("the mail says as much")
        .contains("faktura " + invoice.invoiceNumber() + " på 12 500,00 SEK",
            "7 500,00 SEK redan betalt eller krediterat", "kvar att betala: 5 000,00 SEK");
    StoredDocument stored = letter(invoice, DocumentKind.INVOICE);
    assertThat(stored.amountDue()).isEqualByComparingTo("5000.00");
    assertThat(Letters.pdfText(stored.content())).as("the hotel keeps what was sent").isEqualTo(text);
  }

  private Invoice invoiceOf12500() {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.SE, false, true);
    return invoices.create(new InvoiceRequest("T-" + UUID.randomUUID().toString().substring(0, 8),
        customer.customerNumber(), customer, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.SEK,
        List.of(new InvoiceRequest.LineRequest("Consulting", new BigDecimal("40"), new BigDecimal("250.00"),
            new BigDecimal("25"), null, "PO-1")), null, null));
  }

  /** Does the step at this time on 2 March (the invoices were made at 09:00, the window ends 09:05) and what follows. */
  private void inTheUndoWindow(LocalTime time, Runnable step) {
    at(LocalDate.of(2026, 3, 2), time);
    step.run();
    executeDueJobs();
  }

  private void credit(Invoice invoice, String amount) {
    api().post().uri("/api/invoices/{n}/credit-notes", invoice.invoiceNumber())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("amount", new BigDecimal(amount), "reason", "one day less")).retrieve().toBodilessEntity();
  }

  private StoredDocument letter(Invoice invoice, DocumentKind kind) {
    return documents.forInvoice(reload(invoice)).stream().filter(d -> d.kind() == kind && !d.isRendition())
        .findFirst().orElseThrow();
  }

  /**
   * A part of a mail in the outbox: the attachment whose file name starts with fileNamePrefix, or for null the text.
   */
  private static byte[] part(String eml, String fileNamePrefix) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(eml.getBytes(StandardCharsets.ISO_8859_1)));
    MimeMultipart parts = (MimeMultipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      String fileName = parts.getBodyPart(i).getFileName();
      if (fileNamePrefix == null ? fileName == null : fileName != null && fileName.startsWith(fileNamePrefix)) {
        return parts.getBodyPart(i).getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no part " + fileNamePrefix + " in the mail");
  }

}
