package io.fordra.invoice;

import java.util.Optional;

/**
 * The payment plan that covers an invoice as GET /api/invoices/{n} shows it: the requested or running one, else the
 * most recent (implemented by the payment-plan capability).
 */
public interface PaymentPlanSummaries {
  Optional<InvoiceView.PaymentPlanSummary> latestFor(Invoice invoice);
}
