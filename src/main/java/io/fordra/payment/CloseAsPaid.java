package io.fordra.payment;

import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Close as paid": the invoice and its fees are paid in full; follow-up ends. */
@Component
class CloseAsPaid implements JavaDelegate {

  private final InvoiceService invoices;

  public CloseAsPaid(InvoiceService invoices) {
    this.invoices = invoices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    invoices.closeAsPaid(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
