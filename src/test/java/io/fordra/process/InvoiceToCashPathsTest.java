package io.fordra.process;

import io.fordra.invoice.InvoiceToCash;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fordra.ProcessPaths;
import io.fordra.dispute.ObjectionHold;
import io.fordra.dunning.DunningFacts;
import io.fordra.dunning.DunningSchedule;
import io.fordra.invoice.InvoiceToCash.Elements;
import io.fordra.invoice.InvoiceToCash.Messages;
import io.fordra.paymentplan.PaymentPlanHold;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * invoice-to-cash alone, with the real dunning policy and mocked steps: every path to every end event. Sending
 * (invoice-distribution) is a stub that ends at once; the domain's answers (settled, handed off, credited in full…)
 * are what the mocked steps set.
 */
@Deployment(resources = {InvoiceToCash.RESOURCE, "processes/dunning-policy.dmn"})
public class InvoiceToCashPathsTest extends ProcessPaths {

  private static final String SENDING = "Stub_Sending";
  private static final Date LATER = new Date(4_102_444_800_000L); // 2100-01-01: timers run only when a test says so

  /** Letters (reminders, collection notices) prepared so far: the invoice's dunning level, as DunningFacts reads it. */
  private final AtomicInteger letters = new AtomicInteger();
  private final ObjectionHold hold = mock(ObjectionHold.class);
  private final PaymentPlanHold plan = mock(PaymentPlanHold.class);
  private boolean settled;
  private boolean creditNoteToSend;
  private boolean creditedInFull;
  private boolean creditedInPart;
  private boolean followUpEnded;

  @BeforeEach
  void mockTheSteps() {
    ENGINE.manageDeployment(engine().getRepositoryService().createDeployment()
        .addModelInstance("invoice-distribution-stub.bpmn", Bpmn.createExecutableProcess(InvoiceDistribution.KEY)
            .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
        .deploy());

    DunningSchedule schedule = mock(DunningSchedule.class);
    when(schedule.overdueFrom(any())).thenReturn(LATER);
    when(schedule.nextReminderRun(any())).thenReturn(LATER);
    when(schedule.afterPayBy(any())).thenReturn(LATER);
    when(schedule.postponedUntil(any())).thenReturn(LATER);
    Mocks.register("dunningSchedule", schedule);

    DunningFacts facts = mock(DunningFacts.class);
    doAnswer(call -> {
      InvoiceToCash.DUNNING_LEVEL.setTransient(call.getArgument(0), letters.get());
      return null;
    }).when(facts).gather(any());
    Mocks.register("dunningFacts", facts);

    when(hold.replyDeadline(any())).thenReturn(LATER);
    when(hold.nudgeCycle(any())).thenReturn("R3/P1D");
    Mocks.register("objectionHold", hold);
    Mocks.register("paymentPlanHold", plan);

    JavaDelegate letter = execution -> {
      letters.incrementAndGet();
      InvoiceToCash.REVIEWED.set(execution, false); // as the real steps: a new letter needs a new review
    };
    Mocks.register("prepareReminder", letter);
    Mocks.register("prepareCollectionNotice", letter);
    Mocks.register("checkSettlement", (JavaDelegate) execution -> InvoiceToCash.SETTLED.set(execution, settled));
    Mocks.register("handOffToCollectionAgency",
        (JavaDelegate) execution -> InvoiceToCash.HANDED_OFF.set(execution, true));
    Mocks.register("prepareCreditNote",
        (JavaDelegate) execution -> InvoiceToCash.CREDIT_NOTE_TO_SEND.setLocal(execution, creditNoteToSend));
    Mocks.register("applyObjectionAnswer",
        (JavaDelegate) execution -> {
          InvoiceToCash.CREDITED_IN_FULL.set(execution, creditedInFull);
          InvoiceToCash.CREDITED_IN_PART.set(execution, creditedInPart);
        });
    Mocks.register("closeObjectionNoResponse",
        (JavaDelegate) execution -> InvoiceToCash.FOLLOW_UP_ENDED.set(execution, followUpEnded));
  }

  @Test
  void paidInFullBeforeTheDueDate() {
    ProcessInstance invoice = start("PRIVATE", false);
    assertThat(invoice).hasPassed(Elements.PREPARE_INVOICE, Elements.SEND_INVOICE)
        .isWaitingAt(Elements.WAIT_FOR_DUE_DATE);

    pay(invoice, 1L, false);
    reached(invoice, Elements.END_PARTIAL_PAYMENT);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_DUE_DATE);

    pay(invoice, 2L, true);
    reached(invoice, Elements.END_SETTLED);
    reached(invoice, Elements.END_PAID);
    assertThat(invoice).hasPassed(Elements.CLOSE_AS_PAID).hasNotPassed(Elements.MARK_OVERDUE).isEnded();
  }

