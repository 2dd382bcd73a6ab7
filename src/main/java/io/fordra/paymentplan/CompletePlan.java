package io.fordra.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Complete plan": every instalment is paid; the covered invoices' follow-up goes on (PaymentPlanEnded). */
@Component
class CompletePlan implements JavaDelegate {

  private final PlanLifecycle lifecycle;

  CompletePlan(PlanLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.complete(PaymentPlanProcess.PLAN_ID.from(execution));
  }
}
