package io.fordra.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Break plan": an instalment unpaid after its reminder (a deferral after its grace period); dunning resumes. */
@Component
class BreakPlan implements JavaDelegate {

  private final PlanLifecycle lifecycle;

  BreakPlan(PlanLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.breakPlan(PaymentPlanProcess.PLAN_ID.from(execution));
  }
}
