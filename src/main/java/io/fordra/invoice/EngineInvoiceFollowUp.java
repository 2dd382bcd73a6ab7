package io.fordra.invoice;

import io.fordra.process.InvoiceDistribution;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@link InvoiceFollowUp} on Camunda: starts invoice-to-cash and delivers the domain events to it as messages, by
 * business key (= invoice number). The listeners run where the event is published, in the publisher's transaction:
 * domain rows and engine state commit (or roll back) together, and the publisher sees what the process did at once.
 */
@Component
class EngineInvoiceFollowUp implements InvoiceFollowUp {

  private final RuntimeService runtime;

  EngineInvoiceFollowUp(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(String invoiceNumber, String customerType, boolean priority, String country) {
    runtime.createProcessInstanceByKey(InvoiceToCash.KEY)
        .businessKey(invoiceNumber)
        .setVariables(variables(invoiceNumber, customerType, priority, country, false, false))
        .execute();
  }

  /** The variables every invoice-to-cash starts with. */
  private static VariableMap variables(String invoiceNumber, String customerType, boolean priority, String country,
                                       boolean handedOff, boolean invoiceLeft) {
    return Variables.createVariables()
        .putValue(InvoiceToCash.INVOICE_NUMBER.name(), invoiceNumber)
        .putValue(InvoiceToCash.CUSTOMER_TYPE.name(), customerType)
        .putValue(InvoiceToCash.PRIORITY.name(), priority)
        .putValue(InvoiceToCash.COUNTRY.name(), country)
        .putValue(InvoiceToCash.REVIEWED.name(), false)
        .putValue(InvoiceToCash.HANDED_OFF.name(), handedOff)
        .putValue(InvoiceToCash.INVOICE_LEFT.name(), invoiceLeft)
        .putValue(InvoiceToCash.FOLLOW_UP_ON_HOLD.name(), false);
  }

  @Override
  public void startAt(String invoiceNumber, String customerType, boolean priority, String country, Stage stage,
                      String step) {
    // The invoice left with the previous system: "Send invoice" is never run, so credit notes go at once.
    runtime.createProcessInstanceByKey(InvoiceToCash.KEY)
        .businessKey(invoiceNumber)
        .setVariables(variables(invoiceNumber, customerType, priority, country, stage == Stage.WITH_AGENCY, true)
            .putValue(InvoiceToCash.MIGRATED.name(), true)
            .putValue(InvoiceToCash.MIGRATED_STEP.name(), step))
        .startBeforeActivity(switch (stage) {
          case DUE_DATE -> InvoiceToCash.Elements.WAIT_FOR_DUE_DATE;
          case REMINDER_DEADLINE -> InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE;
          case COLLECTION_NOTICE_DEADLINE -> InvoiceToCash.Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE;
          case WITH_AGENCY -> InvoiceToCash.Elements.WAIT_FOR_AGENCY;
        })
        .execute();
  }

  @Override
  public boolean waitsForAgencyReport(String invoiceNumber) {
    return waitsFor(InvoiceToCash.Messages.COLLECTION_CASE_CLOSED, invoiceNumber);
  }

  @Override
  public boolean sendsBouncedDocumentsAgain(String invoiceNumber) {
    return waitsFor(InvoiceToCash.Messages.DISTRIBUTION_BOUNCED, invoiceNumber);
  }

  @EventListener
  public void on(PaymentBooked booked) {
    // Local to the event subprocess: payments handled side by side do not overwrite each other's paymentId.
    correlateLocal(InvoiceToCash.Messages.PAYMENT_RECEIVED, booked.invoiceNumber(),
        Map.of(InvoiceToCash.PAYMENT_ID.name(), booked.paymentId()));
  }

  @EventListener
  public void on(InvoiceCredited credited) {
    correlate(InvoiceToCash.Messages.INVOICE_CREDITED, credited.invoiceNumber(), Map.of());
  }

  @EventListener
  public void on(ObjectionRaised raised) {
    correlate(InvoiceToCash.Messages.OBJECTION_RAISED, raised.invoiceNumber(),
        Map.of(InvoiceToCash.FOLLOW_UP_ON_HOLD.name(), raised.followUpOnHold()));
  }

  @EventListener
  public void on(ObjectionWithdrawn withdrawn) {
    correlate(InvoiceToCash.Messages.OBJECTION_WITHDRAWN, withdrawn.invoiceNumber(),
        Map.of(InvoiceToCash.FOLLOW_UP_ON_HOLD.name(), false));
  }

  @EventListener
  public void on(DocumentBounced bounced) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InvoiceDistribution.DOCUMENT_ID.name(), bounced.documentId());
    variables.put(InvoiceDistribution.SEND_ATTEMPT.name(), bounced.sendAttempt());
    variables.put(InvoiceDistribution.DEVIATION.name(), true);
    variables.put(InvoiceDistribution.FAILED_CHANNEL.name(), bounced.failedChannel());
    variables.put(InvoiceDistribution.DEVIATION_REASON.name(), bounced.reason());
    correlateLocal(InvoiceToCash.Messages.DISTRIBUTION_BOUNCED, bounced.invoiceNumber(), variables);
  }

  @EventListener
  public void on(PaymentPlanOver over) {
    correlate(InvoiceToCash.Messages.PAYMENT_PLAN_ENDED, over.invoiceNumber(), Map.of());
  }

  @EventListener
  public void on(CollectionCaseClosed closed) {
    correlate(InvoiceToCash.Messages.COLLECTION_CASE_CLOSED, closed.invoiceNumber(),
        Map.of(InvoiceToCash.COLLECTION_OUTCOME.name(), closed.outcome(),
            InvoiceToCash.COLLECTION_NOTE.name(), closed.note() == null ? "" : closed.note()));
  }

  /** Delivers a message wherever the invoice's process waits for it (nowhere, once the process has ended). */
  private void correlate(String messageName, String invoiceNumber, Map<String, Object> variables) {
    runtime.createMessageCorrelation(messageName)
        .processInstanceBusinessKey(invoiceNumber)
        .setVariables(variables)
        .correlateAllWithResult();
  }

  /** Like correlate, but the variables stay local to the event subprocess that the message starts. */
  private void correlateLocal(String messageName, String invoiceNumber, Map<String, Object> variables) {
    runtime.createMessageCorrelation(messageName)
        .processInstanceBusinessKey(invoiceNumber)
        .setVariablesLocal(variables)
        .correlateAllWithResult();
  }

  private boolean waitsFor(String messageName, String invoiceNumber) {
    var instance = runtime.createProcessInstanceQuery()
        .processDefinitionKey(InvoiceToCash.KEY)
        .processInstanceBusinessKey(invoiceNumber)
        .singleResult();
    return runtime.createEventSubscriptionQuery()
        .eventType("message")
        .eventName(messageName)
        .processInstanceId(instance == null ? "none" : instance.getId())
        .count() > 0;
  }
}
