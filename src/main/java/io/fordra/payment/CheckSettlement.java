package io.fordra.payment;

import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Check settlement": after a payment, is anything left to follow up? */
@Component
class CheckSettlement implements JavaDelegate {

  private final InvoiceService invoices;

  public CheckSettlement(InvoiceService invoices) {
    this.invoices = invoices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean settled = invoices.get(InvoiceToCash.INVOICE_NUMBER.from(execution)).isSettled();
    InvoiceToCash.SETTLED.set(execution, settled);
    if (settled) {
      // The settling payment outlives this event subprocess: "Tell agency the claim is paid" reports it.
      InvoiceToCash.PAYMENT_ID.set(execution.getProcessInstance(), InvoiceToCash.PAYMENT_ID.from(execution));
    }
  }
}
