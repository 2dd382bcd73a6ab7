package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.distribution.einvoice.PeppolRules;
import io.fordra.distribution.print.PrintBatch;
import io.fordra.distribution.print.PrintBatchService;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.InvoiceDistribution;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Distribution's rules end to end through invoice-distribution (seed 003, seed 001 step 3): recipient priority,
 * reserve channel, print batches, PEPPOL e-invoices, direct debit, bounces and the deviation task.
 */
@FordraTestContext
@TestPropertySource(properties = {"fordra.print.outbox=target/print-outbox-rules",
    "fordra.einvoice.outbox=target/einvoice-outbox-rules", "fordra.print.batch-close-cron=-"})
class DistributionRulesTest extends ProcessTestSupport {

  @Autowired CustomerService customers;
  @Autowired PrintBatchService printBatches;
  @Autowired DeviationService deviations;
  @Autowired DocumentService documents;
  @Autowired TaskService tasks;
  @Autowired PeppolRules peppol;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyOpenBatch() {
    // Batches from other tests in this class are handed over first, so each test sees its own documents.
    printBatches.closeOpenBatch();
  }

  // ---- Rule 1: recipient priority -------------------------------------------------------------------------------

  @Test
  void anOrganisationsInvoiceReferenceComesFirstThenTheOrganisationThenThePerson() throws IOException {
    CustomerRequest withReference = organisation(new CustomerRequest.InvoiceReferenceRequest("Eva Ek",
        "eva.ek@org.example"), "ekonomi@org.example");
    Invoice viaReference = createInvoice(person(withReference.customerNumber(), "per@home.example"), Currency.SEK);
    CustomerRequest withoutReference = organisation(null, "ekonomi@org2.example");
    Invoice viaOrganisation = createInvoice(person(withoutReference.customerNumber(), "per@home.example"),
        Currency.SEK);
    CustomerRequest noEmail = organisation(null, null);
    Invoice viaPerson = createInvoice(person(noEmail.customerNumber(), "per@home.example"), Currency.SEK);
    executeDueJobs();

    assertThat(mail(viaReference, "invoice.1")).contains("To: eva.ek@org.example");
    assertThat(mail(viaOrganisation, "invoice.1")).contains("To: ekonomi@org2.example");
    assertThat(mail(viaPerson, "invoice.1")).contains("To: per@home.example");
    assertThat(sentEvent(viaReference)).satisfies(e -> {
      assertThat(e.channel()).isEqualTo("EMAIL");
      assertThat(e.recipient()).isEqualTo("eva.ek@org.example");
    });
  }

  // ---- Rule 2: reserve channel; a print batch ------------------------------------------------------------------

  @Test
  void withoutAnEmailAddressTheInvoiceGoesIntoAPrintBatchAndIsSentWhenTheBatchIsHandedOver() throws Exception {
    CustomerRequest noEmail = customerWith(null, Channel.EMAIL, null, null);
    Invoice invoice = createInvoice(noEmail, Currency.SEK);
    executeDueJobs();

    assertThat(mail(invoice, "invoice.1")).isNull();
    assertThat(reload(invoice).status()).as("queued until the batch is handed over")
        .isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);
    assertThat(events(invoice, InvoiceEventType.CHANNEL_CHOSEN)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("PRINT").contains("reserve channel"));

