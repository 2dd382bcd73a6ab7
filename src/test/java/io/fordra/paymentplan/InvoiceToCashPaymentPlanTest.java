package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.payment.PaymentRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * invoice-to-cash while a payment plan runs (issue 20), with the real delegates, dunning policy and documents: a
 * reminder run, a reminder deadline or the due date that passes while the plan runs sends nothing and waits for
 * PaymentPlanEnded; a broken plan resumes dunning at the step it had reached; full payment ends follow-up as always.
 * The plans are written into V44's tables; their end is the plan service's event.
 */
@FordraTestContext
class InvoiceToCashPaymentPlanTest extends ProcessTestSupport {

  private static final LocalDate OVERDUE = LocalDate.of(2026, 4, 2);
  private static final LocalDate FIRST_RUN = LocalDate.of(2026, 4, 15);

  @Autowired JdbcClient jdbc;
  @Autowired InstalmentReferences references;
  @Autowired DocumentService documents;
  @Autowired ApplicationEventPublisher events;

  @Test
  void aReminderRunWhileThePlanRunsSendsNothing_theBrokenPlanBringsTheSecondReminder() {
    Invoice invoice = remindedOnce(CustomerType.PRIVATE);
    ProcessInstance process = processOf(invoice);
    advanceTo(LocalDate.of(2026, 4, 26));
    assertThat(process).as("SE private: a second reminder at the run of 1 May")
        .isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);

    PlanRows.Plan plan = plans().insert(PlanStatus.RUNNING, LocalDate.of(2026, 5, 10), List.of(invoice),
        "655.00", "655.00");
    advanceTo(LocalDate.of(2026, 5, 1), LocalTime.of(7, 0));

    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_WHILE_IN_PAYMENT_PLAN);
    assertThat(reload(invoice).remindersSent()).as("no reminder while the plan runs").isEqualTo(1);
    assertThat(reload(invoice).dunningLevel()).isEqualTo(1);
    assertThat(kinds(invoice)).containsExactly(DocumentKind.INVOICE, DocumentKind.REMINDER);
    advanceTo(LocalDate.of(2026, 6, 20));
    assertThat(process).as("no timer while the plan runs").isWaitingAt(InvoiceToCash.Elements.WAIT_WHILE_IN_PAYMENT_PLAN);

    end(plan, PlanStatus.BROKEN, invoice);

    assertThat(process).as("the policy's step after one reminder: the second, at the next run")
        .hasPassed(InvoiceToCash.Elements.DECIDE_NEXT_STEP).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    advanceTo(LocalDate.of(2026, 7, 1), LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).isEqualTo(2);
    assertThat(kinds(invoice)).containsExactly(DocumentKind.INVOICE, DocumentKind.REMINDER, DocumentKind.REMINDER);
  }

  @Test
  void aReminderDeadlineWhileThePlanRunsWaits_theBrokenPlanBringsTheCollectionNoticeOfABusiness() {
    Invoice invoice = remindedOnce(CustomerType.BUSINESS);
    ProcessInstance process = processOf(invoice);
    PlanRows.Plan plan = plans().insert(PlanStatus.RUNNING, LocalDate.of(2026, 5, 10), List.of(invoice),
        "1310.00");

    advanceTo(LocalDate.of(2026, 4, 26));

    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_WHILE_IN_PAYMENT_PLAN)
        .hasNotPassed(InvoiceToCash.Elements.SEND_COLLECTION_NOTICE);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.REMINDED);

    end(plan, PlanStatus.BROKEN, invoice);

    assertThat(process).as("SE business: the collection notice after one reminder")
        .hasPassed(InvoiceToCash.Elements.SEND_COLLECTION_NOTICE)
        .isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.COLLECTION_NOTICE_SENT);
  }

  @Test
  void aPlanRunningWhenTheDueDatePassesHoldsTheReminder_paidInFullByItsInstalmentsItEndsPaid() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    PlanRows.Plan plan = plans().insert(PlanStatus.RUNNING, LocalDate.of(2026, 4, 10), List.of(invoice),
        "625.00", "625.00");

    advanceTo(OVERDUE);
    assertThat(process).as("not overdue while the plan runs").hasNotPassed(InvoiceToCash.Elements.MARK_OVERDUE)
        .isWaitingAt(InvoiceToCash.Elements.WAIT_DUE_IN_PAYMENT_PLAN);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).isZero();
    assertThat(kinds(invoice)).containsExactly(DocumentKind.INVOICE);

    payInstalment(plan, 0, "625.00", LocalDate.of(2026, 4, 10));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_DUE_IN_PAYMENT_PLAN);
    payInstalment(plan, 1, "625.00", LocalDate.of(2026, 5, 10));

    assertThat(process).hasPassed(InvoiceToCash.Elements.CLOSE_AS_PAID, InvoiceToCash.Elements.END_PAID).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(kinds(invoice)).containsExactly(DocumentKind.INVOICE);
  }

  @Test
  void aRequestedOrRefusedPlanHoldsNothing() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    plans().insert(PlanStatus.REFUSED, LocalDate.of(2026, 4, 10), List.of(invoice), "1250.00");
    plans().insert(PlanStatus.REQUESTED, LocalDate.of(2026, 4, 10), List.of(invoice), "1250.00");

    advanceTo(OVERDUE);
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).isEqualTo(1);
  }

  /** A Swedish customer's invoice, sent, overdue on 2 April and reminded at the run of 15 April (pay by 25 April). */
  private Invoice remindedOnce(CustomerType type) {
    Invoice invoice = createInvoice(customer(type, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.REMINDED);
    assertThat(reload(invoice).remindersSent()).isEqualTo(1);
    return invoice;
  }

  private PlanRows plans() {
    return new PlanRows(jdbc, references);
  }

  /** The plan ends as the plan's service ends it: its status, then PaymentPlanEnded. */
  private void end(PlanRows.Plan plan, PlanStatus status, Invoice... covered) {
    plans().status(plan, status);
    events.publishEvent(new PaymentPlanEnded(plan.id(), plan.planNumber(), status,
        java.util.Arrays.stream(covered).map(Invoice::invoiceNumber).toList()));
    executeDueJobs();
  }

  private void payInstalment(PlanRows.Plan plan, int index, String amount, LocalDate paidAt) {
    at(paidAt, LocalTime.NOON);
    assertThat(payments.registerOne(new PaymentRequest(plan.references().get(index), null, new BigDecimal(amount),
        Currency.SEK, paidAt, "PLAN-" + java.util.UUID.randomUUID())).status().name()).isEqualTo("MATCHED");
  }

  private List<DocumentKind> kinds(Invoice invoice) {
    return documents.forInvoice(reload(invoice)).stream().map(StoredDocument::kind).toList();
  }
}
