package io.fordra.dunning;

import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Mark overdue": the due date has passed without full payment. */
@Component
class MarkOverdue implements JavaDelegate {

  private final DunningService dunning;

  public MarkOverdue(DunningService dunning) {
    this.dunning = dunning;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dunning.markOverdue(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
