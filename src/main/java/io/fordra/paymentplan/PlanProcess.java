package io.fordra.paymentplan;

/** Starts the payment-plan process for a stored request (business key = plan number), in the caller's transaction. */
public interface PlanProcess {

  void start(PaymentPlanView plan);
}
