package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.paymentplan.PaymentPlanProcess.Elements;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * payment-plan in the application: the process archive deploys it (through the deployment gate) with its form, the
 * domain events start it and reach it in the publisher's transaction, and "Decide payment plan" is answered over
 * engine REST as Tasklist does, through the completion check of its form. The plan's ports (PlanLifecycle,
 * PlanLetters, PaymentPlans) are mocks here; every path of the model is walked in PaymentPlanPathsTest.
 */
@FordraTestContext
class PaymentPlanProcessTest extends ProcessTestSupport {

  private static final String PASSWORD = "Plan-Password-1";
  /** Plan ids far from other tests' (the context is this class's own, but the numbers say what they are). */
  private static final AtomicLong IDS = new AtomicLong(7_000);

  @MockitoBean PlanLifecycle lifecycle;
  @MockitoBean PlanLetters letters;
  @MockitoBean PaymentPlans plans;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired IdentityService identity;
  @Autowired DocumentService documents;

  private final List<String> users = new ArrayList<>();

  @AfterEach
  void deleteUsersAndPlans() {
    users.forEach(identity::deleteUser);
    // The mocks forget each test's plans: its instances and their jobs go with them.
    runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlanProcess.KEY).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
  }

  @Test
  void aStoredRequestStartsThePlanInTheSameTransaction() {
    long planId = plan(PlanKind.INSTALMENTS, "PRIVATE", "REMINDED", 3);

    transactions.executeWithoutResult(status -> {
      events.publishEvent(new PaymentPlanRequested(planId, PaymentPlanView.planNumber(planId)));
      status.setRollbackOnly(); // the request was not stored after all
    });
    assertThat(instances(planId)).as("rolled back with the request").isZero();

    transactions.executeWithoutResult(status ->
        events.publishEvent(new PaymentPlanRequested(planId, PaymentPlanView.planNumber(planId))));
    ProcessInstance plan = instance(planId);
    assertThat(plan).hasPassed(Elements.CHECK_POLICY, Elements.APPROVE).isWaitingAt(Elements.PREPARE_AGREED_LETTER);
    assertThat(plan).variables().containsEntry(PaymentPlanProcess.PLAN_ID.name(), planId)
        .containsEntry(PaymentPlanProcess.KIND.name(), "INSTALMENTS");
    // once in each transaction: the mock is no table, so the rolled-back call counts too
    verify(lifecycle, times(2)).approve(planId, null, PaymentPlanProcess.DECIDED_BY_POLICY,
        "A small plan within policy");
  }

  @Test
  void aPaymentReachesTheInstalmentWaitedForAndNothingWaitingIsFine() {
    long planId = plan(PlanKind.INSTALMENTS, "PRIVATE", "REMINDED", 2);
    // Nothing runs yet for this plan: the payment finds no one, and that is no error.
    events.publishEvent(new PlanPaymentReceived(planId, PaymentPlanView.planNumber(planId)));

    request(planId);
    ProcessInstance plan = instance(planId);
    // The agreed letter's sending is PlanLetters' and invoice-distribution's (their own tests): follow from here.
    runtime.createProcessInstanceModification(plan.getId()).cancelAllForActivity(Elements.PREPARE_AGREED_LETTER)
        .startBeforeActivity(Elements.FOLLOW_INSTALMENTS + "#multiInstanceBody").execute();
    assertThat(plan).isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_GRACE);

    when(lifecycle.instalmentPaid(planId, 1)).thenReturn(true);
    events.publishEvent(new PlanPaymentReceived(planId, PaymentPlanView.planNumber(planId)));
    assertThat(plan).hasPassed(Elements.END_INSTALMENT_PAID).isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_GRACE);

    when(lifecycle.instalmentPaid(planId, 2)).thenReturn(true);
    events.publishEvent(new PlanPaymentReceived(planId, PaymentPlanView.planNumber(planId)));
    assertThat(plan).hasPassed(Elements.COMPLETE, Elements.END_PAID_IN_FULL).isEnded();
    verify(lifecycle).complete(planId);
  }

  @Test
  void aCaseHandlerDecidesInTasklistAndABadAnswerIsRefusedWithItsReason() throws java.io.IOException {
    long planId = plan(PlanKind.INSTALMENTS, "BUSINESS", "REMINDED", 3);
    request(planId);
    ProcessInstance plan = instance(planId);
    assertThat(plan).isWaitingAt(Elements.DECIDE).task().hasCandidateGroup("case-handlers");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).singleResult();
    try (var form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .as("the form deployed with the model").contains("\"id\": \"decide-payment-plan\"");
    }
    assertThat(task.getName()).startsWith("Decide payment plan — PP-" + planId + ", ");
    assertThat(task.getDueDate()).isNotNull();
    String handler = user("case-handlers");

    var noReason = complete(handler, task, Map.of("planDecision", Map.of("value", "REFUSE")));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("refusalReason is required");
    var badTerms = complete(handler, task, Map.of("planDecision", Map.of("value", "APPROVE"),
        "agreedInstalments", Map.of("value", 0), "agreedFirstDueDate", Map.of("value", "2026-02-30")));
    assertThat(badTerms.status()).isEqualTo(400);
    assertThat(badTerms.body()).contains("agreedInstalments must be at least 1")
        .contains("agreedFirstDueDate must be a date");
    assertThat(plan).isWaitingAt(Elements.DECIDE);
    verify(lifecycle, never()).refuse(eq(planId), any(), any());

    var refused = complete(handler, task, Map.of("planDecision", Map.of("value", "REFUSE"),
        "refusalReason", Map.of("value", "Three plans broken before")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(204);
    verify(lifecycle).refuse(planId, handler, "Three plans broken before");
    assertThat(plan).hasPassed(Elements.DECIDE).isWaitingAt(Elements.PREPARE_REFUSAL_LETTER);
  }

  @Test
  void termsThePlansRulesRefuseStayInTasklist() {
    long planId = plan(PlanKind.INSTALMENTS, "BUSINESS", "REMINDED", 3);
    request(planId);
    ProcessInstance plan = instance(planId);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).singleResult();
    when(lifecycle.approve(eq(planId), any(), any(), any())).thenThrow(new io.fordra.kernel.InvalidRequestException(
        "instalments", "13 instalments of 9000.00 SEK would be 692.30 each, above the maximum of 12"));

    var approved = complete(user("case-handlers"), task, Map.of("planDecision", Map.of("value", "APPROVE"),
        "agreedInstalments", Map.of("value", 13)));
    assertThat(approved.status()).isEqualTo(400);
    assertThat(approved.body()).contains("instalments 13 instalments of 9000.00 SEK");
    assertThat(plan).isWaitingAt(Elements.DECIDE);
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of("planDecision", "SOMETHING")))
        .as("the Java API goes through the same check").isInstanceOf(io.fordra.task.FormAnswerRefused.class)
        .hasMessageContaining("planDecision is \"SOMETHING\", not one of APPROVE, REFUSE");
  }

  @Test
  void theAgreedLetterIsSentByInvoiceDistributionWithThePlansFirstInvoice() {
    long planId = plan(PlanKind.INSTALMENTS, "PRIVATE", "REMINDED", 2);
    Invoice first = invoices.get(plans.find(planId).orElseThrow().letterInvoice());
    // A stand-in for PlanLetters' PDF (its own tests): a letter of the first invoice that invoice-distribution sends.
    StoredDocument letter = documents.issue(first, DocumentKind.REMINDER, 91, BigDecimal.ZERO,
        LocalDate.of(2026, 3, 31));
    when(letters.agreed(any())).thenReturn(letter);
    request(planId);
    ProcessInstance plan = instance(planId);

    executeDueJobs();
    assertThat(plan).hasPassed(Elements.PREPARE_AGREED_LETTER, Elements.SEND_AGREED_LETTER)
        .isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_GRACE);
    assertThat(documents.get(letter.id()).sentChannel()).as("sent by the customer's channel").isEqualTo("EMAIL");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(io.fordra.process.InvoiceDistribution.KEY)
        .superProcessInstanceId(plan.getId()).singleResult().getBusinessKey()).isEqualTo(first.invoiceNumber());
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** A plan the mocks answer for, over a real invoice (the decide task reads it), and what the policy is asked. */
  private long plan(PlanKind kind, String customerType, String dunningStep, int instalments) {
    long planId = IDS.incrementAndGet();
    CustomerRequest customer = customer(CustomerType.valueOf(customerType), Country.SE, false, true);
    Invoice invoice = createInvoice(customer, Currency.SEK);
    when(lifecycle.policyRequest(planId)).thenReturn(new PaymentPlanPolicy.Request(kind, customerType, "SE",
        dunningStep, new BigDecimal("9000.00"), instalments, 14, 0));
    List<PaymentPlanView.InstalmentView> parts = new ArrayList<>();
    for (int n = 1; n <= instalments; n++) {
      parts.add(new PaymentPlanView.InstalmentView(n, LocalDate.of(2026, 3, 31).plusMonths(n - 1),
          new BigDecimal("3000.00"), null, BigDecimal.ZERO, "OPEN"));
    }
    PaymentPlanView view = new PaymentPlanView(planId, PaymentPlanView.planNumber(planId),
        customer.customerNumber(), kind, PlanStatus.REQUESTED, "SEK", List.of(invoice.invoiceNumber()),
        new BigDecimal("9000.00"), BigDecimal.ZERO, new BigDecimal("9000.00"), BigDecimal.ZERO, instalments,
        LocalDate.of(2026, 3, 16), null, null, true, PlanRequest.RequestedBy.CUSTOMER, null, null,
        Instant.parse("2026-03-02T08:00:00Z"), parts);
    when(plans.find(planId)).thenReturn(Optional.of(view));
    when(lifecycle.approve(eq(planId), any(), any(), any())).thenReturn(view);
    when(lifecycle.dueDate(eq(planId), anyInt())).thenReturn(LocalDate.of(2026, 3, 31));
    return planId;
  }

  private void request(long planId) {
    transactions.executeWithoutResult(status ->
        events.publishEvent(new PaymentPlanRequested(planId, PaymentPlanView.planNumber(planId))));
  }

  private long instances(long planId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlanProcess.KEY)
        .processInstanceBusinessKey(PaymentPlanView.planNumber(planId)).count();
  }

  private ProcessInstance instance(long planId) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PaymentPlanProcess.KEY)
        .processInstanceBusinessKey(PaymentPlanView.planNumber(planId)).singleResult();
    assertThat(instance).as("payment-plan of plan " + planId).isNotNull();
    return instance;
  }

  private record Reply(int status, String body) {}

  /** Completes the task over engine REST as Tasklist does. */
  private Reply complete(String user, Task task, Map<String, Object> variables) {
    return RestClient.builder().baseUrl("http://localhost:" + port).requestFactory(new JdkClientHttpRequestFactory())
        .defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build()
        .post().uri("/engine-rest/engine/" + engine.getName() + "/task/" + task.getId() + "/complete")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables))
        .exchange((request, response) -> new Reply(response.getStatusCode().value(),
            new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
  }

  private String user(String group) {
    String id = staffUser(group, PASSWORD);
    users.add(id);
    return id;
  }
}
