package io.fordra.paymentplan;

/** Where a payment plan is: asked for, decided, running, and how it ended (column fordra_payment_plan.status). */
public enum PlanStatus {
  REQUESTED, APPROVED, REFUSED, RUNNING, PAID, BROKEN
}
