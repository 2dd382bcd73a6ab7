package io.fordra.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment as the bank reported it, and which invoice it was booked on (none while unmatched). */
public record Payment(
    long id,
    String bankTransactionId,
    Long invoiceId,
    String paymentReference,
    String statedInvoiceNumber,
    BigDecimal amount,
    String currency,
    LocalDate paidAt,
    PaymentStatus status,
    BigDecimal overpaidAmount,
    Instant receivedAt) {

  /**
   * MATCHED: booked on its invoice. UNMATCHED: kept for matching by hand. ALLOCATED: a person booked it on invoices
   * (as new payments "id/1", "id/2" …). UNALLOCATED_CREDIT: a person booked it as a credit not tied to an invoice.
   */
  public enum PaymentStatus { MATCHED, UNMATCHED, ALLOCATED, UNALLOCATED_CREDIT }
}
