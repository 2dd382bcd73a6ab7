package io.fordra.dispute;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.task.TaskForm;
import io.fordra.task.TaskHeadings;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Respond to objection" / "Decide disputed claim" created: what the case handler must see (task-local, for the
 * form), a name that says which invoice, and a due date: the reply deadline (respond), or the configured working
 * days (decide).
 */
@Component
class ObjectionTaskContext implements TaskListener {

  private final DisputeService disputes;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final TaskHeadings headings;
  private final RespondToObjectionForm respond;
  private final DecideDisputedClaimForm decide;

  public ObjectionTaskContext(DisputeService disputes, InvoiceService invoices, CustomerService customers,
                              TaskHeadings headings, RespondToObjectionForm respond, DecideDisputedClaimForm decide) {
    this.disputes = disputes;
    this.invoices = invoices;
    this.customers = customers;
    this.headings = headings;
    this.respond = respond;
    this.decide = decide;
  }

  @Override
  public void notify(DelegateTask task) {
    String invoiceNumber = InvoiceToCash.INVOICE_NUMBER.from(task);
    boolean responding = InvoiceToCash.Elements.RESPOND_TO_OBJECTION.equals(task.getTaskDefinitionKey());
    values(invoiceNumber, responding).showOn(task);
    Invoice invoice = invoices.get(invoiceNumber);
    if (responding) {
      // What the objection is about: the disputed amount.
      headings.name(task, invoiceNumber, customers.get(invoice.customerNumber()).name(),
          headings.amount(disputes.latestDispute(invoice).disputedAmount(), invoice.currency().name()));
      headings.dueOn(task, disputes.replyDeadline(invoiceNumber));
    } else {
      headings.name(task, invoiceNumber, customers.get(invoice.customerNumber()).name(),
          headings.amount(invoice.openAmount(), invoice.currency().name()));
      headings.dueAsConfigured(task, decide);
    }
  }

  /** What "Respond to objection" (responding) or "Decide disputed claim" shows. */
  TaskForm.Values values(String invoiceNumber, boolean responding) {
    Invoice invoice = invoices.get(invoiceNumber);
    Customer customer = customers.get(invoice.customerNumber());
    Dispute dispute = disputes.latestDispute(invoice);
    TaskForm.Values values = (responding ? respond : decide).values()
        .put(InvoiceToCash.INVOICE_NUMBER, invoiceNumber)
        .put(RespondToObjectionForm.CUSTOMER_NAME, customer.name() + " (" + customer.customerNumber() + ", "
            + customer.type() + ", " + customer.country() + ", " + customer.invoiceRecipient() + ")")
        .put(RespondToObjectionForm.OPEN_AMOUNT, invoice.inCurrency(invoice.openAmount()))
        .put(RespondToObjectionForm.DISPUTED_AMOUNT, invoice.inCurrency(dispute.disputedAmount()))
        .put(RespondToObjectionForm.OBJECTION_REASON, dispute.reason())
        .put(RespondToObjectionForm.INVOICE_HISTORY, invoices.events(invoice).stream()
            .map(e -> e.at() + "  " + e.type() + "  " + e.message()).collect(Collectors.joining("\n")));
    if (responding) {
      values.put(RespondToObjectionForm.TOTAL_AMOUNT, invoice.inCurrency(invoice.totalAmount()))
          .put(RespondToObjectionForm.RAISED_BY, dispute.raisedBy().name())
          .put(RespondToObjectionForm.RECEIVED_AT, dispute.receivedAt().toString())
          .put(RespondToObjectionForm.REPLY_DEADLINE, dispute.deadline().toString());
    }
    if (dispute.reply() != null) {
      values.put(InvoiceToCash.REPLY_TEXT, dispute.reply());
    }
    return values;
  }
}
