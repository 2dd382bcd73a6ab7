package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-distribution "Send e-invoice" (asyncBefore, retried): PEPPOL UBL to the access point's outbox. A document
 * the PEPPOL rules reject is a deviation: the boundary event tries the reserve channel.
 */
@Component
class SendEInvoice implements JavaDelegate {

  private final EInvoiceDistribution einvoice;

  public SendEInvoice(EInvoiceDistribution einvoice) {
    this.einvoice = einvoice;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long documentId = InvoiceDistribution.DOCUMENT_ID.from(execution);
    EInvoiceDistribution.Outcome outcome = einvoice.send(documentId, InvoiceDistribution.SEND_ATTEMPT.from(execution, 1));
    if (outcome.rejection() != null) {
      InvoiceDistribution.DEVIATION.set(execution, true);
      InvoiceDistribution.FAILED_CHANNEL.set(execution, io.fordra.customer.Channel.EINVOICE.name());
      InvoiceDistribution.DEVIATION_REASON.set(execution, outcome.rejection());
      throw new BpmnError(InvoiceDistribution.Errors.EINVOICE_REJECTED.code(), outcome.rejection());
    }
  }
}
