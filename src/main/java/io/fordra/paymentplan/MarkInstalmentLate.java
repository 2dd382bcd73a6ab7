package io.fordra.paymentplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark instalment late": unpaid its grace period after its due date; the reminder about it follows. */
@Component
class MarkInstalmentLate implements JavaDelegate {

  private final PlanLifecycle lifecycle;

  MarkInstalmentLate(PlanLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.markLate(PaymentPlanProcess.PLAN_ID.from(execution), PaymentPlanProcess.INSTALMENT_NUMBER.from(execution));
  }
}
