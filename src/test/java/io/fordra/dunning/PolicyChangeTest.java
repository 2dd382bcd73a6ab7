package io.fordra.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceToCash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Issue 15, item 16: a process owner changes the reminder-run calendar and the dunning policy, and finance the legal
 * limits, in a running Fordra: each change applies the next time an invoice reaches the step, without a restart, and
 * no policy charges more than the limits in force.
 */
@FordraTestContext
class PolicyChangeTest extends ProcessTestSupport {

  private static final String PASSWORD = "Policy-Password-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired JdbcClient jdbc;

  private final List<String> users = new ArrayList<>();
  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undoTheChanges() {
    // The context and database are shared with other classes: they must find the shipped policy and limits.
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    for (String user : users) {
      jdbc.sql("DELETE FROM fordra_dunning_limit WHERE recorded_by = ?").param(user).update();
      identity.deleteUser(user);
    }
  }

  @Test
  void aNewReminderRunCalendarAppliesToEveryInvoiceThatStartsWaitingAfterItIsDeployed() throws Exception {
    Invoice before = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    advanceTo(LocalDate.of(2026, 4, 2));
    assertThat(reminderRun(before)).as("the shipped calendar: the 1st and the 15th at 06:00")
        .isEqualTo(moment(LocalDate.of(2026, 4, 15), LocalTime.of(6, 0)));

    String owner = user("process-owners");
    ResponseEntity<String> deployed = deploy(owner, "reminder-runs.dmn", Files.readString(
            Path.of("processes/reminder-runs.dmn"))
        .replace("<text>1</text>", "<text>5</text>").replace("<text>15</text>", "<text>20</text>")
        .replace("\"06:00\"", "\"07:30\""));
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);

    Invoice after = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    advanceTo(LocalDate.of(2026, 4, 2), LocalTime.of(9, 10));
    assertThat(reminderRun(after)).as("waits for the new calendar's first run")
        .isEqualTo(moment(LocalDate.of(2026, 4, 5), LocalTime.of(7, 30)));
    assertThat(reminderRun(before)).as("an invoice already waiting keeps its run")
        .isEqualTo(moment(LocalDate.of(2026, 4, 15), LocalTime.of(6, 0)));

