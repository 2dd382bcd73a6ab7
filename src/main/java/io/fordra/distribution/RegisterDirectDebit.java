package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-distribution "Register direct debit": the invoice is debited on its due date; the notice then goes by the
 * notice channel the table chose (the process routes on channel again).
 */
@Component
class RegisterDirectDebit implements JavaDelegate {

  private final DistributionService distribution;

  public RegisterDirectDebit(DistributionService distribution) {
    this.distribution = distribution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    distribution.registerDirectDebit(InvoiceDistribution.DOCUMENT_ID.from(execution));
    InvoiceDistribution.CHANNEL.set(execution, InvoiceDistribution.NOTICE_CHANNEL.from(execution));
  }
}
