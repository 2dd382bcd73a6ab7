package io.fordra.paymentplan;

import io.fordra.document.StoredDocument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Prepare refusal letter": the request refused, with the reason. */
@Component
class PrepareRefusalLetter extends PreparePlanLetter {

  PrepareRefusalLetter(PaymentPlans plans, PlanLetters letters) {
    super(plans, letters);
  }

  @Override
  StoredDocument letter(PaymentPlanView plan, DelegateExecution execution) {
    return letters.refused(plan);
  }
}
