package io.fordra.process;

import io.fordra.invoice.InvoiceToCash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.collection.CollectionOutcome;
import io.fordra.collection.CollectionService;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of invoice-to-cash, with the real delegates, DMN and documents; time moves with the engine clock. */
@FordraTestContext
class InvoiceToCashProcessTest extends ProcessTestSupport {

  private static final LocalDate OVERDUE = LocalDate.of(2026, 4, 2);
  private static final LocalDate FIRST_RUN = LocalDate.of(2026, 4, 15);

  @Autowired DocumentService documents;
  @Autowired CollectionService collection;

  @Test
  void paidBeforeTheDueDateEndsFollowUpWithoutReminders() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    assertThat(process).hasPassed(InvoiceToCash.Elements.PREPARE_INVOICE).isWaitingAt(InvoiceToCash.Elements.SEND_INVOICE);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.WAITING_TO_BE_SENT);

    executeDueJobs();
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_DUE_DATE);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.SENT);
    String mail = mail(invoice, "invoice.1");
    assertThat(mail).contains("Message-ID: <" + invoice.invoiceNumber() + ".invoice.1@fordra.exempelbolaget.se>")
        .contains("application/pdf").contains("invoice-" + invoice.invoiceNumber() + ".pdf");

    at(LocalDate.of(2026, 3, 20), LocalTime.NOON);
    assertThat(pay(invoice, "1250.00").status().name()).isEqualTo("MATCHED");

    assertThat(process).hasPassed(InvoiceToCash.Elements.APPLY_PAYMENT, InvoiceToCash.Elements.CLOSE_AS_PAID)
        .hasNotPassed(InvoiceToCash.Elements.MARK_OVERDUE).isEnded();
    assertThat(process).hasPassed(InvoiceToCash.Elements.END_PAID);
    Invoice paid = reload(invoice);
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(paid.openAmount()).isEqualByComparingTo("0");
    advanceTo(LocalDate.of(2026, 5, 1));
    assertThat(documents.forInvoice(paid)).extracting(StoredDocument::kind).containsExactly(DocumentKind.INVOICE);
  }

  @Test
  void paidAfterOneReminder() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();

    advanceTo(OVERDUE);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.OVERDUE);
    assertThat(process).hasPassed(InvoiceToCash.Elements.MARK_OVERDUE, InvoiceToCash.Elements.DECIDE_NEXT_STEP)
        .isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    assertThat(timerDue(process)).isEqualTo(localTime(FIRST_RUN, LocalTime.of(6, 0)));

    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE);
    Invoice reminded = reload(invoice);
    assertThat(reminded.status()).isEqualTo(InvoiceStatus.REMINDED);
    assertThat(reminded.feesAmount()).isEqualByComparingTo("60.00");
    assertThat(reminded.openAmount()).isEqualByComparingTo("1310.00");
    assertThat(reminded.payBy()).isEqualTo(LocalDate.of(2026, 4, 25));
    assertThat(reminded.remindersSent()).isEqualTo(1);
    assertThat(mail(invoice, "reminder.1")).isNotNull().contains("reminder-" + invoice.invoiceNumber() + "-1.pdf");

    at(LocalDate.of(2026, 4, 20), LocalTime.NOON);
    pay(invoice, "1310.00");
    assertThat(process).hasPassed(InvoiceToCash.Elements.END_PAID).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void partialPaymentKeepsFollowUpOnTheRest() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();

    pay(invoice, "500.00");
    assertThat(process).hasPassed(InvoiceToCash.Elements.APPLY_PAYMENT).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_DUE_DATE);
    Invoice partly = reload(invoice);
    assertThat(partly.status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(partly.paidAmount()).isEqualByComparingTo("500.00");
    assertThat(partly.openAmount()).isEqualByComparingTo("750.00");

    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    StoredDocument reminder = document(invoice, DocumentKind.REMINDER);
    assertThat(reminder.amountDue()).as("the reminder asks for the rest plus the fee").isEqualByComparingTo("810.00");
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE);

    pay(invoice, "800.00");
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(reload(invoice).openAmount()).isEqualByComparingTo("10.00");
    pay(invoice, "10.00");
    assertThat(process).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void overpaymentIsRecordedAsCreditBalance() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    pay(invoice, "1300.00");
    assertThat(process).isEnded();
    Invoice paid = reload(invoice);
    assertThat(paid.creditBalance()).isEqualByComparingTo("50.00");
    assertThat(invoices.events(paid)).extracting(InvoiceEvent::type).contains(InvoiceEventType.OVERPAYMENT);
  }

  @Test
  void swedishPrivateCustomerWithoutFeeAgreementWalksToTheCollectionAgency() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(reload(invoice).feesAmount()).as("no reminder fee without agreement").isEqualByComparingTo("0");
    assertThat(invoices.events(reload(invoice))).anyMatch(e -> e.type() == InvoiceEventType.FEE_LIMITED
        && e.message().contains("no reminder fee was agreed"));

    advanceTo(LocalDate.of(2026, 4, 26));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    advanceTo(LocalDate.of(2026, 5, 1), LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).as("private customers get a second reminder").isEqualTo(2);
    assertThat(reload(invoice).payBy()).isEqualTo(LocalDate.of(2026, 5, 11));

    advanceTo(LocalDate.of(2026, 5, 12));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE);
    Invoice noticed = reload(invoice);
    assertThat(noticed.status()).isEqualTo(InvoiceStatus.COLLECTION_NOTICE_SENT);
    assertThat(noticed.feesAmount()).as("inkassokrav fee").isEqualByComparingTo("180.00");
    assertThat(noticed.payBy()).as("SE inkassokrav: 10 days").isEqualTo(LocalDate.of(2026, 5, 22));
    assertThat(mail(invoice, "collection-notice.1")).isNotNull();

    advanceTo(LocalDate.of(2026, 5, 23));
    assertThat(process).hasPassed(InvoiceToCash.Elements.HAND_OFF).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.IN_COLLECTION);
    String handOff = mail(invoice, "agency-case.1");
    assertThat(handOff).contains("To: agency@inkasso.example").contains("invoice-" + invoice.invoiceNumber() + ".pdf")
        .contains("agency-case-" + invoice.invoiceNumber() + "-1.pdf");

    // Paid in full after the hand-off: follow-up ends and the agency is told.
    pay(invoice, "1430.00");
    assertThat(process).hasPassed(InvoiceToCash.Elements.CLOSE_AS_PAID)
        .isWaitingAt(InvoiceToCash.Elements.TELL_AGENCY_OF_PAYMENT);
    executeDueJobs();
    assertThat(process).hasPassed(InvoiceToCash.Elements.END_PAID_AFTER_HAND_OFF).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoices.events(reload(invoice))).extracting(InvoiceEvent::type)
        .contains(InvoiceEventType.HANDED_OFF, InvoiceEventType.AGENCY_NOTIFIED, InvoiceEventType.PAID);
  }

  @Test
  void swedishBusinessCustomerGetsOneReminderThenTheNoticeAndTheAgencyClosesTheCase() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).isEqualTo(1);

    advanceTo(LocalDate.of(2026, 4, 26));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE);
    assertThat(reload(invoice).feesAmount()).as("60 reminder fee, no notice fee for businesses")
        .isEqualByComparingTo("60.00");

    advanceTo(LocalDate.of(2026, 5, 7));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY);

    // A partial payment after the hand-off is reported to the agency; follow-up continues.
    pay(invoice, "300.00");
    assertThat(process)
        .isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY, InvoiceToCash.Elements.TELL_AGENCY_OF_PARTIAL_PAYMENT);
    executeDueJobs();
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY);

    collection.reportOutcome(invoice.invoiceNumber(), CollectionOutcome.UNCOLLECTIBLE, "debtor insolvent");
    assertThat(process).hasPassed(InvoiceToCash.Elements.CLOSE_COLLECTION_CASE, InvoiceToCash.Elements.END_CLOSED)
        .isEnded();
    Invoice closed = reload(invoice);
    assertThat(closed.status()).isEqualTo(InvoiceStatus.CLOSED);
    assertThat(invoices.events(closed)).anyMatch(e -> e.type() == InvoiceEventType.COLLECTION_CASE_CLOSED
        && e.message().contains("UNCOLLECTIBLE") && e.message().contains("debtor insolvent"));
  }

  @Test
  void priorityCustomerIsReviewedByACaseHandlerBeforeEachFurtherStep() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, true, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).as("the first reminder goes out as for anyone").isEqualTo(1);

    advanceTo(LocalDate.of(2026, 4, 26));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.REVIEW_DUNNING);
    assertThat(task(process)).hasCandidateGroup("case-handlers");
    var form = taskService().createTaskQuery().taskId(task(process).getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef();
    assertThat(form.getKey()).isEqualTo("review-dunning");
    assertThat(form.getBinding()).isEqualTo("deployment");
    assertThat(taskService().getVariableLocal(task(process).getId(), "openAmount")).isEqualTo("1,310.00 SEK");

    String taskId = task(process).getId();
    assertThatThrownBy(() -> taskService().complete(taskId, withVariables("reviewDecision", "POSTPONE")))
        .hasMessageContaining("postponeDays is required");
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.REVIEW_DUNNING);

    complete(task(process), withVariables("reviewDecision", "POSTPONE", "postponeDays", 10.0,
        "reviewComment", "customer called, salary on the 5th"));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_POSTPONED);
    advanceTo(LocalDate.of(2026, 5, 6));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.REVIEW_DUNNING);

    complete(task(process), withVariables("reviewDecision", "CONTINUE"));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    advanceTo(LocalDate.of(2026, 5, 15), LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).isEqualTo(2);

    advanceTo(LocalDate.of(2026, 5, 26));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.REVIEW_DUNNING);
    complete(task(process), withVariables("reviewDecision", "HAND_OFF", "reviewComment", "no answer"));
    executeDueJobs();
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY);
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.REVIEWED)
        .extracting(InvoiceEvent::message)
        .anySatisfy(m -> assertThat(m).contains("POSTPONE").contains("salary on the 5th"))
        .anySatisfy(m -> assertThat(m).contains("HAND_OFF"));
  }

  @Test
  void paymentWhileAReviewIsOpenEndsTheReview() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.SE, true, true), Currency.SEK);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    advanceTo(LocalDate.of(2026, 4, 26));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.REVIEW_DUNNING);
    pay(invoice, "1310.00");
    assertThat(process).isEnded();
    assertThat(taskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
  }

  @Test
  void norwegianPrivateCustomerRemindedTwiceWithFeesNotBefore14DaysThenInkassovarsel() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.NO, false, false), Currency.NOK,
        LocalDate.of(2026, 4, 5));
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    advanceTo(LocalDate.of(2026, 4, 6));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    assertThat(timerDue(process)).as("not before 14 days after the due date: the run of 15 April is too early")
        .isEqualTo(localTime(LocalDate.of(2026, 5, 1), LocalTime.of(6, 0)));

    advanceTo(LocalDate.of(2026, 5, 1), LocalTime.of(7, 0));
    Invoice first = reload(invoice);
    assertThat(first.feesAmount()).as("purregebyr, no agreement needed in Norway").isEqualByComparingTo("35.00");
    assertThat(first.payBy()).isEqualTo(LocalDate.of(2026, 5, 15));

    advanceTo(LocalDate.of(2026, 5, 16));
    advanceTo(LocalDate.of(2026, 6, 1), LocalTime.of(7, 0));
    Invoice second = reload(invoice);
    assertThat(second.remindersSent()).isEqualTo(2);
    assertThat(second.feesAmount()).isEqualByComparingTo("70.00");

    advanceTo(LocalDate.of(2026, 6, 16));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE);
    Invoice notice = reload(invoice);
    assertThat(notice.payBy()).as("inkassovarsel: at least 14 days").isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(notice.feesAmount()).as("no fee for the inkassovarsel, at most two purregebyr")
        .isEqualByComparingTo("70.00");
    assertThat(notice.paymentReference()).as("the seller is Swedish: OCR").hasSizeGreaterThan(2);

    advanceTo(LocalDate.of(2026, 7, 1));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY);
  }

  @Test
  void feeInAnotherCurrencyThanTheDebtorsIsNotCharged() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.NO, false, true), Currency.EUR);
    ProcessInstance process = processOf(invoice);
    executeDueJobs();
    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(reload(invoice).feesAmount()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(invoices.events(reload(invoice))).anyMatch(e -> e.type() == InvoiceEventType.FEE_LIMITED
        && e.message().contains("the legal fee is in NOK"));
  }

  @Test
  void aRetriedSendProducesTheSameMessage() throws Exception {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    String distribution = runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceDistribution.KEY)
        .processInstanceBusinessKey(invoice.invoiceNumber()).singleResult().getId();
    Job send = management.createJobQuery().processInstanceId(distribution).singleResult();
    assertThat(send).as("sending is asynchronous").isNotNull();
    assertThat(send.getDuedate()).as("ensureJobDueDateNotNull").isNotNull();
    executeDueJobs();
    String first = mail(invoice, "invoice.1");
    // A second attempt (as after a lost commit) writes the same Message-ID, replacing, not adding, the message.
    distributionService.sendByEmail(document(invoice, DocumentKind.INVOICE).id(), 1, false);
    String second = mail(invoice, "invoice.1");
    assertThat(headers(second, "Message-ID", "Subject", "To", "Date")).isEqualTo(headers(first, "Message-ID", "Subject", "To", "Date"));
    assertThat(java.nio.file.Files.list(java.nio.file.Path.of("target/test-outbox"))
        .filter(p -> p.getFileName().toString().startsWith(invoice.invoiceNumber() + "."))).hasSize(1);
  }

  @Autowired io.fordra.distribution.DistributionService distributionService;

  private static List<String> headers(String mail, String... names) {
    return java.util.Arrays.stream(names)
        .map(n -> mail.lines().filter(l -> l.startsWith(n + ":")).findFirst().orElse(n + ": missing"))
        .toList();
  }

  private StoredDocument document(Invoice invoice, DocumentKind kind) {
    return documents.forInvoice(reload(invoice)).stream().filter(d -> d.kind() == kind).reduce((a, b) -> b)
        .orElseThrow();
  }

  private Instant timerDue(ProcessInstance process) {
    Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
    return timer.getDuedate().toInstant();
  }

  private static Instant localTime(LocalDate date, LocalTime time) {
    return LocalDateTime.of(date, time).atZone(ZONE).toInstant();
  }

  private org.camunda.bpm.engine.TaskService taskService() {
    return engine.getTaskService();
  }
}
