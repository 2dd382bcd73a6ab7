package io.fordra.paymentplan;

import io.fordra.document.StoredDocument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** "Prepare instalment reminder": this subprocess's instalment is late; pay it by the new date or the plan ends. */
@Component
class PrepareInstalmentReminder extends PreparePlanLetter {

  PrepareInstalmentReminder(PaymentPlans plans, PlanLetters letters) {
    super(plans, letters);
  }

  @Override
  StoredDocument letter(PaymentPlanView plan, DelegateExecution execution) {
    return letters.instalmentReminder(plan, PaymentPlanProcess.INSTALMENT_NUMBER.from(execution));
  }
}
