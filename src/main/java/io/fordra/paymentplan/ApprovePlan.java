package io.fordra.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Approve plan": the policy table approved the request as asked. */
@Component
class ApprovePlan implements JavaDelegate {

  private final PlanLifecycle lifecycle;

  ApprovePlan(PlanLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PaymentPlanView plan = lifecycle.approve(PaymentPlanProcess.PLAN_ID.from(execution), null,
        PaymentPlanProcess.DECIDED_BY_POLICY, PlanDecisions.policyReason(PaymentPlanProcess.POLICY_DECISION.from(execution)));
    PaymentPlanProcess.INSTALMENT_COUNT.set(execution, PlanDecisions.instalmentCount(plan));
  }
}