  @Test
  void swedishPrivateCustomerIsRemindedTwiceNoticedHandedOffAndTheAgencyClosesTheCase() {
    ProcessInstance invoice = start("PRIVATE", false);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    assertThat(invoice).hasPassed(Elements.MARK_OVERDUE, Elements.DECIDE_NEXT_STEP)
        .isWaitingAt(Elements.WAIT_FOR_REMINDER_RUN);

    run(invoice, Elements.WAIT_FOR_REMINDER_RUN);
    assertThat(invoice).hasPassed(Elements.SEND_REMINDER).isWaitingAt(Elements.WAIT_FOR_REMINDER_DEADLINE);
    run(invoice, Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(invoice).as("SE private: a second reminder").isWaitingAt(Elements.WAIT_FOR_REMINDER_RUN);
    run(invoice, Elements.WAIT_FOR_REMINDER_RUN);
    run(invoice, Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(invoice).hasPassed(Elements.SEND_COLLECTION_NOTICE)
        .isWaitingAt(Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE);
    org.assertj.core.api.Assertions.assertThat(letters).as("reminder, reminder, notice").hasValue(3);

    run(invoice, Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE);
    assertThat(invoice).isWaitingAt(Elements.HAND_OFF);
    run(invoice, Elements.HAND_OFF);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_AGENCY);

    pay(invoice, 1L, false);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_AGENCY, Elements.TELL_AGENCY_OF_PARTIAL_PAYMENT);
    run(invoice, Elements.TELL_AGENCY_OF_PARTIAL_PAYMENT);
    reached(invoice, Elements.END_PARTIAL_PAYMENT_TOLD);

    runtimeService().createMessageCorrelation(Messages.COLLECTION_CASE_CLOSED)
        .processInstanceBusinessKey(invoice.getBusinessKey())
        .setVariable(InvoiceToCash.COLLECTION_OUTCOME.name(), "UNCOLLECTIBLE").correlate();
    reached(invoice, Elements.END_COLLECTION_CLOSED);
    reached(invoice, Elements.END_CLOSED);
    assertThat(invoice).hasPassed(Elements.CLOSE_COLLECTION_CASE).isEnded();
  }

  @Test
  void paidInFullAfterTheHandOffTellsTheAgency() {
    ProcessInstance invoice = handedOff();
    pay(invoice, 1L, true);
    assertThat(invoice).hasPassed(Elements.CLOSE_AS_PAID).isWaitingAt(Elements.TELL_AGENCY_OF_PAYMENT);
    run(invoice, Elements.TELL_AGENCY_OF_PAYMENT);
    reached(invoice, Elements.END_PAID_AFTER_HAND_OFF);
    assertThat(invoice).isEnded();
  }

