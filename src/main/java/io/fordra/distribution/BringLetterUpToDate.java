package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-distribution "Bring the letter up to date": when the undo window has passed, the letter states what was
 * paid and credited meanwhile before any channel has it (in the same transaction as the timer, before the sending
 * job, so a retried send sends the stored letter unchanged).
 */
@Component
class BringLetterUpToDate implements JavaDelegate {

  private final DistributionService distribution;

  public BringLetterUpToDate(DistributionService distribution) {
    this.distribution = distribution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    distribution.bringUpToDate(InvoiceDistribution.DOCUMENT_ID.from(execution));
  }
}
