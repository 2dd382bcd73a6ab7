package io.fordra.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEventType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The rate table over /api/interest-rates, the reminder task in Tasklist's place and the catch-up of interest that
 * waited for a rate: who may read and add, every bad input, a row through the task and one over the API ending the
 * task. Run on H2 (InterestRateApiTest) and on PostgreSQL (PostgresInterestRateApiTest). Rows added here are removed
 * after each test: the shipped table is what other tests expect.
 */
abstract class InterestRateScenario extends ProcessTestSupport {

  private static final String PASSWORD = "Rates-Password-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  private final List<String> users = new ArrayList<>();

  @BeforeEach
  void noReminderWaits() {
    removeReminders();
  }

  @AfterEach
  void removeWhatWasAdded() {
    users.forEach(identity::deleteUser);
    removeReminders();
    jdbc.sql("DELETE FROM fordra_interest_rate WHERE valid_from > DATE '2026-06-30'").update();
  }

  private void removeReminders() {
    runtime.createProcessInstanceQuery().processDefinitionKey(ReferenceRateReminder.KEY).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
  }

  @Test
  void financeReadsAndAdds_auditorsRead_otherRolesAndStrangersAreRefused() throws Exception {
    at(LocalDate.of(2026, 8, 2), LocalTime.of(9, 0));
    RestClient finance = as("finance");
    ResponseEntity<String> table = send(finance, HttpMethod.GET, "/api/interest-rates", null);
    assertThat(table.getStatusCode().value()).isEqualTo(200);
    JsonNode body = json(table);
    assertThat(body.get("rates")).hasSize(6);
    assertThat(body.get("rates").get(0).get("recordedBy").asText()).isEqualTo("migration");
    assertThat(body.get("missing")).extracting(JsonNode::asText)
        .containsExactly("no rate for SE from 2026-07-01", "no rate for NO from 2026-07-01");

    for (String group : List.of("case-handlers", "process-owners")) {
      RestClient other = as(group);
      assertThat(send(other, HttpMethod.GET, "/api/interest-rates", null).getStatusCode().value()).isEqualTo(403);
      assertThat(send(other, HttpMethod.POST, "/api/interest-rates", no("11.75")).getStatusCode().value())
          .isEqualTo(403);
    }
    RestClient auditor = as("auditors");
    assertThat(send(auditor, HttpMethod.GET, "/api/interest-rates", null).getStatusCode().value()).isEqualTo(200);
    assertThat(send(auditor, HttpMethod.POST, "/api/interest-rates", no("11.75")).getStatusCode().value())
        .isEqualTo(403);
    RestClient stranger = RestClient.builder().baseUrl("http://localhost:" + port).build();
    assertThat(send(stranger, HttpMethod.GET, "/api/interest-rates", null).getStatusCode().value()).isEqualTo(401);
    assertThat(send(stranger, HttpMethod.POST, "/api/interest-rates", no("11.75")).getStatusCode().value())
        .isEqualTo(401);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_interest_rate").query(Integer.class).single()).isEqualTo(6);

    ResponseEntity<String> added = send(finance, HttpMethod.POST, "/api/interest-rates", no("11.75"));
    assertThat(added.getStatusCode().value()).isEqualTo(201);
    JsonNode row = json(added);
    assertThat(row.get("rate").decimalValue()).isEqualByComparingTo("11.75");
    assertThat(row.get("recordedBy").asText()).startsWith("finance-");
    assertThat(row.get("recordedAt").asText()).startsWith("2026-08-02T07:00");
    assertThat(json(send(finance, HttpMethod.GET, "/api/interest-rates", null)).get("missing"))
        .extracting(JsonNode::asText).containsExactly("no rate for SE from 2026-07-01");
    assertThat(json(send(finance, HttpMethod.GET, "/api/reports/aging", null)).get("missingRates"))
        .extracting(JsonNode::asText).containsExactly("no rate for SE from 2026-07-01");
    assertThat(send(finance, HttpMethod.GET, "/api/reports/aging.html", null).getBody())
        .contains("Interest cannot be invoiced: no rate for SE from 2026-07-01");
  }