    PrintBatch batch = printBatches.closeOpenBatch().orElseThrow();
    assertThat(batch.items()).extracting(i -> i.documentId()).containsExactly(letter(invoice).id());
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(sentEvent(invoice)).satisfies(e -> {
      assertThat(e.channel()).isEqualTo("PRINT");
      assertThat(e.recipient()).contains("Storgatan 1").contains("111 22 Stockholm");
      assertThat(e.message()).contains(batch.name());
    });
    try (Stream<Path> files = Files.list(Path.of("target/print-outbox-rules"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains(batch.name() + ".pdf", batch.name() + ".json");
    }
  }

  @Test
  void aCustomerWhoPrefersPrintGetsAPrintedReminderButNeverAnEInvoiceReminder() {
    CustomerRequest print = customerWith("c@print.example", Channel.EINVOICE, "0007", "5560360793");
    Invoice invoice = createInvoice(print, Currency.SEK);
    executeDueJobs();
    assertThat(sentEvent(invoice).channel()).isEqualTo("EINVOICE");
    // The reminder of an e-invoice customer goes by e-mail (reminders: e-mail or print only, seed 003).
    advanceTo(java.time.LocalDate.of(2026, 4, 2));
    advanceTo(java.time.LocalDate.of(2026, 4, 15), java.time.LocalTime.of(7, 0));
    assertThat(events(invoice, InvoiceEventType.REMINDER_SENT)).singleElement()
        .satisfies(e -> assertThat(e.channel()).isEqualTo("EMAIL"));
  }

  // ---- E-invoice: PEPPOL BIS 3.0 -------------------------------------------------------------------------------

  @Test
  void anEInvoiceCustomerGetsValidPeppolUblAndACreditNoteAsUblCreditNote() throws Exception {
    CustomerRequest peppolCustomer = customerWith(null, Channel.EINVOICE, "0007", "5560360793");
    Invoice invoice = createInvoice(peppolCustomer, Currency.SEK);
    executeDueJobs();

    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(sentEvent(invoice)).satisfies(e -> {
      assertThat(e.channel()).isEqualTo("EINVOICE");
      assertThat(e.recipient()).isEqualTo("0007:5560360793");
    });
    StoredDocument ubl = rendition(invoice, DocumentKind.INVOICE);
    assertThat(ubl.mediaType()).isEqualTo("application/xml");
    assertThat(peppol.errors(ubl.content(), false)).isEmpty();
    assertThat(new String(ubl.content(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("<cbc:EndpointID schemeID=\"0007\">5560360793</cbc:EndpointID>");
    try (Stream<Path> files = Files.list(Path.of("target/einvoice-outbox-rules"))) {
      // <seller org. no.>-<document number>.xml, the same bytes as the invoice hotel keeps.
      assertThat(files.map(p -> p.getFileName().toString())).contains("5566778899-" + invoice.invoiceNumber() + ".xml");
    }
    assertThat(Files.readAllBytes(Path.of("target/einvoice-outbox-rules", "5566778899-" + invoice.invoiceNumber()
        + ".xml"))).isEqualTo(ubl.content());

    credit(invoice, "250.00");
    executeDueJobs();
    StoredDocument creditNoteUbl = rendition(invoice, DocumentKind.CREDIT_NOTE);
    assertThat(peppol.errors(creditNoteUbl.content(), true)).isEmpty();
    assertThat(events(invoice, InvoiceEventType.CREDIT_NOTE_SENT)).singleElement()
        .satisfies(e -> assertThat(e.channel()).isEqualTo("EINVOICE"));
  }

  @Test
  void anEInvoiceThePeppolRulesRejectIsNotSentAndGoesByTheReserveChannel() throws Exception {
    // 9999 is no scheme of the PEPPOL EAS code list: the rules reject the document.
    CustomerRequest badScheme = customerWith("c@reserve.example", Channel.EINVOICE, "9999", "5560360793");
    Invoice invoice = createInvoice(badScheme, Currency.SEK);
    executeDueJobs();

    assertThat(events(invoice, InvoiceEventType.DISTRIBUTION_DEVIATION)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("PEPPOL").contains("reject"));
    assertThat(renditions(invoice)).as("a rejected e-invoice is not stored").isEmpty();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);
    assertThat(events(invoice, InvoiceEventType.CHANNEL_CHOSEN)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("PRINT").contains("reserve channel"));
    printBatches.closeOpenBatch();
    assertThat(sentEvent(invoice).channel()).isEqualTo("PRINT");
  }

  // ---- Direct debit ---------------------------------------------------------------------------------------------

  @Test
  void aDirectDebitInvoiceIsRegisteredForItsDueDateAndNotifiedByEmail_aFailedDebitGoesByTheReserve()
      throws Exception {
    CustomerRequest debit = new CustomerRequest("C-" + UUID.randomUUID().toString().substring(0, 8), "Autogiro AB",
        CustomerType.PRIVATE, false, Country.SE, null, "ag@debit.example", null,
        new CustomerRequest.AddressRequest("Storgatan 1", "111 22", "Stockholm", null), false,
        Channel.DIRECT_DEBIT, null, null, null, null, "AG-4711");
    customers.create(debit);
    // Only an ACTIVE mandate is debited (issue 19): the bank has approved this one.
    assertThat(jdbc.sql("UPDATE fordra_mandate SET status = 'ACTIVE' WHERE customer_number = ? AND payer_number = ?")
        .params(debit.customerNumber(), "AG-4711").update()).isEqualTo(1);
    Invoice invoice = createInvoice(debit, Currency.SEK);
    executeDueJobs();

    var order = jdbc.sql("SELECT mandate, amount, debit_date, status FROM fordra_direct_debit WHERE invoice_id = ?")
        .param(invoice.id()).query().singleRow();
    assertThat(order).containsEntry("MANDATE", "AG-4711").containsEntry("STATUS", "REGISTERED");
    assertThat(((BigDecimal) order.get("AMOUNT"))).isEqualByComparingTo("1250.00");
    assertThat(order.get("DEBIT_DATE").toString()).isEqualTo("2026-04-01");
    assertThat(mail(invoice, "invoice.1")).contains("To: ag@debit.example").contains("autogiro");
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);

    DeviationService.BounceResult failed = deviations.bounce(invoice.invoiceNumber(),
        new DeviationService.BounceRequest(Channel.DIRECT_DEBIT, null, "insufficient funds"));
    assertThat(failed.rerouted()).isTrue();
    executeDueJobs();
    assertThat(jdbc.sql("SELECT status FROM fordra_direct_debit WHERE invoice_id = ?").param(invoice.id())
        .query(String.class).single()).isEqualTo("FAILED");
    assertThat(events(invoice, InvoiceEventType.DIRECT_DEBIT_FAILED)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("insufficient funds"));
    PrintBatch batch = printBatches.closeOpenBatch().orElseThrow();
    assertThat(batch.items()).extracting(i -> i.documentId()).containsExactly(letter(invoice).id());
  }

  // ---- Rule 6: bounce → reserve once → task -------------------------------------------------------------------

  @Test
  void aBounceTriesTheReserveOnceThenACaseHandlerCorrectsTheAddressAndSendingResumes() throws Exception {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.SE, false, false);
    Invoice invoice = createInvoice(customer, Currency.SEK);
    executeDueJobs();
    String firstTo = customer.email();
    assertThat(mail(invoice, "invoice.1")).contains("To: " + firstTo);

    // 1. The mail bounces: the reserve channel (print) takes it.
    var bounce = deviations.bounce(invoice.invoiceNumber(),
        new DeviationService.BounceRequest(Channel.EMAIL, firstTo, "550 mailbox unavailable"));
    assertThat(bounce.rerouted()).isTrue();
    executeDueJobs();
    assertThat(events(invoice, InvoiceEventType.DISTRIBUTION_BOUNCED)).singleElement()
        .satisfies(e -> assertThat(e.recipient()).isEqualTo(firstTo));
    printBatches.closeOpenBatch().orElseThrow();
    assertThat(events(invoice, InvoiceEventType.SENT)).extracting(InvoiceEvent::channel)
        .containsExactly("EMAIL", "PRINT");

    // 2. The letter comes back too: no reserve is left, a case handler gets the task.
    deviations.bounce(invoice.invoiceNumber(),
        new DeviationService.BounceRequest(Channel.PRINT, null, "addressee unknown"));
    executeDueJobs();
    ProcessInstance distribution = runtime.createProcessInstanceQuery()
        .processDefinitionKey(InvoiceDistribution.KEY).processInstanceBusinessKey(invoice.invoiceNumber())
        .active().singleResult();
    assertThat(distribution).isWaitingAt(InvoiceDistribution.Elements.CORRECT_DEVIATION);
    Task task = tasks.createTaskQuery().processInstanceId(distribution.getId()).singleResult();
    assertThat(task.getName()).startsWith("Correct distribution deviation — " + invoice.invoiceNumber() + ", ");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("case-handlers").count()).isOne();
    Map<String, Object> shown = tasks.getVariablesLocal(task.getId());
    assertThat((String) shown.get("problem")).contains("PRINT").contains("addressee unknown");
    assertThat((String) shown.get("currentEmail")).isEqualTo(firstTo);

    // An incomplete answer is refused with a reason and changes nothing.
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("deviationAction", "SEND")))
        .hasMessageContaining("correct the e-mail or the address, or choose a channel");
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("deviationAction", "SEND",
        "correctedEmail", "not-an-address"))).hasMessageContaining("The e-mail address is not an e-mail address");
    assertThat(customers.get(customer.customerNumber()).invoiceEmail()).isNull();

    // 3. The corrected e-mail: sending resumes by the customer's channel.
    tasks.complete(task.getId(), Map.of("deviationAction", "SEND", "correctedEmail", "right@customer.example",
        "deviationComment", "phoned the customer"));
    executeDueJobs();
    assertThat(distribution).isEnded();
    assertThat(customers.get(customer.customerNumber()).invoiceEmail()).isEqualTo("right@customer.example");
    assertThat(mail(invoice, "invoice.1.a3")).contains("To: right@customer.example");
    assertThat(events(invoice, InvoiceEventType.DEVIATION_CORRECTED)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("right@customer.example").contains("phoned the customer"));
    assertThat(events(invoice, InvoiceEventType.SENT)).extracting(InvoiceEvent::channel)
        .containsExactly("EMAIL", "PRINT", "EMAIL");

    // 4. Three sendings in all: a further bounce is recorded, but nothing goes out a fourth time.
    var fourth = deviations.bounce(invoice.invoiceNumber(),
        new DeviationService.BounceRequest(Channel.EMAIL, "right@customer.example", "mailbox full"));
    assertThat(fourth.rerouted()).isFalse();
    assertThat(fourth.message()).contains("at most 3");
  }

  @Test
  void aCaseHandlerMayDecideNotToSend() {
    // Only a PEPPOL address: a reminder (e-mail or print only) reaches nobody.
    CustomerRequest onlyPeppol = new CustomerRequest("C-" + UUID.randomUUID().toString().substring(0, 8),
        "Peppol Only AB", CustomerType.BUSINESS, false, Country.SE, "556036-0793", null, null, null, false,
        Channel.EINVOICE, null, new CustomerRequest.ElectronicAddressRequest("0007", "5560360793"));
    Invoice invoice = createInvoice(onlyPeppol, Currency.SEK);
    executeDueJobs();
    assertThat(sentEvent(invoice).channel()).isEqualTo("EINVOICE");
    advanceTo(java.time.LocalDate.of(2026, 4, 2));
    advanceTo(java.time.LocalDate.of(2026, 4, 15), java.time.LocalTime.of(7, 0));
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);
    assertThat(events(invoice, InvoiceEventType.DISTRIBUTION_DEVIATION)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("no channel reaches the customer"));
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(invoice.invoiceNumber())
        .taskDefinitionKey(InvoiceDistribution.Elements.CORRECT_DEVIATION).singleResult();
    tasks.complete(task.getId(), Map.of("deviationAction", "DO_NOT_SEND", "deviationComment", "will call them"));
    assertThat(reload(invoice).status()).as("back to what it was before the reminder was queued")
        .isEqualTo(InvoiceStatus.OVERDUE);
    assertThat(events(invoice, InvoiceEventType.NOT_SENT)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("reminder"));
  }

  @Test
  void aBounceAfterFollowUpHasEndedIsRecordedButNothingIsSent() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    pay(invoice, "1250.00");
    var result = deviations.bounce(invoice.invoiceNumber(),
        new DeviationService.BounceRequest(Channel.EMAIL, null, "550 no such user"));
    assertThat(result.rerouted()).isFalse();
    assertThat(result.message()).contains("has ended").contains("PAID");
    assertThat(events(invoice, InvoiceEventType.DISTRIBUTION_BOUNCED)).hasSize(1);
  }

  // ---- Credit notes ---------------------------------------------------------------------------------------------

  @Test
  void aCreditAfterTheInvoiceLeftSendsACreditNote_aPartialOneToo() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    credit(invoice, "250.00");
    executeDueJobs();
    assertThat(mail(invoice, "credit-note.1")).contains("credit-note-" + invoice.invoiceNumber() + "-1.pdf");
    credit(invoice, null);
    assertThat(reload(invoice).status()).as("closed at once").isEqualTo(InvoiceStatus.CREDITED);
    executeDueJobs();
    assertThat(mail(invoice, "credit-note.2")).isNotNull();
    assertThat(events(invoice, InvoiceEventType.CREDIT_NOTE_SENT)).hasSize(2);
    assertThat(reload(invoice).status()).as("sending a credit note changes no status").isEqualTo(InvoiceStatus.CREDITED);
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private CustomerRequest organisation(CustomerRequest.InvoiceReferenceRequest reference, String invoiceEmail) {
    CustomerRequest org = new CustomerRequest("O-" + UUID.randomUUID().toString().substring(0, 8), "Org AB",
        CustomerType.BUSINESS, false, Country.SE, "556036-0793", null, invoiceEmail,
        new CustomerRequest.AddressRequest("Industrivägen 3", "171 48", "Solna", null), false, Channel.EMAIL, null,
        null, null, reference, null);
    customers.create(org);
    return org;
  }

  private static CustomerRequest person(String organisation, String email) {
    return new CustomerRequest("P-" + UUID.randomUUID().toString().substring(0, 8), "Per Persson",
        CustomerType.PRIVATE, false, Country.SE, null, email, null,
        new CustomerRequest.AddressRequest("Hemvägen 1", "111 22", "Stockholm", null), false, Channel.EMAIL, null,
        null, organisation, null, null);
  }

  private static CustomerRequest customerWith(String email, Channel preferred, String scheme, String id) {
    return new CustomerRequest("C-" + UUID.randomUUID().toString().substring(0, 8), "Kund AB", CustomerType.BUSINESS,
        false, Country.SE, "556036-0793", email, null,
        new CustomerRequest.AddressRequest("Storgatan 1", "111 22", "Stockholm", null), false, preferred, null,
        scheme == null ? null : new CustomerRequest.ElectronicAddressRequest(scheme, id));
  }

  @Autowired io.fordra.invoice.CreditNoteController creditNotes;

  private void credit(Invoice invoice, String amount) {
    creditNotes.credit(invoice.invoiceNumber(), new io.fordra.invoice.CreditNoteController.CreditNoteRequest(
            amount == null ? null : new BigDecimal(amount), "price corrected"));
  }

  private List<InvoiceEvent> events(Invoice invoice, InvoiceEventType type) {
    return invoices.events(reload(invoice)).stream().filter(e -> e.type() == type).toList();
  }

  private InvoiceEvent sentEvent(Invoice invoice) {
    List<InvoiceEvent> sent = events(invoice, InvoiceEventType.SENT);
    assertThat(sent).as("SENT events of " + invoice.invoiceNumber()).isNotEmpty();
    return sent.get(sent.size() - 1);
  }

  private StoredDocument letter(Invoice invoice) {
    return documents.forInvoice(invoice).stream().filter(d -> d.kind() == DocumentKind.INVOICE && !d.isRendition())
        .findFirst().orElseThrow();
  }

  private List<StoredDocument> renditions(Invoice invoice) {
    return documents.forInvoice(invoice).stream().filter(StoredDocument::isRendition).toList();
  }

  private StoredDocument rendition(Invoice invoice, DocumentKind kind) {
    return renditions(invoice).stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
  }
}
