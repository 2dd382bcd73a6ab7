package io.fordra.paymentplan;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.CustomerSort;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.paymentplan.PaymentPlanProcess.DecideForm;
import io.fordra.task.TaskForm;
import io.fordra.task.TaskHeadings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Decide payment plan" created: what the case handler decides on (task-local, for the form), a name that says which plan, and a due date (fordra.tasks.due-in-working-days).
 */
@Component
class DecidePaymentPlanContext implements TaskListener {

  /** The debtor's invoices whose payments the form lists, newest first. */
  static final int HISTORY_INVOICES = 50;
  static final int HISTORY_LINES = 30;
  private static final Set<InvoiceEventType> PAYMENTS = Set.of(InvoiceEventType.PAYMENT_RECEIVED,
      InvoiceEventType.OVERPAYMENT, InvoiceEventType.PAID, InvoiceEventType.DIRECT_DEBIT_DEBITED);

  private final PaymentPlans plans;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final TaskHeadings headings;
  private final DecidePaymentPlanForm form;

  DecidePaymentPlanContext(PaymentPlans plans, InvoiceService invoices, CustomerService customers,
                           TaskHeadings headings, DecidePaymentPlanForm form) {
    this.plans = plans;
    this.invoices = invoices;
    this.customers = customers;
    this.headings = headings;
    this.form = form;
  }

  @Override
  public void notify(DelegateTask task) {
    PaymentPlanView plan = PlanDecisions.plan(plans, PaymentPlanProcess.PLAN_ID.from(task));
    Customer customer = customers.get(plan.customerNumber());
    values(plan, customer, PlanDecisions.policyReason(PaymentPlanProcess.POLICY_DECISION.from(task))).showOn(task);
    headings.name(task, plan.planNumber(), customer.name(), headings.amount(plan.openAmount(), plan.currency()));
    headings.dueAsConfigured(task, form);
  }

  /**
   * The answer's fields stay empty (the request's terms are in the proposal): a completion's variables go to the
   * process, so a task-local starting value would hide what the case handler entered.
   */
  TaskForm.Values values(PaymentPlanView plan, Customer customer, String policyReason) {
    return form.values()
        .put(PaymentPlanProcess.PLAN_NUMBER, plan.planNumber())
        .put(PaymentPlanProcess.KIND, plan.kind().name())
        .put(DecideForm.CUSTOMER, customer.name() + " (" + customer.customerNumber() + ", " + customer.type() + ", "
            + customer.country() + ")")
        .put(DecideForm.INVOICES, plan.invoiceNumbers().stream().map(invoices::get).map(DecidePaymentPlanContext::line)
            .collect(Collectors.joining("\n")))
        .put(DecideForm.PAYMENT_HISTORY, paymentHistory(plan.customerNumber()))
        .put(DecideForm.PROPOSAL, proposal(plan))
        .put(DecideForm.POLICY_REASON, policyReason);
  }

  private static String line(Invoice invoice) {
    return invoice.invoiceNumber() + "  " + invoice.status() + "  due " + invoice.dueDate() + "  total "
        + invoice.inCurrency(invoice.totalAmount()) + "  open " + invoice.inCurrency(invoice.openAmount());
  }

  private String proposal(PaymentPlanView plan) {
    String asked = plan.kind() == PlanKind.DEFERRAL
        ? "Pay " + amount(plan) + " later, by " + plan.deferTo()
        : "Pay " + amount(plan) + " in " + plan.requestedInstalments() + " instalments, the first due "
            + (plan.requestedFirstDueDate() == null ? "one interval from today" : plan.requestedFirstDueDate());
    String by = "Asked by " + (plan.requestedBy() == PlanRequest.RequestedBy.CUSTOMER ? "the customer in the portal"
        : "a case handler") + " on " + plan.createdAt();
    String note = plan.note() == null || plan.note().isBlank() ? "" : "\nNote: " + plan.note().strip();
    return asked + ".\n" + by + "." + note;
  }

  private static String amount(PaymentPlanView plan) {
    return plan.openAmount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + plan.currency();
  }

  /** The debtor's payments on any invoice, newest first. */
  private String paymentHistory(String customerNumber) {
    List<String> lines = new ArrayList<>();
    for (Invoice invoice : invoices.forCustomer(customerNumber, null, null, CustomerSort.ISSUE_DATE, true,
        HISTORY_INVOICES)) {
      for (InvoiceEvent event : invoices.events(invoice)) {
        if (PAYMENTS.contains(event.type())) {
          lines.add(event.at() + "  " + invoice.invoiceNumber() + "  " + event.type() + "  " + event.message());
        }
      }
    }
    if (lines.isEmpty()) {
      return "No payments recorded.";
    }
    return lines.stream().sorted(Comparator.reverseOrder()).limit(HISTORY_LINES).collect(Collectors.joining("\n"));
  }
}
