package io.fordra.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The answer to POST /api/payments. */
public record PaymentResult(
    long paymentId,
    String bankTransactionId,
    Payment.PaymentStatus status,
    String invoiceNumber,
    BigDecimal amount,
    String currency,
    LocalDate paidAt,
    BigDecimal overpaidAmount,
    BigDecimal openAmount,
    String invoiceStatus,
    String message,
    boolean duplicate) {

  PaymentResult asDuplicate() {
    return new PaymentResult(paymentId, bankTransactionId, status, invoiceNumber, amount, currency, paidAt,
        overpaidAmount, openAmount, invoiceStatus, "Already received: nothing booked again", true);
  }
}
