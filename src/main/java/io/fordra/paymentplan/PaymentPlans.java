package io.fordra.paymentplan;

import java.util.List;
import java.util.Optional;

/**
 * Payment plans and deferrals as the doors (REST /api/payment-plans, the portal) see them: a request is checked,
 * stored and handed to the payment-plan process ({@link PaymentPlanRequested}), which decides it (policy table or a
 * case handler) and follows it.
 */
public interface PaymentPlans {

  /**
   * A debtor's (portal) or a case handler's (API) request, checked at the door: the invoices are the customer's,
   * open, in one currency, in no running or requested plan; the numbers within fordra.payment-plan.*. Stored as
   * REQUESTED and {@link PaymentPlanRequested} published, in the caller's transaction.
   *
   * @throws io.fordra.kernel.InvalidRequestException with every reason, nothing stored
   */
  PaymentPlanView request(PlanRequest request);

  Optional<PaymentPlanView> find(long planId);

  /** The customer's plans, newest first. */
  List<PaymentPlanView> ofCustomer(String customerNumber);

  /** The plans that cover the invoice, newest first. */
  List<PaymentPlanView> ofInvoice(String invoiceNumber);

  /** The requested or running plan that covers the invoice, if any (at most one at a time). */
  Optional<PaymentPlanView> currentOf(String invoiceNumber);
}
