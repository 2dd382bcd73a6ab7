package io.fordra.paymentplan;

import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceView;
import io.fordra.invoice.PaymentPlanSummaries;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link PaymentPlanSummaries}: the plan GET /api/invoices/{n} shows, with its instalments. */
@Component
class InvoicePaymentPlans implements PaymentPlanSummaries {

  private final PlanLookupRepository plans;

  InvoicePaymentPlans(PlanLookupRepository plans) {
    this.plans = plans;
  }

  @Override
  public Optional<InvoiceView.PaymentPlanSummary> latestFor(Invoice invoice) {
    return plans.latestFor(invoice.id());
  }
}
