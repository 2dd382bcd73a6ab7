package io.fordra.dunning;

import io.fordra.deployment.ModelFunctions;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The dunning policy's inputs that the invoice knows (${dunningFacts.gather(execution)} on "Decide next dunning
 * step"): read from the database just before the table runs, so the process keeps no copy that could drift.
 */
@Component("dunningFacts")
@ModelFunctions
public class DunningFacts {

  private final InvoiceService invoices;

  public DunningFacts(InvoiceService invoices) {
    this.invoices = invoices;
  }

  public void gather(DelegateExecution execution) {
    int level = invoices.get(InvoiceToCash.INVOICE_NUMBER.from(execution)).dunningLevel();
    InvoiceToCash.DUNNING_LEVEL.setTransient(execution, level);
  }
}
