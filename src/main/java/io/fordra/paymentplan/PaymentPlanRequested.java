package io.fordra.paymentplan;

/**
 * A request was stored (status REQUESTED): published in the requester's transaction; the payment-plan process starts
 * for it (business key = plan number), so request and process commit together.
 */
public record PaymentPlanRequested(long planId, String planNumber) {}
