package io.fordra.distribution.mailbox;

import io.fordra.customer.Channel;
import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-distribution "Send to digital mailbox" (asyncBefore, retried): the document to the person's Kivra mailbox.
 * A person without a mailbox, or content Kivra refuses, is a deviation: the boundary event chooses again without
 * DIGITAL_MAILBOX, so the reserve channel (e-mail or print) takes it. Kivra unreachable (5xx, timeout) fails the job,
 * which is retried and at last becomes an incident.
 */
@Component("sendToDigitalMailbox")
public class SendToDigitalMailbox implements JavaDelegate {

  private final DigitalMailboxDistribution mailbox;

  public SendToDigitalMailbox(DigitalMailboxDistribution mailbox) {
    this.mailbox = mailbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long documentId = InvoiceDistribution.DOCUMENT_ID.from(execution);
    DigitalMailboxDistribution.Outcome outcome = mailbox.send(documentId,
        InvoiceDistribution.SEND_ATTEMPT.from(execution, 1));
    if (outcome.rejection() != null) {
      InvoiceDistribution.DEVIATION.set(execution, true);
      InvoiceDistribution.FAILED_CHANNEL.set(execution, Channel.DIGITAL_MAILBOX.name());
      InvoiceDistribution.DEVIATION_REASON.set(execution, outcome.rejection());
      throw new BpmnError(InvoiceDistribution.Errors.NO_DIGITAL_MAILBOX.code(), outcome.rejection());
    }
  }
}
