package io.fordra.distribution.efaktura;

import static io.fordra.ApiAnswers.errors;
import static io.fordra.ApiAnswers.get;
import static io.fordra.ApiAnswers.json;
import static io.fordra.ApiAnswers.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.CustomerEvent;
import io.fordra.customer.CustomerService;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.InvoiceDistribution;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A Norwegian private customer who prefers eFaktura, end to end over the API with a Norwegian seller and the local
 * issuer-service stub: the register is asked by fødselsnummer, the invoice is issued once, a person who stopped
 * eFaktura from this issuer gets the reserve channel, a service that answers 500 is retried and then an incident, and
 * a changed consent comes back with the register's refresh. Run on H2 (EFakturaApiTest) and PostgreSQL
 * (PostgresEFakturaTest).
 */
abstract class EFakturaScenario extends ProcessTestSupport {

  static final String SELLER_PROPERTIES_NAME = "Fordra Norge AS";
  static final String ISSUER = "974760673";
  static final String ACCEPTS = "01019010046";
  static final String STOPPED = "15058510170";
  static final String LATER_STOPS = "20027510087";

  @Autowired CustomerService customers;
  @Autowired DocumentService documents;
  @Autowired EFakturaRepository repository;
  @Autowired EFakturaRefreshSchedule refresh;
  @Autowired EFakturaService efaktura;

  /** The subclass's stub, started before its context. */
  protected abstract EFakturaStub stub();

  @Test
  void anInvoiceGoesByEFakturaOnceWithItsPaymentDataAndPdf() throws Exception {
    stub().accepted.add(ACCEPTS);
    RestClient admin = api();
    String customer = "EF-" + unique();
    assertThat(send(admin, HttpMethod.POST, "/api/customers", person(customer, ACCEPTS)).getStatusCode().value())
        .isEqualTo(201);
    Invoice invoice = invoices.get(json(send(admin, HttpMethod.POST, "/api/invoices", invoice(customer)))
        .get("invoiceNumber").asText());

    executeDueJobs();

    JsonNode sent = json(get(admin, "/api/invoices/" + invoice.invoiceNumber()));
    assertThat(sent.get("status").asText()).isEqualTo(InvoiceStatus.SENT.name());
    assertThat(invoices.events(reload(invoice))).anyMatch(e -> e.type() == InvoiceEventType.SENT
        && "EFAKTURA".equals(e.channel()) && e.message().contains("as eFaktura, consignment "));
    EFakturaStub.Request issued = issuedFor(invoice);
    assertThat(issued.text("invoiceNumber")).isEqualTo(invoice.invoiceNumber());
    assertThat(issued.text("efakturaIdentifier")).isEqualTo(EFakturaStub.identifierOf(ACCEPTS));
    assertThat(issued.text("issuer")).isEqualTo(ISSUER);
    assertThat(issued.text("documentType")).isEqualTo("INVOICE");
    assertThat(issued.text("kid")).isEqualTo(invoice.paymentReference());
    assertThat(new BigDecimal(issued.text("amount"))).isEqualByComparingTo(invoice.totalAmount());
    assertThat(issued.text("amount")).isEqualTo(invoice.totalAmount().setScale(2).toPlainString());
    assertThat(issued.text("currency")).isEqualTo("NOK");
    assertThat(issued.text("dueDate")).isEqualTo(invoice.dueDate().toString());
    assertThat(issued.text("issueDate")).isEqualTo(invoice.issueDate().toString());
    assertThat(issued.text("accountNumber")).isEqualTo("15035010186");
    assertThat(issued.text("receiverName")).isEqualTo("Kari Nordmann");
    assertThat(new String(Base64.getDecoder().decode(issued.text("content")), 0, 5)).isEqualTo("%PDF-");
    assertThat(stub().of("getEfakturaIdentifiers")).anyMatch(r -> r.texts("socialSecurityNumber").contains(ACCEPTS)
        && ISSUER.equals(r.text("issuer")));
    assertThat(customers.events(customer)).anyMatch(e -> e.changes().contains(
        new CustomerEvent.Change("efakturaStatus", null, "ACCEPTED")));

    // Issued once: the letter's delivery row stands, a repeated step sends nothing.
    StoredDocument letter = letterOf(invoice);
    assertThat(repository.delivery(letter.id())).get().extracting(EFakturaRepository.Delivery::consignmentId)
        .isEqualTo(EFakturaService.consignmentId(letter.id()));
    int before = stub().of("addInvoices").size();
    assertThat(efaktura.issue(letter.id(), 1).rejection()).isNull();
    assertThat(stub().of("addInvoices")).hasSize(before);
  }

