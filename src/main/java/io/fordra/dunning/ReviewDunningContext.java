package io.fordra.dunning;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.task.TaskForm;
import io.fordra.task.TaskHeadings;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review dunning" created: puts what the case handler needs to decide on the task (task-local, for the form), names
 * it after the invoice and makes it due in the configured working days.
 */
@Component
class ReviewDunningContext implements TaskListener {

  private final InvoiceService invoices;
  private final CustomerService customers;
  private final ReviewDunningForm form;
  private final TaskHeadings headings;

  public ReviewDunningContext(InvoiceService invoices, CustomerService customers, ReviewDunningForm form,
                              TaskHeadings headings) {
    this.invoices = invoices;
    this.customers = customers;
    this.form = form;
    this.headings = headings;
  }

  @Override
  public void notify(DelegateTask task) {
    String invoiceNumber = InvoiceToCash.INVOICE_NUMBER.from(task);
    values(invoiceNumber).showOn(task);
    Invoice invoice = invoices.get(invoiceNumber);
    headings.name(task, invoiceNumber, customers.get(invoice.customerNumber()).name(),
        headings.amount(invoice.openAmount(), invoice.currency().name()));
    headings.dueAsConfigured(task, form);
  }

  /** What a case handler sees when reviewing the dunning of a priority customer. */
  TaskForm.Values values(String invoiceNumber) {
    Invoice invoice = invoices.get(invoiceNumber);
    Customer customer = customers.get(invoice.customerNumber());
    return form.values()
        .put(ReviewDunningForm.CUSTOMER_NAME, customer.name() + " (" + customer.customerNumber() + ", "
            + customer.type() + ", " + customer.country() + ")")
        .put(ReviewDunningForm.OPEN_AMOUNT, invoice.inCurrency(invoice.openAmount()))
        .put(ReviewDunningForm.TOTAL_AMOUNT, invoice.inCurrency(invoice.totalAmount()))
        .put(ReviewDunningForm.PAID_AMOUNT, invoice.inCurrency(invoice.paidAmount()))
        .put(ReviewDunningForm.DUE_DATE, invoice.dueDate().toString())
        .put(ReviewDunningForm.DUNNING_HISTORY, invoice.remindersSent() + " reminder(s) sent, fees "
            + invoice.inCurrency(invoice.feesAmount()) + ", status " + invoice.status());
  }
}
