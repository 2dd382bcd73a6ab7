package io.fordra.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice and its receivable: what was billed, paid and charged, and where follow-up stands. migrated: taken over
 * from the previous system at cut-over (sent there, never sent again by Fordra).
 */
public record Invoice(
    long id,
    String invoiceNumber,
    String customerNumber,
    InvoiceStatus status,
    LocalDate issueDate,
    LocalDate dueDate,
    Currency currency,
    BigDecimal netAmount,
    BigDecimal vatAmount,
    BigDecimal totalAmount,
    BigDecimal paidAmount,
    BigDecimal feesAmount,
    BigDecimal creditBalance,
    BigDecimal creditedAmount,
    BigDecimal disputedAmount,
    BigDecimal writtenOffAmount,
    BigDecimal refundedAmount,
    String paymentReference,
    int dunningLevel,
    int remindersSent,
    int reminderFeesCharged,
    LocalDate payBy,
    Instant createdAt,
    boolean migrated) {

  /** An invoice created in Fordra (not taken over from the previous system). */
  public Invoice(long id, String invoiceNumber, String customerNumber, InvoiceStatus status, LocalDate issueDate,
                 LocalDate dueDate, Currency currency, BigDecimal netAmount, BigDecimal vatAmount,
                 BigDecimal totalAmount, BigDecimal paidAmount, BigDecimal feesAmount, BigDecimal creditBalance,
                 BigDecimal creditedAmount, BigDecimal disputedAmount, BigDecimal writtenOffAmount,
                 BigDecimal refundedAmount, String paymentReference, int dunningLevel, int remindersSent,
                 int reminderFeesCharged, LocalDate payBy, Instant createdAt) {
    this(id, invoiceNumber, customerNumber, status, issueDate, dueDate, currency, netAmount, vatAmount, totalAmount,
        paidAmount, feesAmount, creditBalance, creditedAmount, disputedAmount, writtenOffAmount, refundedAmount,
        paymentReference, dunningLevel, remindersSent, reminderFeesCharged, payBy, createdAt, false);
  }

  /**
   * What the customer still owes: the total plus fees less payments, credit notes and what was written off, never
   * below zero (what was paid beyond that is the credit balance).
   */
  public BigDecimal openAmount() {
    return totalAmount.add(feesAmount).subtract(paidAmount).subtract(creditedAmount).subtract(writtenOffAmount)
        .max(BigDecimal.ZERO);
  }

  /** The overpayment still held for the customer: the credit balance less what was paid back. */
  public BigDecimal refundableAmount() {
    return creditBalance.subtract(refundedAmount).max(BigDecimal.ZERO);
  }

  /** What may be followed up now: the open amount less what the customer disputes. */
  public BigDecimal undisputedAmount() {
    return openAmount().subtract(disputedAmount).max(BigDecimal.ZERO);
  }

  /** An amount as invoice events and case handlers read it: "1,250.00 SEK". */
  public String inCurrency(BigDecimal amount) {
    return Money.format(amount, "en") + " " + currency;
  }

  public boolean isSettled() {
    return openAmount().signum() == 0;
  }
}
