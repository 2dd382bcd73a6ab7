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

  public enum PaymentStatus { MATCHED, UNMATCHED }
}
