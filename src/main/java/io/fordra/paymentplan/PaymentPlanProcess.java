package io.fordra.paymentplan;

import io.fordra.process.ProcessVariable;
import java.util.Map;

/**
 * The payment-plan process (processes/payment-plan.bpmn): one instance per plan or deferral (business key = plan
 * number, "PP-" + id). Decides the request (policy table or a case handler), sends the agreed letter, follows each
 * instalment (one reminder after the grace period, then broken), and ends paid in full, broken or refused.
 */
public final class PaymentPlanProcess {

  public static final String KEY = "payment-plan";
  public static final String RESOURCE = "processes/payment-plan.bpmn";
  /** The decision the process asks first (processes/payment-plan-policy.dmn). */
  public static final String POLICY = PaymentPlanPolicy.DECISION;
  /** decidedBy when the table approved or refused, not a case handler. */
  public static final String DECIDED_BY_POLICY = PaymentPlanPolicy.DECISION;

  /** Messages, correlated by business key = plan number. */
  public static final class Messages {
    /** A payment was booked to an invoice the plan covers: the instalment waited for is checked. */
    public static final String PAYMENT_RECEIVED = "PlanPaymentReceived";

    private Messages() {}
  }

  /** Element ids that code and tests refer to. */
  public static final class Elements {
    public static final String START = "Start_PlanRequested";
    public static final String CHECK_POLICY = "Rule_CheckPolicy";
    public static final String APPROVE = "Task_ApprovePlan";
    public static final String REFUSE = "Task_RefusePlan";
    public static final String DECIDE = "Task_DecidePaymentPlan";
    public static final String PREPARE_AGREED_LETTER = "Task_PrepareAgreedLetter";
    public static final String SEND_AGREED_LETTER = "Call_SendAgreedLetter";
    public static final String FOLLOW_INSTALMENTS = "SubProcess_Instalments";
    public static final String CHECK_INSTALMENT = "Task_CheckInstalment";
    public static final String WAIT_FOR_PAYMENT = "Catch_PaymentReceived";
    public static final String GRACE_PERIOD_OVER = "Timer_GracePeriodOver";
    public static final String CHECK_AFTER_GRACE = "Task_CheckAfterGrace";
    public static final String MARK_LATE = "Task_MarkInstalmentLate";
    public static final String PREPARE_REMINDER = "Task_PrepareInstalmentReminder";
    public static final String SEND_REMINDER = "Call_SendInstalmentReminder";
    public static final String WAIT_FOR_PAYMENT_AFTER_REMINDER = "Catch_PaymentAfterReminder";
    public static final String CHECK_AFTER_REMINDER = "Task_CheckAfterReminder";
    public static final String REMINDER_DEADLINE = "Timer_ReminderDeadline";
    public static final String CHECK_AT_DEADLINE = "Task_CheckAtDeadline";
    public static final String PLAN_BROKEN = "Boundary_PlanBroken";
    public static final String WAIT_FOR_PAYMENT_OR_GRACE = "EventGateway_AwaitPayment";
    public static final String WAIT_FOR_PAYMENT_OR_DEADLINE = "EventGateway_AwaitReminderPayment";
    public static final String COMPLETE = "Task_CompletePlan";
    public static final String BREAK = "Task_BreakPlan";
    public static final String PREPARE_BROKEN_LETTER = "Task_PrepareBrokenLetter";
    public static final String SEND_BROKEN_LETTER = "Call_SendBrokenLetter";
    public static final String PREPARE_REFUSAL_LETTER = "Task_PrepareRefusalLetter";
    public static final String SEND_REFUSAL_LETTER = "Call_SendRefusalLetter";

    // End events: every one is walked to in PaymentPlanPathsTest (EndEventsTest checks that none is missing).
    public static final String END_PAID_IN_FULL = "End_PaidInFull";
    public static final String END_BROKEN = "End_Broken";
    public static final String END_REFUSED = "End_Refused";
    /** The instalment (or the deferral) is paid: found at its start or after a payment; the next one follows. */
    public static final String END_INSTALMENT_PAID = "End_InstalmentPaid";
    /** Paid once its grace period was over, before the reminder. */
    public static final String END_PAID_IN_GRACE = "End_PaidInGrace";
    /** Paid after the reminder about it. */
    public static final String END_PAID_AFTER_REMINDER = "End_PaidAfterReminder";
    /** Found paid when the reminder's deadline passed (the payment came while no one waited for it). */
    public static final String END_PAID_AT_DEADLINE = "End_PaidAtDeadline";
    /** Error end (PLAN_BROKEN): a deferral still unpaid once its grace period is over. */
    public static final String END_DEFERRAL_UNPAID = "End_DeferralUnpaid";
    /** Error end (PLAN_BROKEN): an instalment still unpaid when its reminder's deadline passed. */
    public static final String END_INSTALMENT_UNPAID = "End_InstalmentUnpaid";

    private Elements() {}
  }

