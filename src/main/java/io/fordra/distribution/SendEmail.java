package io.fordra.distribution;

import io.fordra.customer.Channel;
import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** invoice-distribution "Send by e-mail": mails the document with its PDF (asyncBefore, retried). */
@Component
class SendEmail implements JavaDelegate {

  private final DistributionService distribution;

  public SendEmail(DistributionService distribution) {
    this.distribution = distribution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean directDebitNotice = Channel.EMAIL.name().equals(InvoiceDistribution.NOTICE_CHANNEL.from(execution));
    distribution.sendByEmail(InvoiceDistribution.DOCUMENT_ID.from(execution),
        InvoiceDistribution.SEND_ATTEMPT.from(execution, 1), directDebitNotice);
  }
}
