package io.fordra.invoice;

import io.fordra.process.ProcessVariable;

import java.util.Map;

/** The invoice-to-cash process (processes/invoice-to-cash.bpmn): its key, messages, element ids and variables. */
public final class InvoiceToCash {

  public static final String KEY = "invoice-to-cash";
  public static final String RESOURCE = "processes/invoice-to-cash.bpmn";

  /** Messages, correlated by business key = invoice number. */
  public static final class Messages {
    public static final String PAYMENT_RECEIVED = "PaymentReceived";
    public static final String OBJECTION_RAISED = "ObjectionRaised";
    public static final String OBJECTION_WITHDRAWN = "ObjectionWithdrawn";
    public static final String INVOICE_CREDITED = "InvoiceCredited";
    public static final String DISTRIBUTION_BOUNCED = "DistributionBounced";
    public static final String COLLECTION_CASE_CLOSED = "CollectionCaseClosed";
    /** The payment plan that held follow-up ended (paid, broken or refused): dunning goes on where it waited. */
    public static final String PAYMENT_PLAN_ENDED = "PaymentPlanEnded";

    private Messages() {}
  }

  /** Element ids that code and tests refer to. */
  public static final class Elements {
    public static final String PREPARE_INVOICE = "Task_PrepareInvoice";
    public static final String SEND_INVOICE = "Call_SendInvoice";
    public static final String WAIT_FOR_DUE_DATE = "Timer_DueDate";
    public static final String DECIDE_NEXT_STEP = "Rule_DecideNextStep";
    public static final String WAIT_FOR_REMINDER_RUN = "Timer_ReminderRun";
    public static final String SEND_REMINDER = "Call_SendReminder";
    public static final String WAIT_FOR_REMINDER_DEADLINE = "Timer_ReminderDeadline";
    public static final String SEND_COLLECTION_NOTICE = "Call_SendCollectionNotice";
    public static final String WAIT_FOR_COLLECTION_NOTICE_DEADLINE = "Timer_CollectionNoticeDeadline";
    public static final String REVIEW_DUNNING = "Task_ReviewDunning";
    public static final String WAIT_POSTPONED = "Timer_Postponed";
    public static final String HAND_OFF = "Task_HandOffToAgency";
    public static final String WAIT_FOR_AGENCY = "Catch_CollectionCaseClosed";
    public static final String TELL_AGENCY_OF_PAYMENT = "Task_TellAgencyOfPayment";
    public static final String APPLY_PAYMENT = "Task_ApplyPayment";
    /** "Check settlement" after a credit note (Task_ApplyPayment is the one after a payment). */
    public static final String CHECK_CREDIT = "Task_CheckCredit";
    public static final String CLOSE_AS_PAID = "Task_CloseAsPaid";
    public static final String CLOSE_AS_CREDITED = "Task_CloseAsCredited";
    public static final String TELL_AGENCY_OF_CREDIT = "Task_TellAgencyOfCredit";
    public static final String TELL_AGENCY_OF_PARTIAL_PAYMENT = "Task_TellAgencyOfPartialPayment";
    public static final String MARK_OVERDUE = "Task_MarkOverdue";
    public static final String CLOSE_COLLECTION_CASE = "Task_CloseCollectionCase";

