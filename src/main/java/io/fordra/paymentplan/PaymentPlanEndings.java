package io.fordra.paymentplan;

import io.fordra.invoice.InvoiceFollowUp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A plan ended: each invoice it covered is told, in the ending transaction, so that its invoice-to-cash goes on where
 * it waited (InvoiceFollowUp.PaymentPlanOver, which the follow-up's adapter correlates as PaymentPlanEnded). The
 * invoice capability knows nothing of plans, so the plan's event is turned into the invoices' here.
 */
@Component
class PaymentPlanEndings {

  private final ApplicationEventPublisher events;

  PaymentPlanEndings(ApplicationEventPublisher events) {
    this.events = events;
  }

  @EventListener
  public void on(PaymentPlanEnded ended) {
    ended.invoiceNumbers().forEach(n -> events.publishEvent(new InvoiceFollowUp.PaymentPlanOver(n)));
  }
}
