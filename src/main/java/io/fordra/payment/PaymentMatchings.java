package io.fordra.payment;

/**
 * Matching a payment by hand, as the payment service sees it (its port): a "Match payment" task for finance. The
 * adapter is the engine's ({@code io.fordra.payment.file.EnginePaymentMatchings}, beside the process's names).
 */
public interface PaymentMatchings {

  /** Asks finance to place a payment that no rule placed (process payment-matching). */
  void askFinance(long paymentId);
}