    // End events: every one is walked to in InvoiceToCashPathsTest (EndEventsTest checks that none is missing).
    public static final String END_PAID = "End_Paid";
    public static final String END_PAID_AFTER_HAND_OFF = "End_PaidAfterHandOff";
    public static final String END_CREDITED = "End_Credited";
    public static final String END_CREDITED_AGENCY_TOLD = "End_CreditedAgencyTold";
    public static final String END_CLOSED_DISPUTED = "End_ClosedDisputed";
    /** The follow-up subprocess ended: the agency closed the case, or a disputed claim was decided. */
    public static final String END_CLOSED = "End_Closed";
    public static final String END_COLLECTION_CLOSED = "End_CollectionClosed";
    public static final String END_CLAIM_DECIDED = "End_ClaimDecided";
    public static final String END_SETTLED = "End_Settled";
    public static final String END_PARTIAL_PAYMENT = "End_PartialPayment";
    public static final String END_PARTIAL_PAYMENT_TOLD = "End_PartialPaymentTold";
    public static final String END_CREDITED_IN_FULL = "End_CreditedInFull";
    public static final String END_CREDIT_PARTIAL = "End_CreditPartial";
    public static final String END_NUDGED = "End_Nudged";
    public static final String END_OBJECTION_WITHDRAWN = "End_ObjectionWithdrawn";
    public static final String END_FOLLOW_UP_ENDED = "End_FollowUpEnded";
    public static final String END_OBJECTION_CLOSED = "End_ObjectionClosed";
    public static final String END_OBJECTION_CREDITED = "End_ObjectionCredited";
    public static final String END_OBJECTION_ANSWERED = "End_ObjectionAnswered";
    public static final String END_RESENT_BY_RESERVE = "End_ResentByReserve";
    public static final String RESPOND_TO_OBJECTION = "Task_RespondToObjection";
    public static final String NUDGE = "Task_NudgeCaseHandlers";
    public static final String NUDGE_TIMER = "Boundary_Nudge";
    public static final String REPLY_DEADLINE = "Boundary_ReplyDeadline";
    public static final String CLOSE_OBJECTION_NO_RESPONSE = "Task_CloseObjectionNoResponse";
    public static final String SEND_OBJECTION_REPLY = "Task_SendObjectionReply";
    public static final String TELL_AGENCY_OF_OBJECTION = "Task_TellAgencyOfObjection";
    public static final String WAIT_WHILE_ON_HOLD = "Catch_HoldReleased";
    /** Follow-up waits here while a running payment plan covers the invoice (message PaymentPlanEnded). */
    public static final String WAIT_WHILE_IN_PAYMENT_PLAN = "Catch_PaymentPlanEnded";
    /** The due date passed while a payment plan (or deferral) ran: not overdue until the plan ends. */
    public static final String WAIT_DUE_IN_PAYMENT_PLAN = "Catch_DuePlanEnded";
    public static final String DECIDE_DISPUTED_CLAIM = "Task_DecideDisputedClaim";
    public static final String SEND_BY_RESERVE = "Call_SendByReserve";
    /** A credit note waits here until the invoice it credits has left. */
    public static final String WAIT_FOR_INVOICE_TO_LEAVE = "Catch_InvoiceLeft";
    public static final String SEND_CREDIT_NOTE = "Call_SendCreditNote";
    public static final String SEND_FINAL_CREDIT_NOTE = "Call_SendFinalCreditNote";
    /** An objection answered with a credit in part sends its credit note itself (no InvoiceCredited message). */
    public static final String SEND_OBJECTION_CREDIT_NOTE = "Call_SendObjectionCreditNote";
    public static final String END_OBJECTION_CREDIT_NOTE_SENT = "End_ObjectionCreditNoteSent";

    private Elements() {}
  }

  /** The dunning policy (processes/dunning-policy.dmn) decides the next step. */
  public static final String DUNNING_POLICY = "dunning-policy";

  /** Next actions of the dunning policy and their outputs. */
  public static final class Actions {
    public static final String REMINDER = "REMINDER";
    public static final String COLLECTION_NOTICE = "COLLECTION_NOTICE";
    public static final String HAND_OFF = "HAND_OFF";
    public static final String MANUAL_REVIEW = "MANUAL_REVIEW";

    private Actions() {}
  }

  /** What a case handler decides in "Review dunning" (forms/review-dunning.form). */
  public enum ReviewDecision { CONTINUE, POSTPONE, HAND_OFF }

