package io.fordra.distribution.efaktura;

import io.fordra.customer.Channel;
import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-distribution "Send eFaktura" (asyncBefore, retried): Norwegian eFaktura through the issuer service. A
 * recipient who does not accept eFaktura from this issuer is a deviation: the boundary event tries the reserve
 * channel. A service that cannot be reached fails the job (retries, then an incident).
 */
@Component
public class SendEFaktura implements JavaDelegate {

  private final EFakturaService efaktura;

  public SendEFaktura(EFakturaService efaktura) {
    this.efaktura = efaktura;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long documentId = InvoiceDistribution.DOCUMENT_ID.from(execution);
    EFakturaService.Outcome outcome = efaktura.issue(documentId, InvoiceDistribution.SEND_ATTEMPT.from(execution, 1));
    if (outcome.rejection() != null) {
      InvoiceDistribution.DEVIATION.set(execution, true);
      InvoiceDistribution.FAILED_CHANNEL.set(execution, Channel.EFAKTURA.name());
      InvoiceDistribution.DEVIATION_REASON.set(execution, outcome.rejection());
      throw new BpmnError(InvoiceDistribution.Errors.EFAKTURA_NOT_ACCEPTED.code(), outcome.rejection());
    }
  }
}
