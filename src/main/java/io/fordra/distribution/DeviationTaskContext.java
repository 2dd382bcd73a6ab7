package io.fordra.distribution;

import io.fordra.customer.Channel;
import io.fordra.process.InvoiceDistribution;
import io.fordra.task.TaskForm;
import io.fordra.task.TaskHeadings;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Correct distribution deviation" created: puts what the case handler needs on the task (task-local, for the form),
 * names it after the invoice (and what the document asks for) and makes it due in the configured working days.
 */
@Component
class DeviationTaskContext implements TaskListener {

  private final DeviationService deviations;
  private final CorrectDeviationForm form;
  private final TaskHeadings headings;

  public DeviationTaskContext(DeviationService deviations, CorrectDeviationForm form, TaskHeadings headings) {
    this.deviations = deviations;
    this.form = form;
    this.headings = headings;
  }

  @Override
  public void notify(DelegateTask task) {
    long documentId = InvoiceDistribution.DOCUMENT_ID.from(task);
    values(documentId, InvoiceDistribution.FAILED_CHANNEL.from(task),
        InvoiceDistribution.DEVIATION_REASON.from(task)).showOn(task);
    DeviationService.Situation situation = deviations.situation(documentId);
    headings.name(task, situation.invoice().invoiceNumber(), situation.addressee().name(),
        headings.amount(situation.document().amountDue(), situation.invoice().currency().name()));
    headings.dueAsConfigured(task, form);
  }

  /** What "Correct distribution deviation" shows about the document that did not arrive. */
  TaskForm.Values values(long documentId, String failedChannel, String reason) {
    DeviationService.Situation situation = deviations.situation(documentId);
    Recipient recipient = situation.recipient();
    return form.values()
        .put(CorrectDeviationForm.CUSTOMER_NAME, situation.addressee().name() + " ("
            + situation.addressee().customerNumber() + ")")
        .put(CorrectDeviationForm.DOCUMENT_NAME, situation.document().fileName() + ", sent "
            + situation.document().sendAttempts() + " of " + DistributionService.MAX_SENDS + " times")
        .put(CorrectDeviationForm.PROBLEM, (failedChannel == null ? "" : failedChannel + ": ")
            + (reason == null ? "no channel reaches the customer" : reason))
        .put(CorrectDeviationForm.CURRENT_EMAIL, recipient.email() == null ? "(none)" : recipient.email())
        .put(CorrectDeviationForm.CURRENT_ADDRESS, recipient.postal() == null ? "(no postable address)"
            : recipient.describe(Channel.PRINT))
        .put(CorrectDeviationForm.PREFERRED_CHANNEL, recipient.preferredChannel().name() + " (active: "
            + situation.activeChannels() + ")");
  }
}