  public static final ProcessVariable<String> INVOICE_NUMBER = ProcessVariable.of("invoiceNumber", String.class);
  public static final ProcessVariable<String> CUSTOMER_TYPE = ProcessVariable.of("customerType", String.class);
  public static final ProcessVariable<Boolean> PRIORITY = ProcessVariable.of("priority", Boolean.class);
  public static final ProcessVariable<String> COUNTRY = ProcessVariable.of("country", String.class);
  /**
   * The dunning policy's input "letters sent since the due date": the invoice's dunning level in the database, set
   * transiently by DunningFacts just before the table runs (never stored; the decision history keeps it).
   */
  public static final ProcessVariable<Integer> DUNNING_LEVEL = ProcessVariable.of("dunningLevel", Integer.class);
  /** The dunning policy's input "debtorGroup" (DOMESTIC, EU, OTHER), set transiently by DunningFacts. */
  public static final ProcessVariable<String> DEBTOR_GROUP = ProcessVariable.of("debtorGroup", String.class);
  /** The dunning policy's input "lawOfClaim" (SE, NO): the law the claim follows, set transiently by DunningFacts. */
  public static final ProcessVariable<String> LAW_OF_CLAIM = ProcessVariable.of("lawOfClaim", String.class);
  /** True once a case handler has reviewed the current step of a priority customer. */
  public static final ProcessVariable<Boolean> REVIEWED = ProcessVariable.of("reviewed", Boolean.class);
  /** The decision table's single result: action, fee, paymentPeriodDays, earliestDaysAfterDue. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<Map<String, Object>> DUNNING_STEP =
      (ProcessVariable) ProcessVariable.of("dunningStep", Map.class);
  /** The document (invoice, reminder, notice) that the next call of invoice-distribution sends. */
  public static final ProcessVariable<Long> DOCUMENT_ID = ProcessVariable.of("documentId", Long.class);
  /** Sent (local) with PaymentReceived: the payment that the event subprocess handles. */
  public static final ProcessVariable<Long> PAYMENT_ID = ProcessVariable.of("paymentId", Long.class);
  public static final ProcessVariable<Boolean> HANDED_OFF = ProcessVariable.of("handedOff", Boolean.class);
  public static final ProcessVariable<Boolean> SETTLED = ProcessVariable.of("settled", Boolean.class);
  /** False when a credit in full undoes an invoice that never left: then no credit note is sent either. */
  /**
   * False until "Send invoice" is over (the invoice has left, or a case handler decided it is not sent): wakes a
   * credit note waiting at "Invoice has left", which never goes before its invoice.
   */
  public static final ProcessVariable<Boolean> INVOICE_LEFT = ProcessVariable.of("invoiceLeft", Boolean.class);
  public static final ProcessVariable<Boolean> CREDIT_NOTE_TO_SEND = ProcessVariable.of("creditNoteToSend", Boolean.class);
  public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.of("reviewDecision", String.class);
  public static final ProcessVariable<Long> POSTPONE_DAYS = ProcessVariable.of("postponeDays", Long.class);
  public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);
  /** Sent with CollectionCaseClosed: what the agency reports (PAID, UNCOLLECTIBLE, WITHDRAWN). */
  public static final ProcessVariable<String> COLLECTION_OUTCOME = ProcessVariable.of("collectionOutcome", String.class);

  /** True for an invoice taken over from the previous system at cut-over (started at its stage, never sent). */
  public static final ProcessVariable<Boolean> MIGRATED = ProcessVariable.of("migrated", Boolean.class);
  /** The dunning step the previous system had reached (NONE, REMINDED 2, COLLECTION_NOTICE, WITH_AGENCY). */
  public static final ProcessVariable<String> MIGRATED_STEP = ProcessVariable.of("migratedStep", String.class);

  public static final ProcessVariable<String> COLLECTION_NOTE = ProcessVariable.of("collectionNote", String.class);

  // Objections (forms/respond-to-objection.form, forms/decide-disputed-claim.form)
  public static final ProcessVariable<String> OBJECTION_DECISION = ProcessVariable.of("objectionDecision", String.class);
  /** Tasklist submits numbers untyped: read with {@link #amount}. */
  public static final ProcessVariable<Object> CREDIT_AMOUNT = ProcessVariable.of("creditAmount", Object.class);
  public static final ProcessVariable<String> REPLY_TEXT = ProcessVariable.of("replyText", String.class);
  /** Changed whenever an objection starts or stops holding follow-up: wakes "Objection no longer holds follow-up". */
  public static final ProcessVariable<Boolean> FOLLOW_UP_ON_HOLD = ProcessVariable.of("followUpOnHold", Boolean.class);
  public static final ProcessVariable<Boolean> CREDITED_IN_FULL = ProcessVariable.of("creditedInFull", Boolean.class);
  /** The answer credited part of what is owed: "Apply the answer" is followed by the credit note's sending. */
  public static final ProcessVariable<Boolean> CREDITED_IN_PART = ProcessVariable.of("creditedInPart", Boolean.class);
  public static final ProcessVariable<Boolean> FOLLOW_UP_ENDED = ProcessVariable.of("followUpEnded", Boolean.class);
  public static final ProcessVariable<String> DISPUTED_CLAIM_DECISION =
      ProcessVariable.of("disputedClaimDecision", String.class);
  public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.of("decisionComment", String.class);

  /** A money amount from a form or a message: numbers and decimal strings alike, never through double arithmetic. */
  public static java.math.BigDecimal amount(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new java.math.BigDecimal(value.toString().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not an amount");
    }
  }

  private InvoiceToCash() {}
}