    advanceTo(LocalDate.of(2026, 4, 5), LocalTime.of(7, 30));
    assertThat(reload(after).remindersSent()).isEqualTo(1);
    assertThat(reload(before).remindersSent()).isZero();
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(6, 0));
    assertThat(reload(before).remindersSent()).isEqualTo(1);
    advanceTo(LocalDate.of(2026, 4, 26));
    assertThat(reminderRun(before)).as("its next step waits for the new calendar")
        .isEqualTo(moment(LocalDate.of(2026, 5, 5), LocalTime.of(7, 30)));
  }

  /** A case handler's answer in Tasklist moves the invoice on to a reminder run: the calendar is read for them. */
  @Test
  void aCaseHandlersReviewReadsTheCalendarThoughTheyMayNotEvaluateDecisions() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, true, true), Currency.SEK);
    executeDueJobs();
    advanceTo(LocalDate.of(2026, 4, 2));
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 0));
    advanceTo(LocalDate.of(2026, 4, 26));
    String task = engine.getTaskService().createTaskQuery().processInstanceId(processOf(invoice).getId())
        .singleResult().getId();

    String handler = user("case-handlers");
    int completed = as(handler).post().uri("/engine-rest/engine/" + engine.getName() + "/task/" + task + "/complete")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", Map.of("reviewDecision", Map.of("value", "CONTINUE"))))
        .exchange((request, response) -> response.getStatusCode().value());

    assertThat(completed).isEqualTo(204);
    assertThat(reminderRun(invoice)).isEqualTo(moment(LocalDate.of(2026, 5, 1), LocalTime.of(6, 0)));
  }

  @Test
  void aPolicyThatAsksMoreThanTheLawIsCappedAndALimitRecordedByFinanceAppliesToTheNextReminder() throws Exception {
    String owner = user("process-owners");
    ResponseEntity<String> deployed = deploy(owner, "dunning-policy.dmn", Files.readString(
            Path.of("processes/dunning-policy.dmn"))
        .replace("<outputEntry id=\"Rule_02_Out2\"><text>60</text>", "<outputEntry id=\"Rule_02_Out2\"><text>100</text>"));
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);

    Invoice capped = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    advanceTo(LocalDate.of(2026, 4, 2));
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 0));
    assertThat(reload(capped).feesAmount()).as("SE påminnelseavgift at most 60 SEK").isEqualByComparingTo("60.00");
    assertThat(invoices.events(reload(capped))).anyMatch(e -> e.type() == InvoiceEventType.FEE_LIMITED
        && e.message().equals("The policy's reminder fee 100.00 SEK exceeds the legal maximum; 60.00 SEK charged"));

    Invoice lowered = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 10));
    String finance = user("finance");
    Map<String, Object> limits = sweden("50.00");
    ResponseEntity<String> recorded = call(finance, HttpMethod.POST, "/api/dunning-limits/SE", limits);
    assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
    JsonNode row = JSON.readTree(recorded.getBody());
    assertThat(row.path("recordedBy").asText()).isEqualTo(finance);
    assertThat(row.path("recordedAt").asText()).isEqualTo("2026-04-15T05:10:00Z");
    assertThat(row.path("validFrom").asText()).isEqualTo("2026-04-15");

    advanceTo(LocalDate.of(2026, 5, 1), LocalTime.of(7, 0));
    assertThat(reload(lowered).feesAmount()).as("the limit in force at this run").isEqualByComparingTo("50.00");
    assertThat(invoices.events(reload(lowered))).anyMatch(e -> e.type() == InvoiceEventType.FEE_LIMITED
        && e.message().equals("The policy's reminder fee 100.00 SEK exceeds the legal maximum; 50.00 SEK charged"));
  }

  @Test
  void limitsTakeEffectOnTheirFirstDayAndTheHistoryKeepsWhoRecordedWhatAndWhen() throws Exception {
    String finance = user("finance");
    at(LocalDate.of(2026, 6, 1), LocalTime.of(10, 0));
    Map<String, Object> future = sweden("55.00");
    future.put("validFrom", "2026-07-01");
    assertThat(call(finance, HttpMethod.POST, "/api/dunning-limits/SE", future).getStatusCode().value())
        .isEqualTo(201);
    ResponseEntity<String> twice = call(finance, HttpMethod.POST, "/api/dunning-limits/SE", future);
    assertThat(twice.getStatusCode().value()).as("the same again: a double click").isEqualTo(409);
    assertThat(JSON.readTree(twice.getBody()).path("detail").asText()).contains("nothing is recorded twice");

    assertThat(inForceFor("SE", finance).path("maxReminderFee").decimalValue()).isEqualByComparingTo("60.00");
    at(LocalDate.of(2026, 7, 1), LocalTime.of(0, 0));
    JsonNode inForce = inForceFor("SE", finance);
    assertThat(inForce.path("maxReminderFee").decimalValue()).isEqualByComparingTo("55.00");
    assertThat(inForce.path("recordedBy").asText()).isEqualTo(finance);
    assertThat(inForce.path("recordedAt").asText()).isEqualTo("2026-06-01T08:00:00Z");

    JsonNode history = JSON.readTree(call(finance, HttpMethod.GET, "/api/dunning-limits/SE", null).getBody());
    assertThat(history.get(0).path("validFrom").asText()).isEqualTo("2026-07-01");
    assertThat(history.get(history.size() - 1).path("recordedBy").asText()).isEqualTo("flyway");
  }

  @Test
  void onlyFinanceRecordsLimitsAndEveryStaffRoleReadsThem() {
    for (String group : List.of("case-handlers", "process-owners", "auditors")) {
      String user = user(group);
      assertThat(call(user, HttpMethod.POST, "/api/dunning-limits/SE", sweden("10.00")).getStatusCode().value())
          .as(group).isEqualTo(403);
      assertThat(call(user, HttpMethod.GET, "/api/dunning-limits", null).getStatusCode().value()).as(group)
          .isEqualTo(200);
      assertThat(call(user, HttpMethod.GET, "/api/dunning-limits/NO", null).getStatusCode().value()).as(group)
          .isEqualTo(200);
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_dunning_limit WHERE max_reminder_fee = 10.00")
        .query(Long.class).single()).as("nothing recorded by a role that may not").isZero();
    int anonymous = RestClient.builder().baseUrl("http://localhost:" + port).build().get().uri("/api/dunning-limits")
        .exchange((request, response) -> response.getStatusCode().value());
    assertThat(anonymous).isEqualTo(401);
  }

  @Test
  void badLimitsAreRefusedWithEveryReasonAndNothingIsStored() throws Exception {
    String finance = user("finance");
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("validFrom", "2026-03-01");
    bad.put("maxReminderFee", "-1");
    bad.put("maxReminderFees", 11);
    bad.put("minDaysAfterDueForFee", -3);
    bad.put("maxCollectionNoticeFee", "180.001");
    bad.put("minCollectionNoticePeriodDays", 400);
    bad.put("source", " ");
    ResponseEntity<String> refused = call(finance, HttpMethod.POST, "/api/dunning-limits/SE", bad);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    JsonNode problem = JSON.readTree(refused.getBody());
    List<String> errors = new ArrayList<>();
    problem.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("message").asText()));
    assertThat(errors).containsExactly(
        "validFrom: 2026-03-01 is before today (2026-03-02): a change applies from today or later, what was charged "
            + "before stays",
        "maxReminderFee: must not be negative",
        "reminderFeeRequiresAgreement: is required",
        "maxReminderFees: must be between 0 and 10",
        "minDaysAfterDueForFee: must be between 0 and 365",
        "maxCollectionNoticeFee: has more than 2 decimals",
        "minCollectionNoticePeriodDays: must be between 0 and 365",
        "source: is required");

    Map<String, Object> tooHigh = sweden("60000");
    assertThat(JSON.readTree(call(finance, HttpMethod.POST, "/api/dunning-limits/SE", tooHigh).getBody())
        .path("errors").get(0).path("message").asText()).isEqualTo("is larger than 10000: no dunning fee comes near that");
    assertThat(call(finance, HttpMethod.POST, "/api/dunning-limits/DK", sweden("60.00")).getStatusCode().value())
        .isEqualTo(404);
    Map<String, Object> unknownField = sweden("60.00");
    unknownField.put("maxInterest", "8");
    assertThat(call(finance, HttpMethod.POST, "/api/dunning-limits/SE", unknownField).getStatusCode().value())
        .isEqualTo(400);
    assertThat(call(finance, HttpMethod.POST, "/api/dunning-limits/SE", null).getStatusCode().value())
        .isEqualTo(400);
    // Found trying the jar: 20270101 was read as days since 1970 and stored a limit for the year 57467.
    for (Object notADay : List.of(20270101, "2027-01-01T00:00:00Z")) {
      Map<String, Object> lenient = sweden("60.00");
      lenient.put("validFrom", notADay);
      ResponseEntity<String> answer = call(finance, HttpMethod.POST, "/api/dunning-limits/SE", lenient);
      assertThat(answer.getStatusCode().value()).as(String.valueOf(notADay)).isEqualTo(400);
      assertThat(answer.getBody()).as(String.valueOf(notADay)).contains("validFrom");
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_dunning_limit WHERE recorded_by = ?").param(finance)
        .query(Long.class).single()).isZero();
  }

  private JsonNode inForceFor(String country, String user) throws Exception {
    for (JsonNode row : JSON.readTree(call(user, HttpMethod.GET, "/api/dunning-limits", null).getBody())) {
      if (row.path("country").asText().equals(country)) {
        return row;
      }
    }
    throw new AssertionError("no limits in force for " + country);
  }

  private static Map<String, Object> sweden(String maxReminderFee) {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("maxReminderFee", maxReminderFee);
    limits.put("reminderFeeRequiresAgreement", true);
    limits.put("maxReminderFees", 1);
    limits.put("minDaysAfterDueForFee", 0);
    limits.put("maxCollectionNoticeFee", "180.00");
    limits.put("minCollectionNoticePeriodDays", 8);
    limits.put("source", "Lag (1981:739) 2 §, as amended");
    return limits;
  }

  private Date reminderRun(Invoice invoice) {
    Job timer = management.createJobQuery().processInstanceId(processOf(invoice).getId())
        .activityId(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN).singleResult();
    assertThat(timer).as("waiting for a reminder run").isNotNull();
    return timer.getDuedate();
  }

  private static Date moment(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(ZONE).toInstant());
  }

  /** Deploys one model over the engine REST API as the user, as Camunda Modeler does. */
  private ResponseEntity<String> deploy(String user, String name, String content) throws Exception {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", "policy-change-" + UUID.randomUUID());
    form.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    ResponseEntity<String> answer = as(user).post().uri("/engine-rest/engine/" + engine.getName() + "/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().onStatus(s -> true, (req, res) -> { })
        .toEntity(String.class);
    if (answer.getStatusCode().is2xxSuccessful()) {
      deployments.add(JSON.readTree(answer.getBody()).path("id").asText());
    }
    return answer;
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String uri, Object body) {
    var request = as(user).method(method).uri(uri);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    } else if (method == HttpMethod.POST) {
      request.contentType(MediaType.APPLICATION_JSON);
    }
    return request.retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
  }

  private RestClient as(String user) {
    return RestClient.builder().baseUrl("http://localhost:" + port).requestFactory(new JdkClientHttpRequestFactory())
        .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build();
  }

  private String user(String group) {
    String id = staffUser(group, PASSWORD);
    users.add(id);
    return id;
  }
}
