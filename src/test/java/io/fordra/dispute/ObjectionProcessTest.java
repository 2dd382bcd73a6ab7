package io.fordra.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.kernel.ConflictException;
import io.fordra.invoice.InvoiceToCash;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Objections in invoice-to-cash (seed 002): every path, with the real delegates and the engine clock. */
@FordraTestContext
class ObjectionProcessTest extends ProcessTestSupport {

  private static final LocalDate OVERDUE = LocalDate.of(2026, 4, 2);
  private static final LocalDate FIRST_RUN = LocalDate.of(2026, 4, 15);

  @Autowired DisputeService disputes;
  @Autowired DocumentService documents;

  @Test
  void wholeAmountDisputedHoldsAllFollowUpWhileTheObjectionIsOpen() throws Exception {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    at(LocalDate.of(2026, 3, 25), LocalTime.of(9, 0));
    object(invoice, null);
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_DUE_DATE, InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    Task respond = taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process);
    assertThat(respond).hasCandidateGroup("case-handlers");
    assertThat(respond.getDueDate().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 8).atTime(23, 59).atZone(ZONE).toInstant());
    assertThat(engine.getTaskService().getVariableLocal(respond.getId(), "disputedAmount")).isEqualTo("1,250.00 SEK");
    // Tasklist's list says which invoice (issue 15, item 9), and the case handlers' shipped filter lists it.
    assertThat(respond.getName())
        .isEqualTo("Respond to objection — " + invoice.invoiceNumber() + ", Svensson & Co, 1\u00a0250,00 SEK");
    String caseHandlers = engine.getFilterService().createFilterQuery()
        .filterName("Case handlers — open tasks by due date").singleResult().getId();
    assertThat(engine.getFilterService().<Task>list(caseHandlers)).extracting(Task::getId).contains(respond.getId());
    assertThat(reload(invoice).disputedAmount()).isEqualByComparingTo("1250.00");

    // Past the due date: overdue, but no reminder is even scheduled while the whole amount is disputed.
    advanceTo(OVERDUE);
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_WHILE_ON_HOLD, InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.OVERDUE);

    // Answered (rejected): the hold ends at once and follow-up goes on; only disputed money is left.
    complete(taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process),
        withVariables("objectionDecision", "REJECT", "replyText", "The claim stands."));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.DECIDE_DISPUTED_CLAIM, InvoiceToCash.Elements.SEND_OBJECTION_REPLY);
    Task decide = taskAt(InvoiceToCash.Elements.DECIDE_DISPUTED_CLAIM, process);
    assertThat(decide.getName())
        .isEqualTo("Decide disputed claim — " + invoice.invoiceNumber() + ", Svensson & Co, 1\u00a0250,00 SEK");
    // Created Thursday 2 April 2026; Good Friday and Easter Monday are not working days: 5 working days is 13 April.
    assertThat(decide.getDueDate().toInstant())
        .isEqualTo(LocalDate.of(2026, 4, 13).atTime(23, 59).atZone(ZONE).toInstant());
  }

  @Test
  void wholeDisputeRejectedThenTheClaimIsDecidedNotCollected() throws Exception {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, null);
    complete(taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process), withVariables(
        "objectionDecision", "REJECT", "replyText", "The delivery was complete and accepted on 2 March."));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.SEND_OBJECTION_REPLY);
    executeDueJobs();
    assertThat(mail(invoice, "objection-reply." + disputeId(invoice))).contains("2 March");
    // The claim stands: the reply says what to pay, by when, where and with which reference (issue 15, item 11).
    assertThat(mailText(invoice, "objection-reply." + disputeId(invoice)))
        .contains("Att betala: 1\u00a0250,00 SEK senast 1 april 2026")
        .contains("till bankgiro 5050-1055 med OCR " + invoice.paymentReference())
        .contains("The delivery was complete and accepted on 2 March.");
    assertThat(disputes.latestFor(reload(invoice)).orElseThrow().status()).isEqualTo("REJECTED");

    advanceTo(OVERDUE);
    assertThat(process).as("a rejected objection on everything owed may not go to normal collection")
        .isWaitingAt(InvoiceToCash.Elements.DECIDE_DISPUTED_CLAIM);
    assertThatThrownBy(() -> engine.getTaskService().complete(task(process).getId(),
        withVariables("disputedClaimDecision", "CONCILIATION_BOARD"))).hasMessageContaining("decisionComment is required");
    complete(task(process), withVariables("disputedClaimDecision", "CONCILIATION_BOARD",
        "decisionComment", "Customer keeps disputing; forliksrådet decides"));
    assertThat(process).hasPassed(InvoiceToCash.Elements.END_CLAIM_DECIDED, InvoiceToCash.Elements.END_CLOSED)
        .isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.CLOSED);
    assertThat(disputes.latestFor(reload(invoice)).orElseThrow().status()).isEqualTo("CONCILIATION_BOARD");
    assertThat(documents.forInvoice(reload(invoice))).extracting(StoredDocument::kind)
        .contains(DocumentKind.CONCILIATION_CASE);
    assertThat(engine.getTaskService().getProcessInstanceComments(process.getId()))
        .extracting(org.camunda.bpm.engine.task.Comment::getFullMessage)
        .contains("REJECT: The delivery was complete and accepted on 2 March.",
            "CONCILIATION_BOARD: Customer keeps disputing; forliksrådet decides");
    assertThat(invoices.events(reload(invoice))).extracting(InvoiceEvent::type)
        .contains(InvoiceEventType.OBJECTION_RAISED, InvoiceEventType.OBJECTION_ANSWERED,
            InvoiceEventType.CONCILIATION_BOARD);
  }

  @Test
  void rejectedClaimCanBeClosedInstead() {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, null);
    complete(taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process),
        withVariables("objectionDecision", "REJECT", "replyText", "The claim stands."));
    executeDueJobs();
    advanceTo(OVERDUE);
    complete(task(process), withVariables("disputedClaimDecision", "CLOSE", "decisionComment", "too small to pursue"));
    assertThat(process).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.CLOSED);
    assertThat(disputes.latestFor(reload(invoice)).orElseThrow().status()).isEqualTo("CLOSED");
  }

  @Test
  void partlyDisputedInvoiceIsRemindedForTheUndisputedRestOnly() {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    at(LocalDate.of(2026, 4, 10), LocalTime.of(9, 0));
    advanceTo(LocalDate.of(2026, 4, 10));
    object(invoice, "250.00");
    assertThat(reload(invoice).undisputedAmount()).isEqualByComparingTo("1000.00");
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE,
        InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    StoredDocument reminder = documents.forInvoice(reload(invoice)).stream()
        .filter(d -> d.kind() == DocumentKind.REMINDER).findFirst().orElseThrow();
    assertThat(reminder.amountDue()).as("undisputed 1 000 + 60 fee").isEqualByComparingTo("1060.00");

    // Unanswered by the deadline: the disputed part is no longer followed up, the rest is.
    advanceTo(LocalDate.of(2026, 4, 26));
    assertThat(disputes.latestFor(reload(invoice)).orElseThrow().status()).isEqualTo("CLOSED_NO_RESPONSE");
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    advanceTo(LocalDate.of(2026, 5, 1), LocalTime.of(7, 0));
    StoredDocument second = documents.forInvoice(reload(invoice)).stream()
        .filter(d -> d.kind() == DocumentKind.REMINDER && d.sequenceNumber() == 2).findFirst().orElseThrow();
    assertThat(second.amountDue()).isEqualByComparingTo("1060.00");
  }

  @Test
  void nudgesGoOutOnScheduleWithoutEndingTheTaskAndTheDeadlineClosesTheCase() throws Exception {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, null);
    long id = disputeId(invoice);

    advanceTo(LocalDate.of(2026, 3, 12));
    assertThat(mail(invoice, "objection-nudge." + id + ".1")).as("not before 3 days").isNull();
    advanceTo(LocalDate.of(2026, 3, 13), LocalTime.of(10, 0));
    assertThat(mail(invoice, "objection-nudge." + id + ".1")).contains("To: kundreskontra@exempelbolaget.se");
    // Staff read it in the seller's language and formats, and go to the task from it (issue 15, item 11).
    String taskId = taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process).getId();
    assertThat(mailText(invoice, "objection-nudge." + id + ".1"))
        .contains("Invändningen mot faktura " + invoice.invoiceNumber() + " från Svensson & Co (1\u00a0250,00 SEK), "
            + "mottagen 10 mars 2026")
        .contains("senast 24 mars 2026")
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + taskId)
        .doesNotContain("Respond to objection", "T09:", "1,250.00");
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    advanceTo(LocalDate.of(2026, 3, 15), LocalTime.of(10, 0));
    assertThat(mail(invoice, "objection-nudge." + id + ".2")).isNotNull();
    assertThat(mail(invoice, "objection-nudge." + id + ".3")).isNull();
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION);

    for (int day = 16; day <= 23; day++) {
      advanceTo(LocalDate.of(2026, 3, day), LocalTime.of(10, 0));
    }
    assertThat(mail(invoice, "objection-nudge." + id + ".6")).as("13, 15, 17, 19, 21 and 23 March").isNotNull();
    assertThat(mail(invoice, "objection-nudge." + id + ".7")).isNull();
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    advanceTo(LocalDate.of(2026, 3, 25), LocalTime.of(1, 0));
    assertThat(process).hasPassed(InvoiceToCash.Elements.CLOSE_OBJECTION_NO_RESPONSE,
        InvoiceToCash.Elements.END_CLOSED_DISPUTED).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.CLOSED);
    assertThat(disputes.latestFor(reload(invoice)).orElseThrow().status()).isEqualTo("CLOSED_NO_RESPONSE");
  }

  @Test
  void acceptedInFullCreditsTheInvoiceAndEndsFollowUp() throws Exception {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, null);
    complete(taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process),
        withVariables("objectionDecision", "ACCEPT_FULL", "replyText", "You are right, we credit the invoice."));
    executeDueJobs();
    assertThat(process).hasPassed(InvoiceToCash.Elements.CLOSE_AS_CREDITED, InvoiceToCash.Elements.END_CREDITED)
        .isEnded();
    Invoice credited = reload(invoice);
    assertThat(credited.status()).isEqualTo(InvoiceStatus.CREDITED);
    assertThat(credited.creditedAmount()).isEqualByComparingTo("1250.00");
    assertThat(credited.openAmount()).isEqualByComparingTo("0");
    assertThat(mail(invoice, "objection-reply." + disputeId(invoice))).contains("You are right");
  }

  @Test
  void acceptedInPartCreditsThatAmountAndFollowUpGoesOnWithTheRest() {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, null);
    String taskId = taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("objectionDecision",
        "ACCEPT_PARTIAL", "creditAmount", 1250.0, "replyText", "x"))).hasMessageContaining("less than the disputed");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("objectionDecision",
        "ACCEPT_PARTIAL", "creditAmount", 100.0))).hasMessageContaining("replyText is required");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables("objectionDecision",
        "REJECT", "creditAmount", 100.0, "replyText", "x"))).hasMessageContaining("creditAmount is not asked for");
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION);

    complete(taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process), withVariables("objectionDecision",
        "ACCEPT_PARTIAL", "creditAmount", 250.0, "replyText", "We credit the damaged part."));
    executeDueJobs();
    Invoice rest = reload(invoice);
    assertThat(rest.creditedAmount()).isEqualByComparingTo("250.00");
    assertThat(rest.openAmount()).isEqualByComparingTo("1000.00");
    assertThat(rest.disputedAmount()).isEqualByComparingTo("0");
    // The model routes the credit in part to its credit note: no InvoiceCredited back into this instance.
    assertThat(process).as("the credit in part is sent as a credit note").hasPassed(
        InvoiceToCash.Elements.SEND_OBJECTION_CREDIT_NOTE, InvoiceToCash.Elements.END_OBJECTION_CREDIT_NOTE_SENT)
        .hasNotPassed(InvoiceToCash.Elements.SEND_CREDIT_NOTE);
    try {
      assertThat(mail(invoice, "credit-note.1")).contains("credit-note-" + invoice.invoiceNumber() + "-1.pdf");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).isEqualTo(1);
    assertThat(reload(invoice).openAmount()).isEqualByComparingTo("1060.00");
  }

  @Test
  void withdrawalResumesFollowUpOnTheWholeAmount() {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    at(LocalDate.of(2026, 3, 25), LocalTime.of(9, 0));
    object(invoice, null);
    advanceTo(OVERDUE);
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_WHILE_ON_HOLD);
    disputes.withdraw(invoice.invoiceNumber());
    assertThat(process).hasPassed(InvoiceToCash.Elements.END_OBJECTION_WITHDRAWN)
        .isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    assertThat(reload(invoice).disputedAmount()).isEqualByComparingTo("0");
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    assertThat(reload(invoice).remindersSent()).isEqualTo(1);
    assertThat(reload(invoice).openAmount()).isEqualByComparingTo("1310.00");
    assertThat(disputes.latestFor(reload(invoice)).orElseThrow().status()).isEqualTo("WITHDRAWN");
  }

  @Test
  void objectionAfterTheHandOffTellsTheAgencyAndUnansweredCostsTheWithdrawalFee() throws Exception {
    Invoice invoice = handedOffInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, null);
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.TELL_AGENCY_OF_OBJECTION);
    executeDueJobs();
    assertThat(mail(invoice, "agency-objection." + disputeId(invoice))).contains("To: agency@inkasso.example");
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY, InvoiceToCash.Elements.RESPOND_TO_OBJECTION);

    advanceTo(LocalDate.of(2026, 6, 30));
    assertThat(process).isEnded();
    assertThat(mail(invoice, "agency-objection-closed." + disputeId(invoice))).isNotNull();
    assertThat(invoices.events(reload(invoice))).anyMatch(e -> e.type() == InvoiceEventType.WITHDRAWAL_FEE
        && e.message().contains("250.00"));
  }

  @Test
  void objectionAfterTheHandOffAnsweredWithARejection() throws Exception {
    Invoice invoice = handedOffInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, null);
    executeDueJobs();
    complete(taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process),
        withVariables("objectionDecision", "REJECT", "replyText", "The claim stands."));
    executeDueJobs();
    assertThat(process).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY);
    assertThat(mail(invoice, "objection-reply." + disputeId(invoice))).isNotNull();
  }

  @Test
  void objectionAfterTheHandOffAcceptedInFullTellsTheAgencyToClose() throws Exception {
    Invoice invoice = handedOffInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, null);
    executeDueJobs();
    complete(taskAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION, process),
        withVariables("objectionDecision", "ACCEPT_FULL", "replyText", "You are right."));
    executeDueJobs();
    assertThat(process).hasPassed(InvoiceToCash.Elements.CLOSE_AS_CREDITED,
        InvoiceToCash.Elements.TELL_AGENCY_OF_CREDIT, InvoiceToCash.Elements.END_CREDITED_AGENCY_TOLD).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.CREDITED);
    assertThat(mail(invoice, "agency-credited")).contains("To: agency@inkasso.example");
  }

  @Test
  void paymentThatSettlesTheInvoiceEndsTheObjection() {
    Invoice invoice = sentInvoice();
    ProcessInstance process = processOf(invoice);
    object(invoice, "100.00");
    pay(invoice, "1250.00");
    assertThat(process).isEnded();
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(disputes.latestFor(reload(invoice)).orElseThrow().status()).isEqualTo("CLOSED");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
  }

  @Test
  void noObjectionToAPaidInvoiceAndOnlyOneOpenAtATime() {
    Invoice invoice = sentInvoice();
    object(invoice, "100.00");
    assertThatThrownBy(() -> object(invoice, "50.00")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("already has an open objection");
    pay(invoice, "1250.00");
    assertThatThrownBy(() -> object(invoice, null)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("is PAID");
  }

  private Invoice sentInvoice() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    at(LocalDate.of(2026, 3, 10), LocalTime.of(9, 0));
    return reload(invoice);
  }

  /** Business SE: one reminder, notice, then the agency on 7 May. */
  private Invoice handedOffInvoice() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    advanceTo(OVERDUE);
    advanceTo(FIRST_RUN, LocalTime.of(7, 0));
    advanceTo(LocalDate.of(2026, 4, 26));
    advanceTo(LocalDate.of(2026, 5, 7));
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.IN_COLLECTION);
    return reload(invoice);
  }

  private void object(Invoice invoice, String amount) {
    disputes.raise(invoice.invoiceNumber(), new ObjectionRequest(amount == null ? null : new BigDecimal(amount),
        "The goods arrived damaged", RaisedBy.CUSTOMER, null));
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private long disputeId(Invoice invoice) {
    return jdbc.sql("SELECT MAX(id) FROM fordra_dispute WHERE invoice_id = ?").param(invoice.id())
        .query(Long.class).single();
  }

  /** The text of the mail as a person reads it (decoded from the .eml in the outbox). */
  private String mailText(Invoice invoice, String step) throws Exception {
    assertThat(mail(invoice, step)).as(step).isNotNull();
    byte[] eml = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("target/test-outbox",
        invoice.invoiceNumber() + "." + step + "@fordra.exempelbolaget.se.eml"));
    jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
        jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(eml));
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
    return message.getSubject() + "\n" + parts.getBodyPart(0).getContent();
  }

  private Task taskAt(String key, ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key)
        .singleResult();
  }
}
