package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-distribution "Record not sent": a case handler decided not to send the document after a deviation. */
@Component
class RecordNotSent implements JavaDelegate {

  private final DistributionService distribution;

  public RecordNotSent(DistributionService distribution) {
    this.distribution = distribution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    distribution.recordNotSent(InvoiceDistribution.DOCUMENT_ID.from(execution), auth == null ? null : auth.getUserId());
  }
}