  @Test
  void everyBadInputIsAProblemListingEachReason_anOverlapIsAConflict() throws Exception {
    at(LocalDate.of(2026, 8, 2), LocalTime.of(9, 0));
    RestClient finance = as("finance");
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("country", "DK");
    bad.put("validFrom", "2026-07-02");
    bad.put("validTo", "2026-12-31");
    bad.put("source", "");
    ResponseEntity<String> refused = send(finance, HttpMethod.POST, "/api/interest-rates", bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody()).contains("country").contains("must be one of SE, NO")
        .contains("must be the first day of a half-year").contains("source");

    Map<String, Object> wrongSum = se("2.00");
    wrongSum.put("rate", "11.00");
    assertThat(send(finance, HttpMethod.POST, "/api/interest-rates", wrongSum).getBody())
        .contains("must be referenceRate + 8 = 10.00");
    Map<String, Object> numberDay = se("2.00");
    numberDay.put("validFrom", 20635);
    assertThat(send(finance, HttpMethod.POST, "/api/interest-rates", numberDay).getStatusCode().value())
        .isEqualTo(400);
    assertThat(finance.post().uri("/api/interest-rates").contentType(MediaType.APPLICATION_JSON).body("{\"country\":")
        .retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(String.class).getStatusCode().value()).isEqualTo(400);
    assertThat(send(finance, HttpMethod.POST, "/api/interest-rates", null).getStatusCode().value()).isEqualTo(400);
    Map<String, Object> gap = se("2.00");
    gap.put("validFrom", "2027-01-01");
    gap.put("validTo", "2027-06-30");
    assertThat(send(finance, HttpMethod.POST, "/api/interest-rates", gap).getBody())
        .contains("leaves a gap: SE's rates end on 2026-06-30");

    Map<String, Object> shipped = se("2.00");
    shipped.put("validFrom", "2026-01-01");
    shipped.put("validTo", "2026-06-30");
    ResponseEntity<String> overlap = send(finance, HttpMethod.POST, "/api/interest-rates", shipped);
    assertThat(overlap.getStatusCode().value()).isEqualTo(409);
    assertThat(overlap.getBody()).contains("SE has a rate for 2026-01-01–2026-06-30 already");
    assertThat(send(finance, HttpMethod.POST, "/api/interest-rates", se("2.00")).getStatusCode().value())
        .isEqualTo(201);
    assertThat(send(finance, HttpMethod.POST, "/api/interest-rates", se("2.00")).getStatusCode().value())
        .as("the same half-year twice").isEqualTo(409);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_interest_rate").query(Integer.class).single()).isEqualTo(7);
  }

  /**
   * Issue 18's "done": interest that could not be invoiced for want of a rate is invoiced once the rate is added, and
   * the task asking for it ends. SE 1 250.00 due 2026-06-20, 10 % (reference 2.00 + 8) both half-years:
   * 21-30 June 10 days: 1250 × 0.10 × 10 / 365 = 3.4246… → 3.42; July 31 days: 10.6164… → 10.62.
   */
  @Test
  void theInterestThatWaitedForTheRateIsInvoicedOnceTheRowIsAdded_andTheTaskForItEnds() throws Exception {
    CustomerRequest customer = selected();
    Invoice invoice = createInvoice(customer, Currency.SEK, LocalDate.of(2026, 6, 20));
    executeDueJobs();
    at(LocalDate.of(2026, 8, 2), LocalTime.of(9, 0));
    ProcessInstance july = runtime.startProcessInstanceByMessage(InterestInvoicingProcess.RUN_BY_HAND,
        "interest-2026-07", org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue(InterestInvoicingProcess.MONTH.name(), "2026-07"));
    executeDueJobs();
    assertThat(july).isEnded();
    assertThat(interestInvoicesOf(customer)).isEmpty();
    // (the monthly run of 1 August, due too, says the same)
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.INTEREST_NOT_INVOICED)
        .isNotEmpty().allSatisfy(e -> assertThat(e.message()).contains("2026-07-01"));

