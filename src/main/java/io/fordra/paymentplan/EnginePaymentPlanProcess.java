package io.fordra.paymentplan;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The payment-plan process on Camunda: a stored request starts it (business key = plan number), a payment to a
 * covered invoice is delivered to it as PlanPaymentReceived. The listeners run where the event is published, in the
 * publisher's transaction, so the plan's rows and the engine's state commit (or roll back) together.
 */
@Component
class EnginePaymentPlanProcess {

  private final RuntimeService runtime;
  private final PaymentPlans plans;

  EnginePaymentPlanProcess(RuntimeService runtime, PaymentPlans plans) {
    this.runtime = runtime;
    this.plans = plans;
  }

  @EventListener
  public void on(PaymentPlanRequested requested) {
    PaymentPlanView plan = PlanDecisions.plan(plans, requested.planId());
    runtime.createProcessInstanceByKey(PaymentPlanProcess.KEY)
        .businessKey(requested.planNumber())
        .setVariable(PaymentPlanProcess.PLAN_ID.name(), requested.planId())
        .setVariable(PaymentPlanProcess.PLAN_NUMBER.name(), requested.planNumber())
        .setVariable(PaymentPlanProcess.KIND.name(), plan.kind().name())
        .execute();
  }

  /** Wherever the plan's process waits for a payment; nowhere (between checks, or ended) is fine. */
  @EventListener
  public void on(PlanPaymentReceived received) {
    runtime.createMessageCorrelation(PaymentPlanProcess.Messages.PAYMENT_RECEIVED)
        .processInstanceBusinessKey(received.planNumber())
        .correlateAllWithResult();
  }
}
