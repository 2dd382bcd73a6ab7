package io.fordra.dunning;

import io.fordra.document.StoredDocument;
import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Prepare reminder": fee, new deadline and the reminder letter, as the dunning policy decided. */
@Component
public class PrepareReminder implements JavaDelegate {

  private final DunningService dunning;

  public PrepareReminder(DunningService dunning) {
    this.dunning = dunning;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DunningStep step = DunningStep.from(InvoiceToCash.DUNNING_STEP.from(execution));
    StoredDocument reminder = dunning.prepareReminder(InvoiceToCash.INVOICE_NUMBER.from(execution), step);
    InvoiceToCash.DOCUMENT_ID.set(execution, reminder.id());
    InvoiceToCash.REVIEWED.set(execution, false);
  }
}
