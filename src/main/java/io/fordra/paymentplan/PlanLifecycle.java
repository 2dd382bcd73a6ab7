package io.fordra.paymentplan;

import java.time.LocalDate;

/**
 * What the payment-plan process (processes/payment-plan.bpmn) does to a plan, one call per step. Every change is
 * recorded on the covered invoices' events; a plan that ends (REFUSED, PAID, BROKEN) publishes {@link PaymentPlanEnded}.
 */
public interface PlanLifecycle {

  /** What payment-plan-policy.dmn is asked about the plan, as it stands now. */
  PaymentPlanPolicy.Request policyRequest(long planId);

  /**
   * Approved, possibly changed (null terms: as asked): instalments with their own OCR/KID, the fee as a fee entry
   * on the first invoice (ledger), status RUNNING; from now on the covered invoices get no reminders or fees.
   */
  PaymentPlanView approve(long planId, Terms terms, String decidedBy, String reason);

  /** Refused with a reason: status REFUSED; follow-up goes on as before. */
  PaymentPlanView refuse(long planId, String decidedBy, String reason);

  /** Paid in full, counting every payment to the covered invoices since the plan started, in instalment order. */
  boolean instalmentPaid(long planId, int number);

  /** When instalment {@code number} is due. */
  LocalDate dueDate(long planId, int number);

  /** Unpaid its grace period after its due date: status LATE (the reminder about it follows). */
  void markLate(long planId, int number);

  /** Everything paid: status PAID. */
  PaymentPlanView complete(long planId);

  /** An instalment still unpaid after its reminder (or a deferral's date passed unpaid): BROKEN, dunning resumes. */
  PaymentPlanView breakPlan(long planId);

  /** Changed terms a case handler decided (any may be null: as asked). */
  record Terms(Integer instalments, LocalDate firstDueDate, LocalDate deferTo) {}
}