  @Test
  void aConsignmentTheServiceTookBeforeIsNotIssuedAgain() throws Exception {
    stub().accepted.add(ACCEPTS);
    String customer = "EF-" + unique();
    send(api(), HttpMethod.POST, "/api/customers", person(customer, ACCEPTS));
    Invoice invoice = invoices.get(json(send(api(), HttpMethod.POST, "/api/invoices", invoice(customer)))
        .get("invoiceNumber").asText());
    // An earlier attempt's answer was lost after the service took the consignment.
    String consignment = EFakturaService.consignmentId(letterOf(invoice).id());
    stub().consignments.put(consignment, consignment);

    executeDueJobs();

    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(invoices.events(reload(invoice))).anyMatch(e -> e.type() == InvoiceEventType.SENT
        && e.message().contains("the service had it from an earlier attempt"));
  }

  @Test
  void aPersonWhoStoppedEFakturaFromThisIssuerGetsTheReserveChannel() throws Exception {
    stub().blocked.add(STOPPED);
    String customer = "EF-" + unique();
    send(api(), HttpMethod.POST, "/api/customers", person(customer, STOPPED));
    Invoice invoice = invoices.get(json(send(api(), HttpMethod.POST, "/api/invoices", invoice(customer)))
        .get("invoiceNumber").asText());

    executeDueJobs();

    List<InvoiceEvent> events = invoices.events(reload(invoice));
    assertThat(events).anyMatch(e -> e.type() == InvoiceEventType.DISTRIBUTION_DEVIATION
        && "EFAKTURA".equals(e.channel()) && e.message().contains("has stopped eFaktura from this issuer"));
    // The seller's reserve channel (PRINT): the letter waits in the print batch.
    assertThat(events).anyMatch(e -> e.type() == InvoiceEventType.CHANNEL_CHOSEN && "PRINT".equals(e.channel()));
    assertThat(events).anyMatch(e -> e.type() == InvoiceEventType.IN_PRINT_BATCH);
    assertThat(stub().of("addInvoices")).noneMatch(r -> invoice.invoiceNumber().equals(r.text("invoiceNumber")));
    assertThat(customers.events(customer)).anyMatch(e -> e.changes().contains(
        new CustomerEvent.Change("efakturaStatus", null, "BLOCKED")));
  }

