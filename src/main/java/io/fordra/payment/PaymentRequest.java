package io.fordra.payment;

import io.fordra.invoice.Currency;
import java.math.BigDecimal;
import java.time.LocalDate;

/** POST /api/payments: one incoming payment, found by payment reference (OCR/KID) or invoice number. */
public record PaymentRequest(String paymentReference, String invoiceNumber, BigDecimal amount, Currency currency,
                             LocalDate paidAt, String bankTransactionId) {}
