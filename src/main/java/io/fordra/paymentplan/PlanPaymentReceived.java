package io.fordra.paymentplan;

/**
 * A payment was booked to an invoice a running plan covers (by an instalment's OCR/KID or the invoice's own):
 * published in the booking's transaction; the payment-plan process checks its instalment (message PlanPaymentReceived,
 * business key = plan number).
 */
public record PlanPaymentReceived(long planId, String planNumber) {}
