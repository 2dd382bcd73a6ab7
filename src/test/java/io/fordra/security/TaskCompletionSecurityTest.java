package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Finding 5 of issue 13, tried over engine REST as Tasklist's users could: two case handlers, one "Respond to
 * objection" task. A case handler claims and completes only what they hold, answers only what the form asks, and
 * writes no process variable; auditors and process owners read variables and change none.
 */
@FordraTestContext
class TaskCompletionSecurityTest extends ProcessTestSupport {

  private static final String PASSWORD = "Task-Password-1";
  private static final String REPLY = "The delivery was complete and signed for on 2 March; the claim stands.";

  @Autowired IdentityService identity;
  @Autowired DisputeService disputes;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskAuthorizationUpgrade upgrade;

  private final List<String> users = new ArrayList<>();
  private String alice;
  private String bob;

  @BeforeEach
  void twoCaseHandlers() {
    alice = user("case-handlers");
    bob = user("case-handlers");
  }

  @AfterEach
  void deleteUsers() {
    users.forEach(identity::deleteUser);
  }

  @Test
  void caseHandlerCannotWriteProcessVariablesThroughATask() {
    Task task = objectionTask();
    assertThat(call(alice, HttpMethod.POST, "/task/" + task.getId() + "/claim", Map.of("userId", alice)).status())
        .isEqualTo(204);

    assertThat(call(alice, HttpMethod.PUT, "/task/" + task.getId() + "/variables/handedOff",
        Map.of("value", true, "type", "Boolean")).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.POST, "/task/" + task.getId() + "/variables",
        Map.of("modifications", Map.of("handedOff", Map.of("value", true)))).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.PUT, "/task/" + task.getId() + "/localVariables/objectionDecision",
        Map.of("value", "ACCEPT_FULL")).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.DELETE, "/task/" + task.getId() + "/variables/invoiceNumber", null).status())
        .isEqualTo(403);

    assertThat(runtime.getVariable(task.getProcessInstanceId(), "handedOff")).isEqualTo(false);
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "objectionDecision")).isNull();
  }

  @Test
  void caseHandlerCannotTakeReleaseOrCompleteAColleaguesTask() {
    Task task = objectionTask();
    assertThat(call(bob, HttpMethod.POST, "/task/" + task.getId() + "/claim", Map.of("userId", bob)).status())
        .isEqualTo(204);
    String path = "/task/" + task.getId();

    assertThat(call(alice, HttpMethod.POST, path + "/assignee", Map.of("userId", alice)).status()).isEqualTo(403);
    // the engine's TaskAlreadyClaimedException: a conflict to resolve with the holder, not a server error
    assertThat(call(alice, HttpMethod.POST, path + "/claim", Map.of("userId", alice)).status()).isEqualTo(409);
    // claim without a user id is the engine's unclaim, which needs only TASK_WORK
    assertThat(call(alice, HttpMethod.POST, path + "/claim", Map.of()).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.POST, path + "/unclaim", null).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.POST, path + "/delegate", Map.of("userId", alice)).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.POST, path + "/identity-links", Map.of("userId", alice, "type", "assignee"))
        .status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.PUT, path, Map.of("name", "mine now", "assignee", alice)).status())
        .isEqualTo(403);
    assertThat(call(alice, HttpMethod.POST, path + "/complete", answer("REJECT", REPLY)).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.POST, path + "/submit-form", answer("REJECT", REPLY)).status()).isEqualTo(403);

    Task after = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after).as("still open").isNotNull();
    assertThat(after.getAssignee()).isEqualTo(bob);
    assertThat(after.getName()).startsWith("Respond to objection — ");
  }

  @Test
  void claimingForSomeoneElseIsRefused() {
    Task task = objectionTask();
    assertThat(call(alice, HttpMethod.POST, "/task/" + task.getId() + "/claim", Map.of("userId", bob)).status())
        .isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void completionWithAVariableTheFormDoesNotDeclareIsRefusedAndChangesNothing() {
    Task task = claimedBy(alice);
    Map<String, Object> attack = answer("REJECT", REPLY);
    variables(attack).put("handedOff", Map.of("value", true, "type", "Boolean"));

    Reply completed = call(alice, HttpMethod.POST, "/task/" + task.getId() + "/complete", attack);
    assertThat(completed.status()).isEqualTo(400);
    assertThat(completed.body()).contains("handedOff").contains("respond-to-objection");
    Reply submitted = call(alice, HttpMethod.POST, "/task/" + task.getId() + "/submit-form", attack);
    assertThat(submitted.status()).isEqualTo(400);
    assertThat(submitted.body()).contains("handedOff");

    assertUnanswered(task);
  }

  @Test
  void completionWithAValueOutsideTheFormIsRefused() {
    Task task = claimedBy(alice);
    String complete = "/task/" + task.getId() + "/complete";

    Reply notAnOption = call(alice, HttpMethod.POST, complete, answer("WAIVE", REPLY));
    assertThat(notAnOption.status()).isEqualTo(400);
    assertThat(notAnOption.body()).contains("objectionDecision").contains("WAIVE");

    Map<String, Object> negative = answer("ACCEPT_PARTIAL", REPLY);
    variables(negative).put("creditAmount", Map.of("value", -5));
    assertThat(call(alice, HttpMethod.POST, complete, negative)).satisfies(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("creditAmount");
    });

    Map<String, Object> text = answer("ACCEPT_PARTIAL", REPLY);
    variables(text).put("creditAmount", Map.of("value", "lots"));
    assertThat(call(alice, HttpMethod.POST, complete, text).status()).isEqualTo(400);

    Reply tooLong = call(alice, HttpMethod.POST, complete, answer("REJECT", "x".repeat(4001)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("replyText");

    Map<String, Object> hidden = answer("REJECT", REPLY);
    variables(hidden).put("creditAmount", Map.of("value", 100));
    Reply notAsked = call(alice, HttpMethod.POST, complete, hidden);
    assertThat(notAsked.status()).as("creditAmount is hidden unless ACCEPT_PARTIAL").isEqualTo(400);
    assertThat(notAsked.body()).contains("creditAmount");

    assertUnanswered(task);
  }

  @Test
  void completionWithoutARequiredFieldIsRefused() {
    Task task = claimedBy(alice);
    Reply noReply = call(alice, HttpMethod.POST, "/task/" + task.getId() + "/complete",
        Map.of("variables", new HashMap<>(Map.of("objectionDecision", Map.of("value", "REJECT")))));
    assertThat(noReply.status()).isEqualTo(400);
    assertThat(noReply.body()).contains("replyText");

    Reply noAmount = call(alice, HttpMethod.POST, "/task/" + task.getId() + "/submit-form",
        answer("ACCEPT_PARTIAL", REPLY));
    assertThat(noAmount.status()).isEqualTo(400);
    assertThat(noAmount.body()).contains("creditAmount");

    Reply nothing = call(alice, HttpMethod.POST, "/task/" + task.getId() + "/complete", Map.of());
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(nothing.body()).contains("objectionDecision").contains("replyText");

    assertUnanswered(task);
  }

  /** Tasklist sends back every field of the form, the read-only ones with the values it showed. */
  @Test
  void readOnlyFieldsMayComeBackUnchangedButNotChanged() {
    Task task = claimedBy(alice);
    String path = "/task/" + task.getId();
    Reply shown = call(alice, HttpMethod.GET, path + "/form-variables", null);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.body()).contains("disputedAmount").contains("1,250.00 SEK");
    assertThat(call(alice, HttpMethod.GET, path + "/deployed-form", null).status()).isEqualTo(200);

    // Another invoice with an open objection: the answer must not land on it.
    String otherInvoice = invoiceOf(objectionTask());
    Map<String, Object> redirected = answer("REJECT", REPLY);
    variables(redirected).put("invoiceNumber", Map.of("value", otherInvoice));
    Reply changed = call(alice, HttpMethod.POST, path + "/submit-form", redirected);
    assertThat(changed.status()).isEqualTo(400);
    assertThat(changed.body()).contains("invoiceNumber");
    assertUnanswered(task);
    assertThat(disputes.latestFor(invoices.get(otherInvoice)).orElseThrow().status()).isEqualTo("OPEN");

    Map<String, Object> asTasklist = answer("REJECT", REPLY);
    for (String readOnly : List.of("invoiceNumber", "customerName", "totalAmount", "openAmount", "disputedAmount",
        "objectionReason", "raisedBy", "receivedAt", "replyDeadline", "invoiceHistory")) {
      Object value = engine.getTaskService().getVariable(task.getId(), readOnly);
      variables(asTasklist).put(readOnly, valueOrEmpty(value));
    }
    assertThat(call(alice, HttpMethod.POST, path + "/submit-form", asTasklist).status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "objectionDecision")).isEqualTo("REJECT");
    assertThat(disputes.latestFor(invoices.get(invoiceOf(task))).orElseThrow().status()).isEqualTo("REJECTED");
    // A second tab completes it again: the task is gone, a 404 that says so, not a 500 naming engine internals.
    var again = call(alice, HttpMethod.POST, "/task/" + task.getId() + "/complete", answer("REJECT", REPLY));
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body()).contains("may have been completed already").doesNotContain("task is null");
  }

  @Test
  void holderCompletesTheirTaskOverEngineRest() {
    Task task = claimedBy(alice);
    assertThat(call(alice, HttpMethod.POST, "/task/" + task.getId() + "/complete", answer("REJECT", REPLY)).status())
        .isEqualTo(204);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "handedOff")).isEqualTo(false);
    assertThat(disputes.latestFor(invoices.get(invoiceOf(task))).orElseThrow().status()).isEqualTo("REJECTED");
  }

  @Test
  void variablesAreReadByWhoNeedsThemAndWrittenByNoOne() {
    Task task = claimedBy(alice);
    String instance = "/process-instance/" + task.getProcessInstanceId();
    String history = "/history/variable-instance?processInstanceId=" + task.getProcessInstanceId();
    String auditor = user("auditors");
    String owner = user("process-owners");

    assertThat(call(alice, HttpMethod.GET, "/task/" + task.getId() + "/variables", null).body())
        .contains("disputedAmount");
    assertThat(call(alice, HttpMethod.GET, instance + "/variables", null).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.GET, history, null).body()).as("the process's history is not theirs to read")
        .doesNotContain("handedOff");

    for (String reader : List.of(auditor, owner)) {
      assertThat(call(reader, HttpMethod.GET, instance + "/variables", null).body()).contains("invoiceNumber");
      assertThat(call(reader, HttpMethod.GET, history, null).body()).contains("invoiceNumber");
      assertThat(call(reader, HttpMethod.PUT, instance + "/variables/handedOff", Map.of("value", true)).status())
          .isEqualTo(403);
      assertThat(call(reader, HttpMethod.PUT, "/task/" + task.getId() + "/variables/handedOff",
          Map.of("value", true)).status()).isEqualTo(403);
    }
    assertThat(call(auditor, HttpMethod.GET, "/task/" + task.getId() + "/variables", null).body())
        .contains("disputedAmount");
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "handedOff")).isEqualTo(false);
  }

  /** A task from before TASK_WORK: its candidate group got READ and UPDATE. At start-up that becomes TASK_WORK. */
  @Test
  void oldUpdateGrantsOfRunningTasksAreConvertedAtStartUp() {
    Task task = objectionTask();
    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn("case-handlers").singleResult();
    assertThat(grant.getPermissions(TaskPermissions.values())).contains(TaskPermissions.TASK_WORK)
        .doesNotContain(TaskPermissions.UPDATE);
    authorizations.deleteAuthorization(grant.getId());
    Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    old.setGroupId("case-handlers");
    old.setResource(Resources.TASK);
    old.setResourceId(task.getId());
    old.addPermission(TaskPermissions.READ);
    old.addPermission(TaskPermissions.UPDATE);
    authorizations.saveAuthorization(old);
    assertThat(call(alice, HttpMethod.PUT, "/task/" + task.getId() + "/variables/handedOff",
        Map.of("value", true, "type", "Boolean")).status()).as("what the old grant allowed").isEqualTo(204);
    runtime.setVariable(task.getProcessInstanceId(), "handedOff", false);

    assertThat(upgrade.upgrade()).isOne();
    Authorization converted = authorizations.createAuthorizationQuery().authorizationId(old.getId()).singleResult();
    assertThat(converted.getPermissions(TaskPermissions.values())).contains(TaskPermissions.READ,
        TaskPermissions.TASK_WORK, TaskPermissions.READ_VARIABLE).doesNotContain(TaskPermissions.UPDATE);
    assertThat(call(alice, HttpMethod.PUT, "/task/" + task.getId() + "/variables/handedOff",
        Map.of("value", true, "type", "Boolean")).status()).isEqualTo(403);
    assertThat(call(alice, HttpMethod.POST, "/task/" + task.getId() + "/claim", Map.of("userId", alice)).status())
        .isEqualTo(204);
    assertThat(call(alice, HttpMethod.GET, "/task/" + task.getId() + "/form-variables", null).status())
        .isEqualTo(200);
    assertThat(upgrade.upgrade()).as("done once").isZero();
  }

  // --- helpers ---

  /** A sent invoice of a private Swedish customer with an objection to the whole amount: "Respond to objection". */
  private Task objectionTask() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    at(LocalDate.of(2026, 3, 10), LocalTime.of(9, 0));
    disputes.raise(invoice.invoiceNumber(), new ObjectionRequest(null, "The goods arrived damaged",
        RaisedBy.CUSTOMER, null));
    ProcessInstance process = processOf(invoice);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(InvoiceToCash.Elements.RESPOND_TO_OBJECTION).singleResult();
    assertThat(task).isNotNull();
    return task;
  }

  private Task claimedBy(String user) {
    Task task = objectionTask();
    assertThat(call(user, HttpMethod.POST, "/task/" + task.getId() + "/claim", Map.of("userId", user)).status())
        .isEqualTo(204);
    return task;
  }

  /** The refused answers left no trace: the task is open, no decision is stored, the objection is still open. */
  private void assertUnanswered(Task task) {
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "handedOff")).isEqualTo(false);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "objectionDecision")).isNull();
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "creditAmount")).isNull();
    assertThat(engine.getTaskService().getVariable(task.getId(), "invoiceNumber")).isEqualTo(invoiceOf(task));
    assertThat(disputes.latestFor(invoices.get(invoiceOf(task))).orElseThrow().status()).isEqualTo("OPEN");
  }

  private String invoiceOf(Task task) {
    return (String) runtime.getVariable(task.getProcessInstanceId(), InvoiceToCash.INVOICE_NUMBER.name());
  }

  /** A Respond-to-objection answer as engine REST takes it: {"variables": {name: {"value": …}}}. */
  private static Map<String, Object> answer(String decision, String reply) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("objectionDecision", Map.of("value", decision));
    variables.put("replyText", Map.of("value", reply));
    return new HashMap<>(Map.of("variables", variables));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> body) {
    return (Map<String, Object>) body.get("variables");
  }

  /** What Tasklist's form sends for a read-only text field: the value shown, or "" when there is none. */
  private static Map<String, Object> valueOrEmpty(Object value) {
    return Map.of("value", value == null ? "" : value);
  }

  private String user(String group) {
    String id = group + "-" + UUID.randomUUID().toString().substring(0, 6);
    var user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    users.add(id);
    return id;
  }

  private record Reply(int status, String body) {}

  /** A call to this test engine's REST API (its name is unique per test context) with the user's Basic login. */
  private Reply call(String user, HttpMethod method, String path, Object body) {
    var request = RestClient.builder().baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build()
        .method(method).uri("/engine-rest/engine/" + engine.getName() + path);
    if (body != null) {
      request = request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.exchange((req, res) -> new Reply(res.getStatusCode().value(),
        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
  }
}
