package io.fordra.paymentplan;

import io.fordra.deployment.ModelFunctions;
import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What invoice-to-cash asks about payment plans in its gateways (${paymentPlanHold.isInPlan(execution)}): while a
 * plan that covers the invoice runs, no reminder, notice or hand-off; follow-up waits for PaymentPlanEnded.
 */
@Component("paymentPlanHold")
@ModelFunctions
public class PaymentPlanHold {

  private final PlanLookupRepository plans;

  PaymentPlanHold(PlanLookupRepository plans) {
    this.plans = plans;
  }

  /** A plan that covers the invoice runs (status RUNNING): a requested, refused or ended one holds nothing. */
  public boolean isInPlan(VariableScope execution) {
    return plans.inRunningPlan(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
