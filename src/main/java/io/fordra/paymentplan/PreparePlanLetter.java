package io.fordra.paymentplan;

import io.fordra.document.StoredDocument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A "Prepare … letter" step: the letter is stored with the plan's first invoice, and the call of invoice-distribution
 * that follows sends it (business key and invoiceNumber: that invoice; documentId: the letter).
 */
abstract class PreparePlanLetter implements JavaDelegate {

  private final PaymentPlans plans;
  protected final PlanLetters letters;

  PreparePlanLetter(PaymentPlans plans, PlanLetters letters) {
    this.plans = plans;
    this.letters = letters;
  }

  /** The letter this step prepares. */
  abstract StoredDocument letter(PaymentPlanView plan, DelegateExecution execution);

  @Override
  public void execute(DelegateExecution execution) {
    PaymentPlanView plan = PlanDecisions.plan(plans, PaymentPlanProcess.PLAN_ID.from(execution));
    StoredDocument letter = letter(plan, execution);
    PaymentPlanProcess.INVOICE_NUMBER.set(execution, plan.letterInvoice());
    PaymentPlanProcess.DOCUMENT_ID.set(execution, letter.id());
  }
}
