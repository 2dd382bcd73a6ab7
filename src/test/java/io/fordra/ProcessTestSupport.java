package io.fordra;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceService;
import io.fordra.payment.PaymentRequest;
import io.fordra.payment.PaymentResult;
import io.fordra.payment.PaymentService;
import io.fordra.invoice.InvoiceToCash;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers for tests that drive invoice-to-cash: invoices, payments, the engine clock and due jobs. */
public abstract class ProcessTestSupport {

  protected static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected ManagementService management;
  @Autowired protected InvoiceService invoices;
  @Autowired protected PaymentService payments;
  @org.springframework.boot.test.web.server.LocalServerPort protected int port;

  @BeforeEach
  void initAssertionsAndClock() {
    BpmnAwareTests.init(engine);
    at(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Sets the engine clock (and so Fordra's "now") to a moment in Stockholm. */
  protected void at(LocalDate date, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(date.atTime(time).atZone(ZONE).toInstant()));
  }

  /** Runs every job that is due now, including those that running jobs make due, like the job executor would. */
  protected int executeDueJobs() {
    for (int executed = 0; executed < 500; executed++) {
      // One at a time: a job may cancel others (a deadline timer ends its task's nudge timer).
      List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return executed;
      }
      management.executeJob(due.get(0).getId());
    }
    throw new AssertionError("jobs keep coming after 500 executions");
  }

  /** Moves the clock to the date (09:00) and runs what is due. */
  protected void advanceTo(LocalDate date) {
    advanceTo(date, LocalTime.of(9, 0));
  }

  protected void advanceTo(LocalDate date, LocalTime time) {
    at(date, time);
    executeDueJobs();
  }

  protected static CustomerRequest customer(CustomerType type, Country country, boolean priority,
                                            boolean reminderFeeAgreed) {
    String number = "C-" + UUID.randomUUID().toString().substring(0, 8);
    String orgNo = type == CustomerType.BUSINESS ? (country == Country.SE ? "556036-0793" : "923609016") : null;
    return new CustomerRequest(number, country == Country.SE ? "Svensson & Co" : "Nordmann AS", type, priority,
        country, orgNo, number.toLowerCase() + "@customer.example", null,
        new CustomerRequest.AddressRequest("Storgatan 1", country == Country.SE ? "111 22" : "0150",
            country == Country.SE ? "Stockholm" : "Oslo", null),
        reminderFeeAgreed, Channel.EMAIL, null, null);
  }

  /** An invoice of 1 000.00 + 25 % VAT = 1 250.00, issued on 2026-03-02 and due on 2026-04-01. */
  protected Invoice createInvoice(CustomerRequest customer, Currency currency) {
    return createInvoice(customer, currency, LocalDate.of(2026, 4, 1));
  }

  protected Invoice createInvoice(CustomerRequest customer, Currency currency, LocalDate dueDate) {
    String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
    return invoices.create(new InvoiceRequest(number, customer.customerNumber(), customer,
        LocalDate.of(2026, 3, 2), dueDate, currency,
        List.of(new InvoiceRequest.LineRequest("Consulting", new BigDecimal("4"), new BigDecimal("250.00"),
            new BigDecimal("25"), null, "PO-1")), null, null));
  }

  /** The invoice's running invoice-to-cash instance (keep it: assertions work on it after it has ended). */
  protected ProcessInstance processOf(Invoice invoice) {
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processDefinitionKey(InvoiceToCash.KEY).processInstanceBusinessKey(invoice.invoiceNumber())
        .singleResult();
    assertThat(instance).as("running process of " + invoice.invoiceNumber()).isNotNull();
    return instance;
  }

  /** The mail Fordra wrote for this step (outbox file named by its Message-ID), or null. */
  protected String mail(Invoice invoice, String step) throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Path.of("target/test-outbox",
        invoice.invoiceNumber() + "." + step + "@fordra.exempelbolaget.se.eml");
    return java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : null;
  }

  protected PaymentResult pay(Invoice invoice, String amount) {
    return payments.register(new PaymentRequest(invoice.paymentReference(), null, new BigDecimal(amount),
        invoice.currency(), LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE),
        "BANK-" + UUID.randomUUID()));
  }

  /** A REST client for Fordra's API on the test server, as the admin. */
  protected org.springframework.web.client.RestClient api() {
    return org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth("admin", adminPassword())).build();
  }

  /** The first admin's password: admin on H2; PostgreSQL runs refuse that one. */
  protected String adminPassword() {
    return "admin";
  }

  /** The API's answer as it came, whatever its status (no exception for 4xx and 5xx); body null for none. */
  protected org.springframework.http.ResponseEntity<String> call(org.springframework.http.HttpMethod method,
                                                                 String uri, Object body) {
    var request = api().method(method).uri(uri);
    if (body != null) {
      request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
  }

  /** A multipart upload of one file (part "file") to the API, answered as it came. */
  protected org.springframework.http.ResponseEntity<String> upload(String uri, String fileName, byte[] content) {
    var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return api().post().uri(uri).contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(parts)
        .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
  }

  /** A new staff user in the group, with the password; the caller deletes it. Returns its id. */
  protected String staffUser(String group, String password) {
    String id = group + "-" + UUID.randomUUID().toString().substring(0, 6);
    org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
    org.camunda.bpm.engine.identity.User user = identity.newUser(id);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  protected Invoice reload(Invoice invoice) {
    return invoices.get(invoice.invoiceNumber());
  }
}
