package io.fordra.paymentplan;

import io.fordra.document.StoredDocument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Prepare agreed letter": the plan as agreed (instalments, each OCR/KID, fee) or the deferral. */
@Component
class PrepareAgreedLetter extends PreparePlanLetter {

  PrepareAgreedLetter(PaymentPlans plans, PlanLetters letters) {
    super(plans, letters);
  }

  @Override
  StoredDocument letter(PaymentPlanView plan, DelegateExecution execution) {
    return letters.agreed(plan);
  }
}
