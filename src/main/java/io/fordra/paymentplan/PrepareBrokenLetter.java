package io.fordra.paymentplan;

import io.fordra.document.StoredDocument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Prepare broken-plan letter": the whole debt is due again and dunning resumes. */
@Component
class PrepareBrokenLetter extends PreparePlanLetter {

  PrepareBrokenLetter(PaymentPlans plans, PlanLetters letters) {
    super(plans, letters);
  }

  @Override
  StoredDocument letter(PaymentPlanView plan, DelegateExecution execution) {
    return letters.broken(plan);
  }
}