  @Test
  void aServiceThatAnswers500IsRetriedThenAnIncidentAndSendsOnceItAnswers() throws Exception {
    stub().accepted.add(ACCEPTS);
    String customer = "EF-" + unique();
    send(api(), HttpMethod.POST, "/api/customers", person(customer, ACCEPTS));
    Invoice invoice = invoices.get(json(send(api(), HttpMethod.POST, "/api/invoices", invoice(customer)))
        .get("invoiceNumber").asText());
    ProcessInstance distribution = runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceDistribution.KEY)
        .processInstanceBusinessKey(invoice.invoiceNumber()).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(distribution.getId()).timers()
        .singleResult().getId());
    Job job = management.createJobQuery().processInstanceId(distribution.getId()).singleResult();
    stub().lookupMode = EFakturaStub.Mode.HTTP_500;
    try {
      for (int attempt = 1; attempt <= 3; attempt++) {
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 500");
      }
    } finally {
      stub().lookupMode = EFakturaStub.Mode.NORMAL;
    }
    Incident incident = runtime.createIncidentQuery().processInstanceId(distribution.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).contains("HTTP 500");
    assertThat(invoices.events(reload(invoice))).anyMatch(e -> e.type() == InvoiceEventType.SEND_FAILED
        && "EFAKTURA".equals(e.channel()));
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.CREATED);
    assertThat(stub().of("addInvoices")).noneMatch(r -> invoice.invoiceNumber().equals(r.text("invoiceNumber")));

    // Resolved as in Cockpit: one more retry, and the invoice goes once.
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(stub().of("addInvoices")).filteredOn(r -> invoice.invoiceNumber().equals(r.text("invoiceNumber")))
        .hasSize(1);
  }

  @Test
  void consentStoppedInTheOnlineBankComesBackWithTheRefresh() throws Exception {
    stub().accepted.add(LATER_STOPS);
    String customer = "EF-" + unique();
    send(api(), HttpMethod.POST, "/api/customers", person(customer, LATER_STOPS));
    Invoice invoice = invoices.get(json(send(api(), HttpMethod.POST, "/api/invoices", invoice(customer)))
        .get("invoiceNumber").asText());
    executeDueJobs();
    assertThat(repository.recipient(customer)).get().extracting(EFakturaRepository.Recipient::status)
        .isEqualTo(RecipientStatus.ACCEPTED);

    stub().accepted.remove(LATER_STOPS);
    stub().blocked.add(LATER_STOPS);
    refresh.refresh();

    assertThat(repository.recipient(customer)).get().extracting(EFakturaRepository.Recipient::status)
        .isEqualTo(RecipientStatus.BLOCKED);
    assertThat(customers.events(customer)).anyMatch(e -> "eFaktura register".equals(e.by())
        && e.changes().contains(new CustomerEvent.Change("efakturaStatus", "ACCEPTED", "BLOCKED")));
    assertThat(reload(invoice).status()).as("what was issued stays issued").isEqualTo(InvoiceStatus.SENT);
  }

  @Test
  void anInvoiceInAnotherCurrencyThanNokGoesByTheReserveChannelWithoutAskingTheRegister() throws Exception {
    stub().accepted.add(ACCEPTS);
    String customer = "EF-" + unique();
    send(api(), HttpMethod.POST, "/api/customers", person(customer, ACCEPTS));
    Map<String, Object> inEuro = new LinkedHashMap<>(invoice(customer));
    inEuro.put("currency", "EUR");
    Invoice invoice = invoices.get(json(send(api(), HttpMethod.POST, "/api/invoices", inEuro))
        .get("invoiceNumber").asText());
    int lookups = stub().of("getEfakturaIdentifiers").size();

    executeDueJobs();

    assertThat(invoices.events(reload(invoice))).anyMatch(e -> e.type() == InvoiceEventType.DISTRIBUTION_DEVIATION
        && e.message().contains("eFaktura is paid in NOK only, the invoice is in EUR"))
        .anyMatch(e -> e.type() == InvoiceEventType.IN_PRINT_BATCH);
    assertThat(stub().of("getEfakturaIdentifiers")).hasSize(lookups);
    assertThat(stub().of("addInvoices")).noneMatch(r -> invoice.invoiceNumber().equals(r.text("invoiceNumber")));
  }

  @Test
  void eFakturaIsForNorwegianPersonsWithAValidFodselsnummer() throws Exception {
    RestClient admin = api();
    Map<String, Object> business = person("EF-" + unique(), null);
    business.put("type", "BUSINESS");
    business.put("organisationNumber", "923609016");
    assertThat(errors(send(admin, HttpMethod.POST, "/api/customers", business))).containsExactly(
        "preferredChannel: EFAKTURA is for Norwegian private persons only (type PRIVATE, country NO)");

    assertThat(errors(send(admin, HttpMethod.POST, "/api/customers", person("EF-" + unique(), null))))
        .containsExactly("organisationNumber: is required for the preferred channel EFAKTURA (the person's "
            + "fødselsnummer, 11 digits, by which the eFaktura register is asked)");

    ResponseEntity<String> badCheckDigit = send(admin, HttpMethod.POST, "/api/customers",
        person("EF-" + unique(), "01019010047"));
    assertThat(badCheckDigit.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(badCheckDigit)).containsExactly(
        "organisationNumber: is not a valid NO personal identity number (fødselsnummer or D-number)");
  }

  private EFakturaStub.Request issuedFor(Invoice invoice) {
    List<EFakturaStub.Request> issued = stub().of("addInvoices").stream()
        .filter(r -> invoice.invoiceNumber().equals(r.text("invoiceNumber"))).toList();
    assertThat(issued).as("addInvoices for " + invoice.invoiceNumber()).hasSize(1);
    return issued.get(0);
  }

  private StoredDocument letterOf(Invoice invoice) {
    return documents.forInvoice(invoice).stream().filter(d -> d.kind() == DocumentKind.INVOICE && !d.isRendition())
        .findFirst().orElseThrow();
  }

  static Map<String, Object> person(String customerNumber, String fodselsnummer) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("customerNumber", customerNumber);
    person.put("name", "Kari Nordmann");
    person.put("type", "PRIVATE");
    person.put("country", "NO");
    if (fodselsnummer != null) {
      person.put("organisationNumber", fodselsnummer);
    }
    person.put("email", customerNumber.toLowerCase() + "@person.example");
    person.put("address", Map.of("street", "Storgata 1", "postalCode", "0155", "city", "Oslo"));
    person.put("reminderFeeAgreed", true);
    person.put("preferredChannel", "EFAKTURA");
    person.put("language", "nb");
    return person;
  }

  static Map<String, Object> invoice(String customerNumber) {
    return Map.of("customerNumber", customerNumber, "issueDate", "2026-03-02", "dueDate", "2026-03-16",
        "currency", "NOK", "lines", List.of(Map.of("description", "Strøm mars", "quantity", "1",
            "unitPrice", "800.00", "vatRate", "25")));
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
