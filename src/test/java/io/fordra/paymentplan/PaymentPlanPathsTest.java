package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.ProcessPaths;
import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.paymentplan.PaymentPlanProcess.DecideForm;
import io.fordra.paymentplan.PaymentPlanProcess.Elements;
import io.fordra.process.FordraClock;
import io.fordra.process.InvoiceDistribution;
import io.fordra.process.UserTasks;
import io.fordra.task.FormAnswerRefused;
import io.fordra.task.TaskHeadings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * payment-plan alone, with the real policy table, the real steps and listeners, and the plan's ports (PlanLifecycle,
 * PlanLetters, PaymentPlans) mocked: every path to every end event. Sending (invoice-distribution) is a stub that ends
 * at once; timers are run by the test, their due dates checked against fordra.payment-plan.grace-period (P7D).
 */
@Deployment(resources = {PaymentPlanProcess.RESOURCE, "processes/payment-plan-policy.dmn",
    "forms/decide-payment-plan.form"})
public class PaymentPlanPathsTest extends ProcessPaths {

  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final long PLAN_ID = 42L;
  private static final String PLAN_NUMBER = "PP-42";
  private static final String INVOICE = "F-2026-0001";
  private static final String CUSTOMER = "C-1";

  private final PlanLifecycle lifecycle = mock(PlanLifecycle.class);
  private final PlanLetters letters = mock(PlanLetters.class);
  private final PaymentPlans plans = mock(PaymentPlans.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final TaskHeadings headings = mock(TaskHeadings.class);
  private final UserTasks userTasks = mock(UserTasks.class);
  private final FordraClock clock = new FordraClock(ZONE);
  /** Which instalments are paid now, as PlanLifecycle.instalmentPaid answers. */
  private final List<Integer> paid = new ArrayList<>();

  @BeforeEach
  void realStepsOnMockedPorts() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(9, 0).atZone(ZONE).toInstant()));
    ENGINE.manageDeployment(engine().getRepositoryService().createDeployment()
        .addModelInstance("invoice-distribution-stub.bpmn", Bpmn.createExecutableProcess(InvoiceDistribution.KEY)
            .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
        .deploy());

    PaymentPlanProperties properties = new PaymentPlanProperties(null, null, null, null, null, null);
    Mocks.register("planPolicyFacts", new PlanPolicyFacts(lifecycle));
    Mocks.register("planSchedule", new PlanSchedule(lifecycle, properties, clock));
    Mocks.register("approvePlan", new ApprovePlan(lifecycle));
    Mocks.register("refusePlan", new RefusePlan(lifecycle));
    Mocks.register("checkInstalment", new CheckInstalment(lifecycle));
    Mocks.register("markInstalmentLate", new MarkInstalmentLate(lifecycle));
    Mocks.register("completePlan", new CompletePlan(lifecycle));
    Mocks.register("breakPlan", new BreakPlan(lifecycle));
    Mocks.register("prepareAgreedLetter", new PrepareAgreedLetter(plans, letters));
    Mocks.register("prepareRefusalLetter", new PrepareRefusalLetter(plans, letters));
    Mocks.register("prepareInstalmentReminder", new PrepareInstalmentReminder(plans, letters));
    Mocks.register("prepareBrokenLetter", new PrepareBrokenLetter(plans, letters));
    Mocks.register("decidePaymentPlanContext",
        new DecidePaymentPlanContext(plans, invoices, customers, headings, new DecidePaymentPlanForm()));
    Mocks.register("recordPaymentPlanDecision", new RecordPaymentPlanDecision(lifecycle, userTasks, clock));

    when(lifecycle.instalmentPaid(eq(PLAN_ID), anyInt())).thenAnswer(call -> paid.contains(call.<Integer>getArgument(1)));
    when(lifecycle.dueDate(eq(PLAN_ID), anyInt()))
        .thenAnswer(call -> LocalDate.of(2026, 3, 31).plusMonths(call.<Integer>getArgument(1) - 1));
    when(letters.agreed(any())).thenReturn(letter(101));
    when(letters.refused(any())).thenReturn(letter(102));
    when(letters.instalmentReminder(any(), anyInt())).thenReturn(letter(103));
    when(letters.broken(any())).thenReturn(letter(104));
  }

  // ------------------------------------------------------------------------------------------ decided

  @Test
  void approvedAutomaticallyAndPaidInFull() {
    asks(PlanKind.INSTALMENTS, "PRIVATE", "REMINDED", "9000.00", 3, 14, 0);
    plan(PlanKind.INSTALMENTS, 3);
    ProcessInstance plan = start(PlanKind.INSTALMENTS);

    verify(lifecycle).approve(PLAN_ID, null, "payment-plan-policy", "A small plan within policy");
    verify(lifecycle, never()).refuse(anyLong(), any(), any());
    BpmnAwareTests.assertThat(plan).hasPassed(Elements.CHECK_POLICY, Elements.APPROVE)
        .isWaitingAt(Elements.PREPARE_AGREED_LETTER);
    run(plan, Elements.PREPARE_AGREED_LETTER);
    verify(letters).agreed(any());
    assertSent(101L);

    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_GRACE);
    assertThat(graceTimer(plan)).as("the end of the day 7 days after 2026-03-31")
        .isEqualTo(startOf(LocalDate.of(2026, 4, 8)));

    pay(1, 2); // the first and, early, the second
    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_GRACE);
    assertThat(instalmentNumber(plan)).as("the second was paid early: only the third is waited for").isEqualTo(3);
    assertThat(graceTimer(plan)).as("2026-05-31 + 7 days").isEqualTo(startOf(LocalDate.of(2026, 6, 8)));

    message(); // a payment that does not yet pay the third
    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_GRACE);
    pay(3);
    reached(plan, Elements.END_INSTALMENT_PAID);
    reached(plan, Elements.END_PAID_IN_FULL);
    BpmnAwareTests.assertThat(plan).hasPassed(Elements.COMPLETE).isEnded();
    verify(lifecycle).complete(PLAN_ID);
    verify(lifecycle, never()).markLate(anyLong(), anyInt());
    verify(lifecycle, never()).breakPlan(anyLong());
  }

  @Test
  void policyRefusesAndTheDebtorIsToldWhy() {
    asks(PlanKind.INSTALMENTS, "PRIVATE", "IN_COLLECTION", "9000.00", 3, 14, 0);
    plan(PlanKind.INSTALMENTS, 0);
    ProcessInstance plan = start(PlanKind.INSTALMENTS);

    verify(lifecycle).refuse(PLAN_ID, "payment-plan-policy",
        "The claim is with the collection agency: the agency decides");
    BpmnAwareTests.assertThat(plan).hasPassed(Elements.REFUSE).isWaitingAt(Elements.PREPARE_REFUSAL_LETTER);
    run(plan, Elements.PREPARE_REFUSAL_LETTER);
    verify(letters).refused(any());
    assertSent(102L);
    reached(plan, Elements.END_REFUSED);
    verify(lifecycle, never()).approve(anyLong(), any(), any(), any());
  }

  @Test
  void decidedByHandApprovedWithChangedTerms() {
    asks(PlanKind.INSTALMENTS, "BUSINESS", "REMINDED", "9000.00", 3, 14, 0);
    plan(PlanKind.INSTALMENTS, 4);
    ProcessInstance plan = start(PlanKind.INSTALMENTS);
    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.DECIDE).task().hasCandidateGroup("case-handlers");
    Task decide = task(plan);

    Map<String, Object> shown = taskService().getVariablesLocal(decide.getId());
    assertThat(shown).containsEntry(PaymentPlanProcess.PLAN_NUMBER.name(), PLAN_NUMBER)
        .containsEntry(PaymentPlanProcess.KIND.name(), "INSTALMENTS")
        .containsEntry(DecideForm.POLICY_REASON.name(),
            "Outside what is approved automatically: a case handler decides")
        .containsEntry(DecideForm.CUSTOMER.name(), "Svensson AB (C-1, BUSINESS, SE)")
        .doesNotContainKeys(DecideForm.INSTALMENTS.name(), DecideForm.FIRST_DUE_DATE.name());
    assertThat((String) shown.get(DecideForm.INVOICES.name()))
        .isEqualTo("F-2026-0001  REMINDED  due 2026-02-01  total 9,000.00 SEK  open 9,000.00 SEK");
    assertThat((String) shown.get(DecideForm.PAYMENT_HISTORY.name()))
        .contains("F-2025-0100  PAYMENT_RECEIVED  Payment 500.00 SEK").doesNotContain("REMINDER_SENT");
    assertThat((String) shown.get(DecideForm.PROPOSAL.name()))
        .startsWith("Pay 9000.00 SEK in 3 instalments, the first due 2026-03-16.")
        .contains("Note: Lost my job");
    verify(headings).name(any(), eq(PLAN_NUMBER), eq("Svensson AB"), any());

    taskService().setAssignee(decide.getId(), "anna");
    taskService().complete(decide.getId(), Variables.createVariables()
        .putValue(DecideForm.DECISION.name(), "APPROVE")
        .putValue(DecideForm.INSTALMENTS.name(), 4L) // Tasklist submits numbers untyped: a Long here
        .putValue(DecideForm.FIRST_DUE_DATE.name(), "2026-04-15")
        .putValue(DecideForm.APPROVAL_NOTE.name(), "Agreed on the phone"));

    verify(lifecycle).approve(PLAN_ID, new PlanLifecycle.Terms(4, LocalDate.of(2026, 4, 15), null), "anna",
        "Agreed on the phone");
    verify(userTasks).comment(eq(decide.getId()), eq(plan.getId()),
        eq("APPROVE 4 instalments, the first due 2026-04-15: Agreed on the phone"));
    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.PREPARE_AGREED_LETTER);
    run(plan, Elements.PREPARE_AGREED_LETTER);
    assertThat(instalmentCount(plan)).as("the 4 instalments approve gave").isEqualTo(4);
    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_GRACE);
    assertThat(instalmentNumber(plan)).isEqualTo(1);
  }

  @Test
  void decidedByHandBadAnswersStayInTasklistAndNothingIsStored() {
    asks(PlanKind.INSTALMENTS, "BUSINESS", "REMINDED", "9000.00", 3, 14, 0);
    plan(PlanKind.INSTALMENTS, 3);
    ProcessInstance plan = start(PlanKind.INSTALMENTS);
    Task decide = task(plan);

    assertThatThrownBy(() -> complete(decide, "APPROVE", 2.5, "2026-03-01", null))
        .hasRootCauseInstanceOf(FormAnswerRefused.class) // Spring's EngineTaskRules: REST 400, Tasklist shows it
        .hasMessageContaining("agreedInstalments must be a whole number of 1 or more, but was 2.5")
        .hasMessageContaining("agreedFirstDueDate must be today (2026-03-02) or later, but was 2026-03-01");
    assertThatThrownBy(() -> complete(decide, "APPROVE", 3L, "15.4.2026", null))
        .hasRootCauseInstanceOf(FormAnswerRefused.class) // Spring's EngineTaskRules: REST 400, Tasklist shows it
        .hasMessageContaining("agreedFirstDueDate must be a date (YYYY-MM-DD), but was 15.4.2026");
    when(lifecycle.approve(eq(PLAN_ID), any(), any(), any())).thenThrow(new InvalidRequestException("instalments",
        "must be at most 12, but was 24"));
    assertThatThrownBy(() -> complete(decide, "APPROVE", 24L, "2026-04-15", null))
        .hasRootCauseInstanceOf(FormAnswerRefused.class) // Spring's EngineTaskRules: REST 400, Tasklist shows it
        .hasRootCauseMessage("The answer does not fit form decide-payment-plan: instalments must be at most 12, but was 24");
    assertThatThrownBy(() -> complete(decide, "REFUSE", null, null, "  "))
        .hasRootCauseInstanceOf(FormAnswerRefused.class) // Spring's EngineTaskRules: REST 400, Tasklist shows it
        .hasMessageContaining("refusalReason is required to refuse: the debtor is told why");

    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.DECIDE);
    assertThat(runtimeService().getVariable(plan.getId(), DecideForm.DECISION.name()))
        .as("nothing of a refused answer is kept").isNull();
    verify(lifecycle, never()).refuse(anyLong(), any(), any());
    verify(userTasks, never()).comment(any(), any(), any());
  }

  @Test
  void decidedByHandRefusedWithAReason() {
    asks(PlanKind.DEFERRAL, "PRIVATE", "REMINDED", "900.00", 0, 0, 30);
    plan(PlanKind.DEFERRAL, 0);
    ProcessInstance plan = start(PlanKind.DEFERRAL);
    Task decide = task(plan);
    assertThat((String) taskService().getVariableLocal(decide.getId(), DecideForm.PROPOSAL.name()))
        .startsWith("Pay 900.00 SEK later, by 2026-04-01.");

    taskService().setAssignee(decide.getId(), "anna");
    complete(decide, "REFUSE", null, null, " Three deferrals this year already ");

    verify(lifecycle).refuse(PLAN_ID, "anna", "Three deferrals this year already");
    verify(lifecycle, never()).approve(anyLong(), any(), any(), any());
    run(plan, Elements.PREPARE_REFUSAL_LETTER);
    verify(letters).refused(any());
    reached(plan, Elements.END_REFUSED);
  }

  // ------------------------------------------------------------------------------------------ followed

  @Test
  void oneInstalmentLateIsRemindedThenPaidAndThePlanGoesOn() {
    ProcessInstance plan = running(PlanKind.INSTALMENTS, 2);
    ClockUtil.setCurrentTime(Date.from(startOf(LocalDate.of(2026, 4, 8)).toInstant().minusSeconds(60)));
    assertThat(jobQuery().processInstanceId(plan.getId()).executable().count())
        .as("on 2026-04-07, the last day of grace after the due date 2026-03-31, nothing is due").isZero();
    ClockUtil.setCurrentTime(startOf(LocalDate.of(2026, 4, 8)));
    BpmnAwareTests.execute(jobQuery().processInstanceId(plan.getId()).executable().singleResult());
    verify(lifecycle).markLate(PLAN_ID, 1);
    BpmnAwareTests.assertThat(plan).hasPassed(Elements.CHECK_AFTER_GRACE, Elements.MARK_LATE)
        .isWaitingAt(Elements.PREPARE_REMINDER);
    run(plan, Elements.PREPARE_REMINDER);
    verify(letters).instalmentReminder(any(), eq(1));
    assertSent(103L);
    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_DEADLINE);
    assertThat(timer(plan, Elements.REMINDER_DEADLINE)).as("another 7 days from the reminder's day, 2026-04-08")
        .isEqualTo(startOf(LocalDate.of(2026, 4, 16)));

    ClockUtil.setCurrentTime(startOf(LocalDate.of(2026, 4, 12)));
    message(); // part of it: still unpaid, still waiting, for the same deadline
    BpmnAwareTests.assertThat(plan).hasPassed(Elements.CHECK_AFTER_REMINDER)
        .isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_DEADLINE);
    assertThat(timer(plan, Elements.REMINDER_DEADLINE)).isEqualTo(startOf(LocalDate.of(2026, 4, 16)));
    pay(1);
    reached(plan, Elements.END_PAID_AFTER_REMINDER);
    assertThat(instalmentNumber(plan)).isEqualTo(2);

    // the second is paid on its last day of grace, but no one waited for the message: the timer finds it paid
    paid.add(2);
    run(plan, Elements.GRACE_PERIOD_OVER);
    reached(plan, Elements.END_PAID_IN_GRACE);
    reached(plan, Elements.END_PAID_IN_FULL);
    verify(lifecycle).markLate(PLAN_ID, 1);
    verify(lifecycle, never()).markLate(PLAN_ID, 2);
    verify(lifecycle).complete(PLAN_ID);
  }

  @Test
  void paidWhileTheReminderWentOutIsFoundAtTheDeadline() {
    ProcessInstance plan = running(PlanKind.INSTALMENTS, 1);
    run(plan, Elements.GRACE_PERIOD_OVER);
    run(plan, Elements.PREPARE_REMINDER);
    paid.add(1);
    run(plan, Elements.REMINDER_DEADLINE);
    reached(plan, Elements.END_PAID_AT_DEADLINE);
    reached(plan, Elements.END_PAID_IN_FULL);
    verify(lifecycle, never()).breakPlan(anyLong());
  }

  @Test
  void stillUnpaidAfterTheReminderBreaksThePlan() {
    ProcessInstance plan = running(PlanKind.INSTALMENTS, 3);
    pay(1);
    reached(plan, Elements.END_INSTALMENT_PAID);
    run(plan, Elements.GRACE_PERIOD_OVER);
    verify(lifecycle).markLate(PLAN_ID, 2);
    run(plan, Elements.PREPARE_REMINDER);
    run(plan, Elements.REMINDER_DEADLINE);

    reached(plan, Elements.END_INSTALMENT_UNPAID);
    BpmnAwareTests.assertThat(plan).hasPassed(Elements.PLAN_BROKEN, Elements.BREAK)
        .isWaitingAt(Elements.PREPARE_BROKEN_LETTER);
    verify(lifecycle).breakPlan(PLAN_ID);
    run(plan, Elements.PREPARE_BROKEN_LETTER);
    verify(letters).broken(any());
    assertSent(104L);
    reached(plan, Elements.END_BROKEN);
    verify(lifecycle, never()).complete(anyLong());
    verify(lifecycle, never()).markLate(PLAN_ID, 3);
  }

  @Test
  void deferralPaidByItsNewDate() {
    when(lifecycle.dueDate(PLAN_ID, 1)).thenReturn(LocalDate.of(2026, 4, 1)); // the new date
    ProcessInstance plan = running(PlanKind.DEFERRAL, 0);
    assertThat(instalmentCount(plan)).as("a deferral is one payment").isEqualTo(1);
    assertThat(graceTimer(plan)).as("the end of the day 7 days after the new date")
        .isEqualTo(startOf(LocalDate.of(2026, 4, 9)));
    pay(1);
    reached(plan, Elements.END_INSTALMENT_PAID);
    reached(plan, Elements.END_PAID_IN_FULL);
    verify(lifecycle).complete(PLAN_ID);
  }

  @Test
  void deferralUnpaidAfterItsGracePeriodIsBrokenWithoutAReminder() {
    ProcessInstance plan = running(PlanKind.DEFERRAL, 0);
    run(plan, Elements.GRACE_PERIOD_OVER);
    reached(plan, Elements.END_DEFERRAL_UNPAID);
    verify(lifecycle).breakPlan(PLAN_ID);
    verify(lifecycle, never()).markLate(anyLong(), anyInt());
    verify(letters, never()).instalmentReminder(any(), anyInt());
    run(plan, Elements.PREPARE_BROKEN_LETTER);
    verify(letters).broken(any());
    reached(plan, Elements.END_BROKEN);
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** An approved plan (by the table) with its agreed letter sent, waiting for instalment 1. */
  private ProcessInstance running(PlanKind kind, int instalments) {
    if (kind == PlanKind.DEFERRAL) {
      asks(kind, "PRIVATE", "REMINDED", "900.00", 0, 0, 7);
    } else {
      asks(kind, "PRIVATE", "REMINDED", "9000.00", instalments, 14, 0);
    }
    plan(kind, instalments);
    ProcessInstance plan = start(kind);
    run(plan, Elements.PREPARE_AGREED_LETTER);
    BpmnAwareTests.assertThat(plan).isWaitingAt(Elements.WAIT_FOR_PAYMENT_OR_GRACE);
    return plan;
  }

  private ProcessInstance start(PlanKind kind) {
    return runtimeService().createProcessInstanceByKey(PaymentPlanProcess.KEY).businessKey(PLAN_NUMBER)
        .setVariable(PaymentPlanProcess.PLAN_ID.name(), PLAN_ID)
        .setVariable(PaymentPlanProcess.PLAN_NUMBER.name(), PLAN_NUMBER)
        .setVariable(PaymentPlanProcess.KIND.name(), kind.name())
        .execute();
  }

  private void asks(PlanKind kind, String customerType, String step, String open, int instalments,
                    int firstDueInDays, int deferralDays) {
    when(lifecycle.policyRequest(PLAN_ID)).thenReturn(new PaymentPlanPolicy.Request(kind, customerType, "SE", step,
        new BigDecimal(open), instalments, firstDueInDays, deferralDays));
  }

  /** The plan as PaymentPlans and PlanLifecycle answer (approve returns it with its instalments). */
  private void plan(PlanKind kind, int instalments) {
    boolean deferral = kind == PlanKind.DEFERRAL;
    BigDecimal open = new BigDecimal(deferral ? "900.00" : "9000.00");
    List<PaymentPlanView.InstalmentView> parts = IntStream.rangeClosed(1, instalments)
        .mapToObj(n -> new PaymentPlanView.InstalmentView(n, LocalDate.of(2026, 3, 31).plusMonths(n - 1),
            new BigDecimal("3000.00"), "90000000" + n, BigDecimal.ZERO, "OPEN")).toList();
    PaymentPlanView view = new PaymentPlanView(PLAN_ID, PLAN_NUMBER, CUSTOMER, kind, PlanStatus.REQUESTED, "SEK",
        List.of(INVOICE), open, BigDecimal.ZERO, open, BigDecimal.ZERO, deferral ? null : 3,
        deferral ? null : LocalDate.of(2026, 3, 16), deferral ? LocalDate.of(2026, 4, 1) : null, "Lost my job",
        true, PlanRequest.RequestedBy.CUSTOMER, null, null, Instant.parse("2026-03-02T08:00:00Z"), parts);
    when(plans.find(PLAN_ID)).thenReturn(Optional.of(view));
    when(lifecycle.approve(eq(PLAN_ID), any(), any(), any())).thenReturn(view);
    when(customers.get(CUSTOMER)).thenReturn(mock(Customer.class, call -> switch (call.getMethod().getName()) {
      case "name" -> "Svensson AB";
      case "customerNumber" -> CUSTOMER;
      case "type" -> CustomerType.BUSINESS;
      case "country" -> Country.SE;
      default -> null;
    }));
    Invoice invoice = invoice(INVOICE, InvoiceStatus.REMINDED, "9000.00", "0.00");
    Invoice older = invoice("F-2025-0100", InvoiceStatus.PAID, "500.00", "500.00");
    when(invoices.get(INVOICE)).thenReturn(invoice);
    when(invoices.forCustomer(eq(CUSTOMER), any(), any(), any(), eq(true), anyInt()))
        .thenReturn(List.of(invoice, older));
    when(invoices.events(invoice)).thenReturn(List.of(new InvoiceEvent(Instant.parse("2026-02-15T10:00:00Z"),
        InvoiceEventType.REMINDER_SENT, null, null, "Reminder 1")));
    when(invoices.events(older)).thenReturn(List.of(new InvoiceEvent(Instant.parse("2025-11-20T10:00:00Z"),
        InvoiceEventType.PAYMENT_RECEIVED, null, null, "Payment 500.00 SEK")));
  }

  private static Invoice invoice(String number, InvoiceStatus status, String total, String paidAmount) {
    BigDecimal zero = BigDecimal.ZERO;
    return new Invoice(1L, number, CUSTOMER, status, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 1),
        Currency.SEK, new BigDecimal(total), zero, new BigDecimal(total), new BigDecimal(paidAmount), zero, zero,
        zero, zero, zero, zero, "123", 1, 1, 0, null, Instant.parse("2026-01-02T08:00:00Z"));
  }

  private void complete(Task task, String decision, Object instalments, String firstDueDate, String reason) {
    Map<String, Object> answer = new java.util.HashMap<>();
    answer.put(DecideForm.DECISION.name(), decision);
    if (instalments != null) {
      answer.put(DecideForm.INSTALMENTS.name(), instalments);
    }
    if (firstDueDate != null) {
      answer.put(DecideForm.FIRST_DUE_DATE.name(), firstDueDate);
    }
    if (reason != null) {
      answer.put(DecideForm.REFUSAL_REASON.name(), reason);
    }
    taskService().complete(task.getId(), answer);
  }

  /** Instalments paid now, and the message a booked payment sends. */
  private void pay(Integer... numbers) {
    paid.addAll(List.of(numbers));
    message();
  }

  private void message() {
    runtimeService().createMessageCorrelation(PaymentPlanProcess.Messages.PAYMENT_RECEIVED)
        .processInstanceBusinessKey(PLAN_NUMBER).correlateAllWithResult();
  }

  private static StoredDocument letter(long id) {
    return new StoredDocument(id, 1L, DocumentKind.REMINDER, 1, "plan.pdf", "application/pdf", new byte[0], null,
        null, null, null, Instant.parse("2026-03-02T08:00:00Z"), null, null, null, 0, null);
  }

  /** invoice-distribution was called for the letter, with the plan's first invoice as business key. */
  private static void assertSent(long documentId) {
    List<HistoricProcessInstance> sendings = historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(InvoiceDistribution.KEY).variableValueEquals(InvoiceDistribution.DOCUMENT_ID.name(),
            documentId).list();
    assertThat(sendings).singleElement().satisfies(s -> assertThat(s.getBusinessKey()).isEqualTo(INVOICE));
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(sendings.get(0).getId())
        .variableName(InvoiceDistribution.INVOICE_NUMBER.name()).singleResult().getValue()).isEqualTo(INVOICE);
  }

  private static Date graceTimer(ProcessInstance plan) {
    return timer(plan, Elements.GRACE_PERIOD_OVER);
  }

  private static Date timer(ProcessInstance plan, String activityId) {
    return jobQuery().processInstanceId(plan.getId()).activityId(activityId).singleResult().getDuedate();
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.MIDNIGHT).atZone(ZONE).toInstant());
  }

  private static int instalmentNumber(ProcessInstance plan) {
    return (Integer) runtimeService().createVariableInstanceQuery().processInstanceIdIn(plan.getId())
        .variableName(PaymentPlanProcess.INSTALMENT_NUMBER.name()).singleResult().getValue();
  }

  private static int instalmentCount(ProcessInstance plan) {
    return (Integer) runtimeService().getVariable(plan.getId(), PaymentPlanProcess.INSTALMENT_COUNT.name());
  }
}