  @Test
  void priorityCustomerIsReviewedBeforeEachStepAfterTheFirstReminder() {
    ProcessInstance invoice = start("PRIVATE", true);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    run(invoice, Elements.WAIT_FOR_REMINDER_RUN);
    run(invoice, Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(invoice).isWaitingAt(Elements.REVIEW_DUNNING);

    complete(task(invoice), withVariables(InvoiceToCash.REVIEW_DECISION.name(),
        InvoiceToCash.ReviewDecision.POSTPONE.name(), InvoiceToCash.POSTPONE_DAYS.name(), 5L));
    assertThat(invoice).isWaitingAt(Elements.WAIT_POSTPONED);
    run(invoice, Elements.WAIT_POSTPONED);
    assertThat(invoice).isWaitingAt(Elements.REVIEW_DUNNING);

    complete(task(invoice), withVariables(InvoiceToCash.REVIEW_DECISION.name(),
        InvoiceToCash.ReviewDecision.CONTINUE.name(), InvoiceToCash.REVIEWED.name(), true));
    assertThat(invoice).as("reviewed: the policy's next step").isWaitingAt(Elements.WAIT_FOR_REMINDER_RUN);
    run(invoice, Elements.WAIT_FOR_REMINDER_RUN);
    run(invoice, Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(invoice).isWaitingAt(Elements.REVIEW_DUNNING);

    complete(task(invoice), withVariables(InvoiceToCash.REVIEW_DECISION.name(),
        InvoiceToCash.ReviewDecision.HAND_OFF.name()));
    assertThat(invoice).isWaitingAt(Elements.HAND_OFF);
  }

  @Test
  void creditedInFullWithNoCreditNoteToSendEnds() {
    ProcessInstance invoice = start("PRIVATE", false);
    credit(invoice, true, false);
    reached(invoice, Elements.END_CREDITED_IN_FULL);
    reached(invoice, Elements.END_CREDITED);
    assertThat(invoice).hasPassed(Elements.CLOSE_AS_CREDITED).hasNotPassed(Elements.SEND_FINAL_CREDIT_NOTE)
        .isEnded();
  }

  @Test
  void creditedInFullAfterTheHandOffSendsTheCreditNoteAndTellsTheAgency() {
    ProcessInstance invoice = handedOff();
    credit(invoice, true, true);
    assertThat(invoice).hasPassed(Elements.SEND_FINAL_CREDIT_NOTE).isWaitingAt(Elements.TELL_AGENCY_OF_CREDIT);
    run(invoice, Elements.TELL_AGENCY_OF_CREDIT);
    reached(invoice, Elements.END_CREDITED_AGENCY_TOLD);
    assertThat(invoice).isEnded();
  }

  @Test
  void partialCreditSendsACreditNoteAndFollowUpContinues() {
    ProcessInstance invoice = start("PRIVATE", false);
    credit(invoice, false, true);
    reached(invoice, Elements.END_CREDIT_PARTIAL);
    assertThat(invoice).hasPassed(Elements.SEND_CREDIT_NOTE).isWaitingAt(Elements.WAIT_FOR_DUE_DATE);
  }

  @Test
  void aPartialCreditWhileTheInvoiceIsStillBeingSentWaitsUntilTheInvoiceHasLeft() {
    ProcessInstance invoice = startWithSendingThatWaits();
    credit(invoice, false, true);
    assertThat(invoice).isWaitingAt(Elements.SEND_INVOICE, Elements.WAIT_FOR_INVOICE_TO_LEAVE)
        .hasNotPassed(Elements.SEND_CREDIT_NOTE);

    finishSending(invoice); // the invoice leaves
    assertThat(invoice).hasPassed(Elements.SEND_INVOICE, Elements.WAIT_FOR_INVOICE_TO_LEAVE)
        .isWaitingAt(Elements.WAIT_FOR_DUE_DATE, Elements.SEND_CREDIT_NOTE);
    finishSending(invoice); // then its credit note
    reached(invoice, Elements.END_CREDIT_PARTIAL);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_DUE_DATE);
  }

  @Test
  void aCreditNoteAfterTheInvoiceHasLeftGoesAtOnce() {
    ProcessInstance invoice = start("PRIVATE", false);
    credit(invoice, false, true);
    assertThat(invoice).hasPassed(Elements.WAIT_FOR_INVOICE_TO_LEAVE, Elements.SEND_CREDIT_NOTE)
        .isWaitingAt(Elements.WAIT_FOR_DUE_DATE);
  }

  @Test
  void creditedInFullWhileTheInvoiceIsStillBeingSentSendsNeitherTheInvoiceNorTheWaitingCreditNote() {
    ProcessInstance invoice = startWithSendingThatWaits();
    credit(invoice, false, true);
    assertThat(invoice).isWaitingAt(Elements.SEND_INVOICE, Elements.WAIT_FOR_INVOICE_TO_LEAVE);

    credit(invoice, true, false); // the rest: the undo window's undo
    reached(invoice, Elements.END_CREDITED_IN_FULL);
    reached(invoice, Elements.END_CREDITED);
    assertThat(invoice).hasNotPassed(Elements.SEND_CREDIT_NOTE, Elements.SEND_FINAL_CREDIT_NOTE).isEnded();
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(InvoiceDistribution.KEY).count()).as("the invoice's sending ended with it").isZero();
  }

