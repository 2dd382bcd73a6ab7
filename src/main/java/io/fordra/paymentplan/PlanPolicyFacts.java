package io.fordra.paymentplan;

import io.fordra.paymentplan.PaymentPlanProcess.Facts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of "Check payment plan policy": the table's inputs, as the plan stands now, set transiently on the task (the
 * decision history keeps them; the process keeps only the result).
 */
@Component
class PlanPolicyFacts implements ExecutionListener {

  private final PlanLifecycle lifecycle;

  PlanPolicyFacts(PlanLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void notify(DelegateExecution execution) {
    PaymentPlanPolicy.Request request = lifecycle.policyRequest(PaymentPlanProcess.PLAN_ID.from(execution));
    Facts.REQUEST_KIND.setTransient(execution, request.kind().name());
    Facts.CUSTOMER_TYPE.setTransient(execution, request.customerType());
    Facts.COUNTRY.setTransient(execution, request.country());
    Facts.DUNNING_STEP.setTransient(execution, request.dunningStep());
    Facts.OPEN_AMOUNT.setTransient(execution, request.openAmount().doubleValue());
    Facts.INSTALMENTS.setTransient(execution, request.instalments());
    Facts.FIRST_DUE_IN_DAYS.setTransient(execution, request.firstDueInDays());
    Facts.DEFERRAL_DAYS.setTransient(execution, request.deferralDays());
  }
}
