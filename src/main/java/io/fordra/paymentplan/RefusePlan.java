package io.fordra.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Refuse plan": the policy table refused the request; its reason goes to the debtor. */
@Component
class RefusePlan implements JavaDelegate {

  private final PlanLifecycle lifecycle;

  RefusePlan(PlanLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.refuse(PaymentPlanProcess.PLAN_ID.from(execution), PaymentPlanProcess.DECIDED_BY_POLICY,
        PlanDecisions.policyReason(PaymentPlanProcess.POLICY_DECISION.from(execution)));
  }
}