  /** The BPMN errors of the model: the name is the errorCode. */
  public enum Errors {
    /** An instalment stayed unpaid past its reminder (a deferral: past its grace period): the plan is broken. */
    PLAN_BROKEN;

    public String code() {
      return name();
    }
  }

  /** What a case handler decides in "Decide payment plan" (forms/decide-payment-plan.form). */
  public enum Decision { APPROVE, REFUSE }

  public static final ProcessVariable<Long> PLAN_ID = ProcessVariable.of("planId", Long.class);
  public static final ProcessVariable<String> PLAN_NUMBER = ProcessVariable.of("planNumber", String.class);
  /** INSTALMENTS or DEFERRAL ({@link PlanKind}): a deferral unpaid after its grace period is broken at once. */
  public static final ProcessVariable<String> KIND = ProcessVariable.of("kind", String.class);
  /** The policy table's single result: decision (AUTO_APPROVE, DECIDE_BY_HAND, REFUSE) and reason. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<Map<String, Object>> POLICY_DECISION =
      (ProcessVariable) ProcessVariable.of("policyDecision", Map.class);
  /** How many instalments the approved plan has (1 for a deferral): the multi-instance's loop cardinality. */
  public static final ProcessVariable<Integer> INSTALMENT_COUNT = ProcessVariable.of("instalmentCount", Integer.class);
  /** Local to each instalment's subprocess: 1 = the first. */
  public static final ProcessVariable<Integer> INSTALMENT_NUMBER = ProcessVariable.of("instalmentNumber", Integer.class);
  /** Local to each instalment's subprocess: what the last check found. */
  public static final ProcessVariable<Boolean> INSTALMENT_PAID = ProcessVariable.of("instalmentPaid", Boolean.class);
  /** The letter's invoice (the plan's first): invoice-distribution's business key and invoiceNumber. */
  public static final ProcessVariable<String> INVOICE_NUMBER = ProcessVariable.of("invoiceNumber", String.class);
  /** The letter that the next call of invoice-distribution sends. */
  public static final ProcessVariable<Long> DOCUMENT_ID = ProcessVariable.of("documentId", Long.class);

  /** Decision table inputs, set transiently by PlanPolicyFacts just before the table runs (never stored). */
  public static final class Facts {
    public static final ProcessVariable<String> REQUEST_KIND = ProcessVariable.of("requestKind", String.class);
    public static final ProcessVariable<String> CUSTOMER_TYPE = ProcessVariable.of("customerType", String.class);
    public static final ProcessVariable<String> COUNTRY = ProcessVariable.of("country", String.class);
    public static final ProcessVariable<String> DUNNING_STEP = ProcessVariable.of("dunningStep", String.class);
    /** A double, as the table's input typeRef (and EnginePaymentPlanPolicy) reads it. */
    public static final ProcessVariable<Double> OPEN_AMOUNT = ProcessVariable.of("openAmount", Double.class);
    public static final ProcessVariable<Integer> INSTALMENTS = ProcessVariable.of("instalments", Integer.class);
    public static final ProcessVariable<Integer> FIRST_DUE_IN_DAYS = ProcessVariable.of("firstDueInDays", Integer.class);
    public static final ProcessVariable<Integer> DEFERRAL_DAYS = ProcessVariable.of("deferralDays", Integer.class);

    private Facts() {}
  }

  /** "Decide payment plan" (forms/decide-payment-plan.form): what it shows and what the case handler answers. */
  public static final class DecideForm {
    public static final ProcessVariable<String> CUSTOMER = ProcessVariable.of("planCustomer", String.class);
    public static final ProcessVariable<String> INVOICES = ProcessVariable.of("planInvoices", String.class);
    public static final ProcessVariable<String> PAYMENT_HISTORY = ProcessVariable.of("planPaymentHistory", String.class);
    public static final ProcessVariable<String> PROPOSAL = ProcessVariable.of("planProposal", String.class);
    public static final ProcessVariable<String> POLICY_REASON = ProcessVariable.of("planPolicyReason", String.class);
    /** APPROVE or REFUSE ({@link Decision}). */
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("planDecision", String.class);
    /** INSTALMENTS: the number of instalments agreed (Tasklist submits numbers untyped). */
    public static final ProcessVariable<Object> INSTALMENTS = ProcessVariable.of("agreedInstalments", Object.class);
    /** INSTALMENTS: the first due date agreed (ISO date). */
    public static final ProcessVariable<String> FIRST_DUE_DATE = ProcessVariable.of("agreedFirstDueDate", String.class);
    /** DEFERRAL: the date agreed to pay by (ISO date). */
    public static final ProcessVariable<String> DEFER_TO = ProcessVariable.of("agreedDeferTo", String.class);
    /** Why it was approved (optional). */
    public static final ProcessVariable<String> APPROVAL_NOTE = ProcessVariable.of("approvalNote", String.class);
    /** Why it was refused (required; shown to the debtor in the refusal letter). */
    public static final ProcessVariable<String> REFUSAL_REASON = ProcessVariable.of("refusalReason", String.class);

    private DecideForm() {}
  }

  private PaymentPlanProcess() {}
}