    ProcessInstance check = dailyCheck();
    ProcessInstance se = reminder("SE");
    ProcessInstance no = reminder("NO");
    Task task = tasks.createTaskQuery().processInstanceId(se.getId()).singleResult();
    assertThat(task.getName()).isEqualTo("Enter the reference rate for 2026-H2 (SE)");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("finance").count()).isOne();
    assertThat(check).isEnded();
    dailyCheck();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReferenceRateReminder.KEY).count())
        .as("a reminder already waiting is not started twice").isEqualTo(2);

    assertThat(send(as("finance"), HttpMethod.POST, "/api/interest-rates", se("2.00")).getStatusCode().value())
        .isEqualTo(201);
    assertThat(se).as("the row came over the API").hasPassed(ReferenceRateReminder.Elements.END_RECORDED_ELSEWHERE)
        .isEnded();
    assertThat(no).isWaitingAt(ReferenceRateReminder.Elements.ENTER_RATE);
    executeDueJobs();
    assertThat(interestInvoicesOf(customer)).singleElement()
        .satisfies(i -> assertThat(i.totalAmount()).isEqualByComparingTo("14.04"));
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.INTEREST_INVOICED)
        .singleElement().satisfies(e -> assertThat(e.message()).contains("2026-07-31"));
  }

  @Test
  void theTaskRecordsTheRowWithTheSameChecks_aRefusedAnswerKeepsItOpen() {
    at(LocalDate.of(2026, 8, 2), LocalTime.of(9, 0));
    dailyCheck();
    ProcessInstance no = reminder("NO");
    Task task = tasks.createTaskQuery().processInstanceId(no.getId()).singleResult();
    String fia = user("finance");
    tasks.claim(task.getId(), fia);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(
        ReferenceRateReminder.RATE.name(), "31", ReferenceRateReminder.SOURCE.name(), "Finansdepartementet")))
        .hasMessageContaining("must be between 0 and 30.00");
    assertThat(no).isWaitingAt(ReferenceRateReminder.Elements.ENTER_RATE);

    tasks.complete(task.getId(), Map.of(ReferenceRateReminder.RATE.name(), "11,75",
        ReferenceRateReminder.SOURCE.name(), "Finansdepartementet, forskrift om forsinkelsesrente 2026-H2"));
    assertThat(no).hasPassed(ReferenceRateReminder.Elements.END_RECORDED).isEnded();
    assertThat(jdbc.sql("SELECT rate, recorded_by FROM fordra_interest_rate WHERE country = 'NO' "
        + "AND valid_from = DATE '2026-07-01'").query((rs, n) -> rs.getBigDecimal(1).stripTrailingZeros()
        .toPlainString() + " " + rs.getString(2)).single()).isEqualTo("11.75 " + fia);
  }

  private ProcessInstance dailyCheck() {
    var timer = management.createJobQuery().processDefinitionKey(ReferenceRateReminder.KEY)
        .activityId(ReferenceRateReminder.Elements.START_DAILY).singleResult();
    management.executeJob(timer.getId());
    ProcessInstance check = runtime.createProcessInstanceQuery().processDefinitionKey(ReferenceRateReminder.KEY)
        .activityIdIn(ReferenceRateReminder.Elements.FIND_MISSING).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(check.getId()).singleResult().getId());
    return check;
  }

  private ProcessInstance reminder(String country) {
    ProcessInstance reminder = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey("reference-rate-" + country + "-2026-H2").singleResult();
    assertThat(reminder).isWaitingAt(ReferenceRateReminder.Elements.ENTER_RATE);
    return reminder;
  }

  private List<Invoice> interestInvoicesOf(CustomerRequest customer) {
    return invoices.search(customer.customerNumber(), null, null, null, 100).stream()
        .filter(i -> invoices.lines(i).stream().allMatch(l -> l.vatRate().signum() == 0)).toList();
  }

  private static CustomerRequest selected() {
    String number = "R-" + UUID.randomUUID().toString().substring(0, 8);
    return new CustomerRequest(number, "Sven Sen", CustomerType.PRIVATE, false, Country.SE, null,
        number.toLowerCase() + "@late.example", null,
        new CustomerRequest.AddressRequest("Storgatan 1", "111 22", "Stockholm", null), false, Channel.EMAIL,
        null, null, null, null, null, true);
  }

  private static Map<String, Object> se(String reference) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("country", "SE");
    body.put("validFrom", "2026-07-01");
    body.put("validTo", "2026-12-31");
    body.put("referenceRate", reference);
    body.put("source", "Riksbanken, referensräntan 1 juli 2026 (test figure)");
    return body;
  }

  private static Map<String, Object> no(String rate) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("country", "NO");
    body.put("validFrom", "2026-07-01");
    body.put("validTo", "2026-12-31");
    body.put("rate", rate);
    body.put("source", "Finansdepartementet, forsinkelsesrente 2026-H2 (test figure)");
    return body;
  }

  private String user(String group) {
    String id = group + "-" + UUID.randomUUID().toString().substring(0, 8);
    var user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    users.add(id);
    return id;
  }

  private RestClient as(String group) {
    String id = user(group);
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth(id, PASSWORD)).build();
  }

  private static ResponseEntity<String> send(RestClient client, HttpMethod method, String uri, Object body) {
    var request = client.method(method).uri(uri);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    } else if (method == HttpMethod.POST) {
      request.contentType(MediaType.APPLICATION_JSON);
    }
    return request.retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(String.class);
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }
}
