package io.fordra.document;

/** The letters Fordra sends about an invoice, in the order a receivable can escalate through them. */
public enum DocumentKind {
  INVOICE, REMINDER, COLLECTION_NOTICE, AGENCY_CASE, CONCILIATION_CASE;

  /** A case file (for the collection agency or the conciliation board): the lines, what is owed, no payment slip. */
  public boolean isCaseFile() {
    return this == AGENCY_CASE || this == CONCILIATION_CASE;
  }
}
