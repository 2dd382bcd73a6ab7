package io.fordra.invoice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Close as credited": credit notes cover all that was owed; follow-up ends. */
@Component
class CloseAsCredited implements JavaDelegate {

  private final InvoiceService invoices;

  public CloseAsCredited(InvoiceService invoices) {
    this.invoices = invoices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    invoices.closeAsCredited(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
