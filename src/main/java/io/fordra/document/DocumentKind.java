package io.fordra.document;

/**
 * The letters Fordra sends about an invoice, in the order a receivable can escalate through them; a credit note can
 * come at any point and lowers what is owed.
 */
public enum DocumentKind {
  INVOICE, REMINDER, COLLECTION_NOTICE, AGENCY_CASE, CONCILIATION_CASE, CREDIT_NOTE;

  /** A case file (for the collection agency or the conciliation board): the lines, what is owed, no payment slip. */
  public boolean isCaseFile() {
    return this == AGENCY_CASE || this == CONCILIATION_CASE;
  }

  /** A letter with a payment slip: the invoice, a reminder or a collection notice. */
  public boolean asksForPayment() {
    return this == INVOICE || this == REMINDER || this == COLLECTION_NOTICE;
  }
}
