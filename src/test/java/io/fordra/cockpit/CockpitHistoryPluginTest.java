package io.fordra.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.dispute.DisputeService;
import io.fordra.dispute.ObjectionRequest;
import io.fordra.dispute.RaisedBy;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceToCash;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Cockpit plugin "Invoice history": Cockpit's config.js (Fordra's, not the stock one) registers it, the script is
 * served, and the engine REST calls it makes return what its timeline shows for a real invoice: objection answered
 * in Tasklist with a comment, then paid.
 */
@FordraTestContext
class CockpitHistoryPluginTest extends ProcessTestSupport {

  private static final String SCRIPT = "/camunda/app/cockpit/scripts/fordra-history.js";

  @Autowired DisputeService disputes;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void cockpitConfigRegistersThePluginAndTheScriptIsServed() throws Exception {
    HttpResponse<String> config = get("/camunda/app/cockpit/scripts/config.js", Map.of());
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).as("Fordra's config.js, not the stock one")
        .contains("customScripts").contains("'scripts/fordra-history'");

    HttpResponse<String> script = get(SCRIPT + "?bust=7.24.0", Map.of());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(script.body()).contains("export default [",
        "id: 'fordra-history-route'", "pluginPoint: 'cockpit.route'", "path: ROUTE_PATH",
        "export const ROUTE_PATH = '/fordra-history'",
        "id: 'fordra-history-navigation'", "pluginPoint: 'cockpit.navigation'",
        "id: 'fordra-history-instance-tab'", "pluginPoint: 'cockpit.processInstance.runtime.tab'",
        "id: 'fordra-history-search'", "class: 'fordra-timeline-entry'");
    // every engine REST resource the plugin reads is among the ones asserted below
    assertThat(script.body()).contains("'history/process-instance'", "'history/activity-instance'",
        "'history/task'", "/comment`", "'history/user-operation'", "'history/detail'", "'history/incident'",
        "'history/job-log'", "RECORD_PATH = '" + CockpitInvoiceRecordController.PATH + "/'");
  }

  @Test
  void theHistoryRestCallsOfThePluginGiveTheWholeStoryOfAFinishedInvoice() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    ProcessInstance process = processOf(invoice);
    at(LocalDate.of(2026, 3, 10), LocalTime.of(9, 0));
    disputes.raise(invoice.invoiceNumber(), new ObjectionRequest(null, "The goods arrived damaged",
        RaisedBy.CUSTOMER, null));
    Task respond = engine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(InvoiceToCash.Elements.RESPOND_TO_OBJECTION).singleResult();
    // As in Tasklist: the case handler claims the task and completes it with a decision and a reply.
    engine.getIdentityService().setAuthentication("admin", List.of("case-handlers"));
    try {
      engine.getTaskService().claim(respond.getId(), "admin");
      engine.getTaskService().complete(respond.getId(),
          Map.of("objectionDecision", "REJECT", "replyText", "The delivery was complete."));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    executeDueJobs();
    at(LocalDate.of(2026, 3, 12), LocalTime.of(9, 0));
    pay(invoice, "1250.00");
    executeDueJobs();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isZero();

    // The search box: by business key, finished instances included.
    JsonNode found = engineRest("history/process-instance", Map.of("processDefinitionKey", InvoiceToCash.KEY,
        "processInstanceBusinessKey", invoice.invoiceNumber(), "sortBy", "startTime", "sortOrder", "desc",
        "maxResults", "50"));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("id").asText()).isEqualTo(process.getId());
    assertThat(found.get(0).path("state").asText()).isEqualTo("COMPLETED");
    assertThat(engineRest("history/process-instance/" + process.getId(), Map.of()).path("businessKey").asText())
        .isEqualTo(invoice.invoiceNumber());
    String id = process.getId();

    // Every activity, with the user task's task id and the payment message start.
    JsonNode activities = page("history/activity-instance", id, Map.of("sortBy", "startTime", "sortOrder", "asc"));
    JsonNode respondActivity = only(activities, "activityId", InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    assertThat(respondActivity.path("activityType").asText()).isEqualTo("userTask");
    assertThat(respondActivity.path("taskId").asText()).isEqualTo(respond.getId());
    assertThat(respondActivity.path("endTime").isNull()).isFalse();
    JsonNode paid = only(activities, "activityId", "Start_PaymentReceived");
    assertThat(paid.path("activityType").asText()).as("what the timeline shows as 'Message received'")
        .isEqualTo("messageStartEvent");
    assertThat(values(activities, "activityType")).contains("startEvent", "serviceTask", "noneEndEvent");

    // The task: who had it and that it was completed.
    JsonNode task = only(page("history/task", id, Map.of()), "id", respond.getId());
    assertThat(task.path("assignee").asText()).isEqualTo("admin");
    assertThat(task.path("deleteReason").asText()).isEqualTo("completed");

    // Who completed it (user operation log).
    JsonNode operations = page("history/user-operation", id, Map.of("sortBy", "timestamp", "sortOrder", "asc"));
    assertThat(StreamSupport.stream(operations.spliterator(), false)
        .filter(o -> respond.getId().equals(o.path("taskId").asText()))
        .filter(o -> "Complete".equals(o.path("operationType").asText())))
        .singleElement().satisfies(o -> assertThat(o.path("userId").asText()).isEqualTo("admin"));

    // The decision: set on the process by completing the task, so tied to the task's activity instance (what the
    // timeline shows as the decision); task-local variables (taskId set) are what the task showed.
    JsonNode details = page("history/detail", id, Map.of("variableUpdates", "true", "deserializeValues", "false",
        "sortBy", "time", "sortOrder", "asc"));
    assertThat(StreamSupport.stream(details.spliterator(), false)
        .filter(d -> "objectionDecision".equals(d.path("variableName").asText())))
        .singleElement().satisfies(d -> {
          assertThat(d.path("value").asText()).isEqualTo("REJECT");
          assertThat(d.path("activityInstanceId").asText()).isEqualTo(respondActivity.path("id").asText());
          assertThat(d.path("taskId").isNull()).isTrue();
          assertThat(d.path("time").asText()).isNotEmpty();
        });
    assertThat(StreamSupport.stream(details.spliterator(), false)
        .filter(d -> respond.getId().equals(d.path("taskId").asText())))
        .extracting(d -> d.path("variableName").asText()).contains("disputedAmount");
    assertThat(values(details, "variableName")).contains("invoiceNumber", "replyText");

    // The comment, on the finished instance, with the task it belongs to.
    JsonNode comments = engineRest("process-instance/" + id + "/comment", Map.of());
    assertThat(comments).anySatisfy(c -> {
      assertThat(c.path("message").asText()).isEqualTo("REJECT: The delivery was complete.");
      assertThat(c.path("taskId").asText()).isEqualTo(respond.getId());
    });

    // Incidents and job log: readable; every asynchronous step left its job log.
    assertThat(page("history/incident", id, Map.of()).isArray()).isTrue();
    JsonNode jobLog = page("history/job-log", id, Map.of("sortBy", "timestamp", "sortOrder", "asc"));
    assertThat(values(jobLog, "successLog")).contains("true");
  }

  @Test
  void fordrasRecordOfWhatWasSentIsReadUnderTheCockpitLoginOnly() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    String record = CockpitInvoiceRecordController.PATH + "/" + invoice.invoiceNumber();
    assertThat(get(record, Map.of()).statusCode()).as("no Cockpit session").isEqualTo(401);

    String xsrf = cockpitLogin();
    JsonNode body = json.readTree(get(record, Map.of()).body());
    assertThat(body.path("status").asText()).isEqualTo("SENT");
    assertThat(body.path("events")).anySatisfy(e -> {
      assertThat(e.path("type").asText()).isEqualTo("SENT");
      assertThat(e.path("channel").asText()).isEqualTo("EMAIL");
      assertThat(e.path("recipient").asText()).contains("@customer.example");
    });
    JsonNode document = body.path("documents").get(0);
    assertThat(document.path("kind").asText()).isEqualTo("INVOICE");
    HttpResponse<String> pdf = get(document.path("href").asText(), Map.of());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF");
    assertThat(get(CockpitInvoiceRecordController.PATH + "/NO-SUCH-INVOICE", Map.of()).statusCode()).isEqualTo(404);

    // The path the plugin really uses: Cockpit's engine API with the session and the XSRF header.
    HttpResponse<String> viaCockpit = get("/camunda/api/engine/engine/" + engine.getName()
        + "/history/process-instance?processDefinitionKey=" + InvoiceToCash.KEY + "&processInstanceBusinessKey="
        + invoice.invoiceNumber(), Map.of("X-XSRF-TOKEN", xsrf, "Accept", "application/json"));
    assertThat(viaCockpit.statusCode()).isEqualTo(200);
    assertThat(json.readTree(viaCockpit.body())).hasSize(1);
  }

  /** Logs in to Cockpit as the browser does; returns the XSRF token. */
  private String cockpitLogin() throws Exception {
    HttpResponse<String> page = get("/camunda/app/cockpit/" + engine.getName() + "/", Map.of());
    assertThat(page.statusCode()).isEqualTo(200);
    String xsrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/"
            + engine.getName() + "/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + adminPassword())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElse(xsrf);
  }

  /** What the plugin fetches, page by page, but in one page here. */
  private JsonNode page(String resource, String processInstanceId, Map<String, String> params) throws Exception {
    Map<String, String> all = new java.util.LinkedHashMap<>(params);
    all.put("processInstanceId", processInstanceId);
    all.put("firstResult", "0");
    all.put("maxResults", "500");
    JsonNode rows = engineRest(resource, all);
    assertThat(rows.isArray()).as(resource).isTrue();
    return rows;
  }

  private JsonNode engineRest(String resource, Map<String, String> params) throws Exception {
    StringBuilder query = new StringBuilder();
    params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> response = get("/engine-rest/engine/" + engine.getName() + "/" + resource + query, Map.of("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(("admin:" + adminPassword()).getBytes(StandardCharsets.UTF_8)),
        "Accept", "application/json"));
    assertThat(response.statusCode()).as(resource + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static JsonNode only(JsonNode rows, String field, String value) {
    List<JsonNode> matching = new ArrayList<>();
    rows.forEach(r -> {
      if (value.equals(r.path(field).asText())) {
        matching.add(r);
      }
    });
    assertThat(matching).as(field + "=" + value).hasSize(1);
    return matching.get(0);
  }

  private static List<String> values(JsonNode rows, String field) {
    List<String> values = new ArrayList<>();
    rows.forEach(r -> values.add(r.path(field).asText()));
    return values;
  }
}
