package io.fordra.document;

/**
 * The letters Fordra sends about an invoice, in the order a receivable can escalate through them; a credit note can
 * come at any point and lowers what is owed. The payment-plan letters (issue 20) are stored with a plan's first
 * invoice: the plan as agreed (or the deferral), the refusal, the reminder about a late instalment and the notice
 * that the plan has ended.
 */
public enum DocumentKind {
  INVOICE, REMINDER, COLLECTION_NOTICE, AGENCY_CASE, CONCILIATION_CASE, CREDIT_NOTE,
  PAYMENT_PLAN, PAYMENT_PLAN_REFUSED, INSTALMENT_REMINDER, PAYMENT_PLAN_BROKEN;

  /** A case file (for the collection agency or the conciliation board): the lines, what is owed, no payment slip. */
  public boolean isCaseFile() {
    return this == AGENCY_CASE || this == CONCILIATION_CASE;
  }

  /**
   * A letter with a payment slip: the invoice, a reminder or a collection notice; a payment plan's letter of the
   * first instalment (or the deferral) and the reminder about a late instalment, each with that payment's own OCR/KID.
   */
  public boolean asksForPayment() {
    return this == INVOICE || this == REMINDER || this == COLLECTION_NOTICE || this == PAYMENT_PLAN
        || this == INSTALMENT_REMINDER;
  }

  /** A letter about a payment plan or deferral: it never moves the invoice's status or dunning level. */
  public boolean isPlanLetter() {
    return this == PAYMENT_PLAN || this == PAYMENT_PLAN_REFUSED || this == INSTALMENT_REMINDER
        || this == PAYMENT_PLAN_BROKEN;
  }

  /** Goes only as a letter (e-mail, print, digital mailbox), never as an e-invoice or eFaktura: not an invoice. */
  public boolean goesOnlyAsLetter() {
    return this == REMINDER || this == COLLECTION_NOTICE || isPlanLetter();
  }
}