  @Test
  void unansweredObjectionNudgesTheCaseHandlersUntilItIsWithdrawn() {
    ProcessInstance invoice = objection();
    run(invoice, Elements.NUDGE_TIMER);
    run(invoice, Elements.NUDGE);
    reached(invoice, Elements.END_NUDGED);
    assertThat(invoice).isWaitingAt(Elements.RESPOND_TO_OBJECTION);

    runtimeService().correlateMessage(Messages.OBJECTION_WITHDRAWN, invoice.getBusinessKey());
    reached(invoice, Elements.END_OBJECTION_WITHDRAWN);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_DUE_DATE);
  }

  @Test
  void answeredObjectionSendsTheReply() {
    ProcessInstance invoice = objection();
    complete(task(invoice));
    run(invoice, Elements.SEND_OBJECTION_REPLY);
    reached(invoice, Elements.END_OBJECTION_ANSWERED);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_DUE_DATE);
  }

  @Test
  void objectionAnsweredWithACreditInFullClosesTheInvoice() {
    ProcessInstance invoice = objection();
    creditedInFull = true;
    complete(task(invoice));
    run(invoice, Elements.SEND_OBJECTION_REPLY);
    reached(invoice, Elements.END_OBJECTION_CREDITED);
    reached(invoice, Elements.END_CREDITED);
    assertThat(invoice).isEnded();
  }

  @Test
  void objectionAnsweredWithACreditInPartSendsTheCreditNoteBesideTheReply() {
    ProcessInstance invoice = objection();
    creditedInPart = true;
    complete(task(invoice));
    run(invoice, Elements.SEND_OBJECTION_REPLY);
    reached(invoice, Elements.END_OBJECTION_CREDIT_NOTE_SENT);
    assertThat(invoice).hasPassed(Elements.SEND_OBJECTION_CREDIT_NOTE).hasNotPassed(Elements.SEND_CREDIT_NOTE);
    reached(invoice, Elements.END_OBJECTION_ANSWERED);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_DUE_DATE);
  }

  @Test
  void objectionWithoutResponseIsClosedAndTheUndisputedRestFollowedUp() {
    ProcessInstance invoice = objection();
    run(invoice, Elements.REPLY_DEADLINE);
    run(invoice, Elements.CLOSE_OBJECTION_NO_RESPONSE);
    reached(invoice, Elements.END_OBJECTION_CLOSED);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_DUE_DATE);
  }

  @Test
  void objectionWithoutResponseOnEverythingEndsFollowUp() {
    ProcessInstance invoice = objection();
    followUpEnded = true;
    run(invoice, Elements.REPLY_DEADLINE);
    run(invoice, Elements.CLOSE_OBJECTION_NO_RESPONSE);
    reached(invoice, Elements.END_FOLLOW_UP_ENDED);
    reached(invoice, Elements.END_CLOSED_DISPUTED);
    assertThat(invoice).isEnded();
  }

  @Test
  void aRejectedObjectionThatStandsGoesToACaseHandlerInsteadOfTheAgency() {
    ProcessInstance invoice = start("PRIVATE", false);
    when(hold.onlyDisputedLeft(any())).thenReturn(true);
    when(hold.rejectedObjectionStands(any())).thenReturn(true);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    assertThat(invoice).hasNotPassed(Elements.DECIDE_NEXT_STEP).isWaitingAt(Elements.DECIDE_DISPUTED_CLAIM);
    complete(task(invoice));
    reached(invoice, Elements.END_CLAIM_DECIDED);
    reached(invoice, Elements.END_CLOSED);
    assertThat(invoice).hasNotPassed(Elements.HAND_OFF).isEnded();
  }

  @Test
  void objectionHoldingFollowUpWaitsForItsRelease() {
    ProcessInstance invoice = start("PRIVATE", false);
    when(hold.isOnHold(any())).thenReturn(true);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    assertThat(invoice).isWaitingAt(Elements.WAIT_WHILE_ON_HOLD);

    when(hold.isOnHold(any())).thenReturn(false);
    runtimeService().setVariable(invoice.getId(), InvoiceToCash.FOLLOW_UP_ON_HOLD.name(), false);
    assertThat(invoice).hasPassed(Elements.DECIDE_NEXT_STEP).isWaitingAt(Elements.WAIT_FOR_REMINDER_RUN);
  }

  @Test
  void aReminderRunWhileAPaymentPlanRunsSendsNothingAndDunningGoesOnWhenThePlanEnds() {
    ProcessInstance invoice = start("PRIVATE", false);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    run(invoice, Elements.WAIT_FOR_REMINDER_RUN);
    run(invoice, Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_REMINDER_RUN);

    when(plan.isInPlan(any())).thenReturn(true);
    run(invoice, Elements.WAIT_FOR_REMINDER_RUN);
    assertThat(invoice).isWaitingAt(Elements.WAIT_WHILE_IN_PAYMENT_PLAN);
    org.assertj.core.api.Assertions.assertThat(letters).as("only the first reminder").hasValue(1);

    when(plan.isInPlan(any())).thenReturn(false);
    runtimeService().correlateMessage(Messages.PAYMENT_PLAN_ENDED, invoice.getBusinessKey());
    assertThat(invoice).as("SE private: the second reminder, at the next run")
        .isWaitingAt(Elements.WAIT_FOR_REMINDER_RUN);
    run(invoice, Elements.WAIT_FOR_REMINDER_RUN);
    org.assertj.core.api.Assertions.assertThat(letters).hasValue(2);
  }

  @Test
  void aPaymentPlanRunningWhenTheDueDatePassesHoldsDunningUntilItIsPaid() {
    ProcessInstance invoice = start("PRIVATE", false);
    when(plan.isInPlan(any())).thenReturn(true);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    assertThat(invoice).as("not overdue while the plan runs").hasNotPassed(Elements.MARK_OVERDUE)
        .isWaitingAt(Elements.WAIT_DUE_IN_PAYMENT_PLAN);

    pay(invoice, 1L, true);
    assertThat(invoice).hasPassed(Elements.CLOSE_AS_PAID).isEnded();
  }

  @Test
  void aDeferralThatEndsUnpaidMakesTheInvoiceOverdueThenAndDunningStarts() {
    ProcessInstance invoice = start("PRIVATE", false);
    when(plan.isInPlan(any())).thenReturn(true);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    assertThat(invoice).isWaitingAt(Elements.WAIT_DUE_IN_PAYMENT_PLAN);

    when(plan.isInPlan(any())).thenReturn(false);
    runtimeService().correlateMessage(Messages.PAYMENT_PLAN_ENDED, invoice.getBusinessKey());
    assertThat(invoice).hasPassed(Elements.MARK_OVERDUE, Elements.DECIDE_NEXT_STEP)
        .isWaitingAt(Elements.WAIT_FOR_REMINDER_RUN);
  }

  @Test
  void anObjectionHoldsFollowUpBeforeAPaymentPlanDoes() {
    ProcessInstance invoice = start("PRIVATE", false);
    when(hold.isOnHold(any())).thenReturn(true);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    assertThat(invoice).isWaitingAt(Elements.WAIT_WHILE_ON_HOLD);

    when(plan.isInPlan(any())).thenReturn(true);
    when(hold.isOnHold(any())).thenReturn(false);
    runtimeService().setVariable(invoice.getId(), InvoiceToCash.FOLLOW_UP_ON_HOLD.name(), false);
    assertThat(invoice).as("the objection released it, the plan still holds it")
        .isWaitingAt(Elements.WAIT_WHILE_IN_PAYMENT_PLAN);
  }

  @Test
  void bouncedDocumentGoesByTheReserveChannel() {
    ProcessInstance invoice = start("PRIVATE", false);
    runtimeService().correlateMessage(Messages.DISTRIBUTION_BOUNCED, invoice.getBusinessKey());
    reached(invoice, Elements.END_RESENT_BY_RESERVE);
    assertThat(invoice).hasPassed(Elements.SEND_BY_RESERVE).isWaitingAt(Elements.WAIT_FOR_DUE_DATE);
  }

  private ProcessInstance start(String customerType, boolean priority) {
    String invoiceNumber = "T-" + System.nanoTime();
    return runtimeService().startProcessInstanceByKey(InvoiceToCash.KEY, invoiceNumber, Variables.createVariables()
        .putValue(InvoiceToCash.INVOICE_NUMBER.name(), invoiceNumber)
        .putValue(InvoiceToCash.CUSTOMER_TYPE.name(), customerType)
        .putValue(InvoiceToCash.PRIORITY.name(), priority)
        .putValue(InvoiceToCash.COUNTRY.name(), "SE")
        .putValue(InvoiceToCash.REVIEWED.name(), false)
        .putValue(InvoiceToCash.HANDED_OFF.name(), false)
        .putValue(InvoiceToCash.INVOICE_LEFT.name(), false)
        .putValue(InvoiceToCash.FOLLOW_UP_ON_HOLD.name(), false));
  }

  /** An invoice whose sending (invoice-distribution) waits, as inside the undo window, until finishSending. */
  private ProcessInstance startWithSendingThatWaits() {
    ENGINE.manageDeployment(engine().getRepositoryService().createDeployment()
        .addModelInstance("invoice-distribution-waits.bpmn", Bpmn.createExecutableProcess(InvoiceDistribution.KEY)
            .camundaHistoryTimeToLive(1).startEvent().receiveTask(SENDING).endEvent().done())
        .deploy());
    ProcessInstance invoice = start("PRIVATE", false);
    assertThat(invoice).isWaitingAt(Elements.SEND_INVOICE);
    return invoice;
  }

  /** The one sending that runs now (of the invoice, or of a credit note) is over. */
  private void finishSending(ProcessInstance invoice) {
    runtimeService().signal(runtimeService().createExecutionQuery().activityId(SENDING)
        .processInstanceBusinessKey(invoice.getBusinessKey()).singleResult().getId());
  }

  /** A Swedish business customer: one reminder, the collection notice, then the agency. */
  private ProcessInstance handedOff() {
    ProcessInstance invoice = start("BUSINESS", false);
    run(invoice, Elements.WAIT_FOR_DUE_DATE);
    run(invoice, Elements.WAIT_FOR_REMINDER_RUN);
    run(invoice, Elements.WAIT_FOR_REMINDER_DEADLINE);
    run(invoice, Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE);
    run(invoice, Elements.HAND_OFF);
    assertThat(invoice).isWaitingAt(Elements.WAIT_FOR_AGENCY);
    return invoice;
  }

  private ProcessInstance objection() {
    ProcessInstance invoice = start("PRIVATE", false);
    runtimeService().correlateMessage(Messages.OBJECTION_RAISED, invoice.getBusinessKey());
    assertThat(invoice).hasNotPassed(Elements.TELL_AGENCY_OF_OBJECTION)
        .isWaitingAt(Elements.WAIT_FOR_DUE_DATE, Elements.RESPOND_TO_OBJECTION);
    return invoice;
  }

  private void pay(ProcessInstance invoice, long paymentId, boolean settles) {
    settled = settles;
    runtimeService().createMessageCorrelation(Messages.PAYMENT_RECEIVED)
        .processInstanceBusinessKey(invoice.getBusinessKey())
        .setVariablesLocal(Map.of(InvoiceToCash.PAYMENT_ID.name(), paymentId)).correlateAll();
  }

  private void credit(ProcessInstance invoice, boolean inFull, boolean sendCreditNote) {
    settled = inFull;
    creditNoteToSend = sendCreditNote;
    runtimeService().correlateMessage(Messages.INVOICE_CREDITED, invoice.getBusinessKey());
  }

}
