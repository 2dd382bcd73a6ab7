package io.fordra.paymentplan;

import java.util.Map;

/** What the steps that decide a plan share: the policy's reason, and what following an approved plan needs. */
final class PlanDecisions {

  private PlanDecisions() {}

  /** The reason of the policy table's row (empty if none), from the process variable policyDecision. */
  static String policyReason(Map<String, Object> policyDecision) {
    return PaymentPlanPolicy.Decision.from(policyDecision).reason();
  }

  /** How many instalments the multi-instance follows: a deferral is one payment, by its new date. */
  static int instalmentCount(PaymentPlanView plan) {
    return Math.max(1, plan.instalments().size());
  }

  /** The plan as it stands, for a letter or a task. */
  static PaymentPlanView plan(PaymentPlans plans, long planId) {
    return plans.find(planId).orElseThrow(() -> new IllegalStateException("No payment plan " + planId));
  }
}
