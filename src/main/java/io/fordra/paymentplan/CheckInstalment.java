package io.fordra.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Instalment paid?": whether the instalment this subprocess follows is paid in full now. */
@Component
class CheckInstalment implements JavaDelegate {

  private final PlanLifecycle lifecycle;

  CheckInstalment(PlanLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Local to the instalment's subprocess: sequential instances never read one another's answer.
    PaymentPlanProcess.INSTALMENT_PAID.setLocal(execution, lifecycle.instalmentPaid(
        PaymentPlanProcess.PLAN_ID.from(execution), PaymentPlanProcess.INSTALMENT_NUMBER.from(execution)));
  }
}
