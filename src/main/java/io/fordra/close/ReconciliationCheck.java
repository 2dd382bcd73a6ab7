package io.fordra.close;

/** What a reconciliation difference is about. */
public enum ReconciliationCheck {
  /** The receivables account in total (all entries) is not the sum of the invoices' open amounts. */
  RECEIVABLES_TOTAL,
  /** One invoice's open amount is not its balance on the receivables account. */
  INVOICE_BALANCE,
  /** Receivables lines that name no (existing) invoice. */
  RECEIVABLE_WITHOUT_INVOICE,
  /** The bank account's movements in the period (refunds paid out aside) are not the payments received in it. */
  BANK_TOTAL,
  /** One payment received in the period is not on the bank account with its amount. */
  PAYMENT_NOT_BOOKED,
  /** A payment file received in the period: its stated total is not what was stored from it. */
  PAYMENT_FILE,
  /** The aging report does not add up to the receivables of the invoices it covers. */
  AGING_TOTAL,
  /** A ledger entry whose lines do not add up to zero. */
  UNBALANCED_ENTRY,
  /** The deferred-revenue account in total is not what is still to be released of periodised invoice lines. */
  DEFERRED_REVENUE_TOTAL,
  /** One invoice's balance on the deferred-revenue account is not what is still to be released of its lines. */
  DEFERRED_REVENUE_INVOICE
}
