package io.fordra.dunning;

import io.fordra.document.StoredDocument;
import io.fordra.invoice.InvoiceToCash;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-to-cash "Prepare collection notice": inkassokrav (SE) / inkassovarsel (NO) with its deadline. */
@Component
class PrepareCollectionNotice implements JavaDelegate {

  private final DunningService dunning;

  public PrepareCollectionNotice(DunningService dunning) {
    this.dunning = dunning;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DunningStep step = DunningStep.from(InvoiceToCash.DUNNING_STEP.from(execution));
    StoredDocument notice = dunning.prepareCollectionNotice(InvoiceToCash.INVOICE_NUMBER.from(execution), step);
    InvoiceToCash.DOCUMENT_ID.set(execution, notice.id());
    InvoiceToCash.REVIEWED.set(execution, false);
  }
}
