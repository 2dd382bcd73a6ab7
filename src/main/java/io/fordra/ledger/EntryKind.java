package io.fordra.ledger;

/** What a ledger entry records. */
public enum EntryKind {
  /** An invoice (or an interest invoice): receivable against sales and output VAT. */
  INVOICE,
  /** A reminder or collection-notice fee added to an invoice. */
  FEE,
  /** A credit note: sales and VAT reversed against the receivable. */
  CREDIT_NOTE,
  /** A payment booked on an invoice: bank (or unmatched payments) against the receivable and any overpayment. */
  PAYMENT,
  /** A payment that matched nothing: bank against unmatched payments until a person places it. */
  UNMATCHED_PAYMENT,
  /** A kept payment a person booked as a credit of the customer not tied to an invoice. */
  UNALLOCATED_CREDIT,
  /** What could not be collected: a loss on receivables (and the VAT on it reversed). */
  WRITE_OFF,
  /** An overpayment paid back to the customer. */
  REFUND,
  /** A month's share of periodised revenue: the deferred-revenue account against the revenue account. */
  REVENUE_RELEASE,
  /** An invoice taken over from the previous system: its open amount on receivables against the cut-over account. */
  OPENING
}
