package io.fordra.paymentplan;

import io.fordra.document.StoredDocument;

/**
 * The letters about a plan, each a PDF stored with the plan's first invoice (invoice hotel, portal) and sent by the
 * customer's channel through invoice-distribution (business key: that invoice's number).
 */
public interface PlanLetters {

  /** The plan as agreed (instalments with due dates, amounts and each OCR/KID, fee, interest) or the deferral. */
  StoredDocument agreed(PaymentPlanView plan);

  /** The request refused, with the reason. */
  StoredDocument refused(PaymentPlanView plan);

  /** Instalment {@code number} is late: pay it by the new date or the plan ends. */
  StoredDocument instalmentReminder(PaymentPlanView plan, int number);

  /** The plan is broken (or the deferral has ended unpaid): the whole debt is due and dunning resumes. */
  StoredDocument broken(PaymentPlanView plan);
}
