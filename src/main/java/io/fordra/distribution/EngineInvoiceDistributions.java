package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link InvoiceDistributions} on Camunda: an invoice-distribution instance per sending, in the same transaction. */
@Component
class EngineInvoiceDistributions implements InvoiceDistributions {

  private final RuntimeService runtime;

  EngineInvoiceDistributions(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void sendAgain(String invoiceNumber, long documentId, int attempt, String requestedChannel) {
    runtime.createProcessInstanceByKey(InvoiceDistribution.KEY)
        .businessKey(invoiceNumber)
        .setVariables(Variables.createVariables()
            .putValue(InvoiceDistribution.INVOICE_NUMBER.name(), invoiceNumber)
            .putValue(InvoiceDistribution.DOCUMENT_ID.name(), documentId)
            .putValue(InvoiceDistribution.SEND_ATTEMPT.name(), attempt)
            .putValue(InvoiceDistribution.REQUESTED_CHANNEL.name(), requestedChannel))
        .execute();
  }
}
