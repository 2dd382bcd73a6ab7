package io.fordra.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one outbound adapter from the domain to the engine: starts invoice-to-cash and correlates messages by
 * business key (= invoice number). Runs in the caller's transaction, so domain rows and engine state commit together.
 */
@Component
public class InvoiceProcesses {

  private final RuntimeService runtime;

  public InvoiceProcesses(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Starts the follow-up of a new invoice. */
  public void start(String invoiceNumber, String customerType, boolean priority, String country) {
    runtime.createProcessInstanceByKey(InvoiceToCash.KEY)
        .businessKey(invoiceNumber)
        .setVariables(Variables.createVariables()
            .putValue(InvoiceToCash.INVOICE_NUMBER.name(), invoiceNumber)
            .putValue(InvoiceToCash.CUSTOMER_TYPE.name(), customerType)
            .putValue(InvoiceToCash.PRIORITY.name(), priority)
            .putValue(InvoiceToCash.COUNTRY.name(), country)
            .putValue(InvoiceToCash.REVIEWED.name(), false)
            .putValue(InvoiceToCash.HANDED_OFF.name(), false)
            .putValue(InvoiceToCash.FOLLOW_UP_ON_HOLD.name(), false))
        .execute();
  }

  /** Sends one document again, outside the invoice's follow-up (a person asked for it). */
  public void startDistribution(String invoiceNumber, long documentId, int attempt, String requestedChannel) {
    runtime.createProcessInstanceByKey(InvoiceDistribution.KEY)
        .businessKey(invoiceNumber)
        .setVariables(Variables.createVariables()
            .putValue(InvoiceDistribution.INVOICE_NUMBER.name(), invoiceNumber)
            .putValue(InvoiceDistribution.DOCUMENT_ID.name(), documentId)
            .putValue(InvoiceDistribution.SEND_ATTEMPT.name(), attempt)
            .putValue(InvoiceDistribution.REQUESTED_CHANNEL.name(), requestedChannel))
        .execute();
  }

  /**
   * Delivers a message to the invoice's process wherever it waits for it; the variables go to the process.
   *
   * @return how many waiting elements received it (0 when the process has ended or does not wait for it)
   */
  public int correlate(String messageName, String invoiceNumber, Map<String, Object> variables) {
    return runtime.createMessageCorrelation(messageName)
        .processInstanceBusinessKey(invoiceNumber)
        .setVariables(variables)
        .correlateAllWithResult()
        .size();
  }

  /**
   * Like correlate, but the variables stay local to the event subprocess that the message starts (e.g. the
   * paymentId of one payment), so that messages handled side by side do not overwrite each other's.
   */
  public int correlateLocal(String messageName, String invoiceNumber, Map<String, Object> variables) {
    List<MessageCorrelationResult> results = runtime.createMessageCorrelation(messageName)
        .processInstanceBusinessKey(invoiceNumber)
        .setVariablesLocal(variables)
        .correlateAllWithResult();
    return results.size();
  }

  /** Whether the invoice's follow-up process currently waits for this message. */
  public boolean waitsFor(String messageName, String invoiceNumber) {
    return runtime.createEventSubscriptionQuery()
        .eventType("message")
        .eventName(messageName)
        .processInstanceId(processInstanceId(invoiceNumber))
        .count() > 0;
  }

  private String processInstanceId(String invoiceNumber) {
    var instance = runtime.createProcessInstanceQuery()
        .processDefinitionKey(InvoiceToCash.KEY)
        .processInstanceBusinessKey(invoiceNumber)
        .singleResult();
    return instance == null ? "none" : instance.getId();
  }
}
