package io.fordra.ledger;

import java.math.BigDecimal;

/**
 * One line of a ledger entry: an amount on an account, debit positive and credit negative.
 *
 * @param invoiceId      the invoice a receivable or customer-credit line belongs to, else null
 * @param customerNumber the customer of a receivable or customer-credit line, else null
 */
public record LedgerLine(String account, BigDecimal amount, Long invoiceId, String customerNumber) {

  public static LedgerLine debit(String account, BigDecimal amount) {
    return new LedgerLine(account, amount, null, null);
  }

  public static LedgerLine credit(String account, BigDecimal amount) {
    return new LedgerLine(account, amount.negate(), null, null);
  }

  /** The same line in the sub-ledger of an invoice and its customer. */
  public LedgerLine of(Long invoiceId, String customerNumber) {
    return new LedgerLine(account, amount, invoiceId, customerNumber);
  }
}
