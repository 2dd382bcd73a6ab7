package io.fordra.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.payment.PaymentRequest;
import io.fordra.payment.PaymentResult;
import io.fordra.payment.file.PaymentFileService;
import io.fordra.payment.file.PaymentFileSummary;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * month-end-close end to end: a clean month ends without a task; a planted difference (an invoice's paid amount, a
 * bank line, a payment file's total) is listed exactly and goes to finance, whose answer needs a comment and is
 * recorded; the monthly timer waits for the first working day. Each test that plants a difference undoes it.
 */
@FordraTestContext
class MonthEndCloseTest extends ProcessTestSupport {

  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired PaymentFileService paymentFiles;

  /**
   * The months closed here are reopened afterwards: a closed month moves the bookings of every test sharing this
   * database to the first open day.
   */
  @org.junit.jupiter.api.AfterEach
  void reopenTheMonthsClosedHere() {
    jdbc.sql("UPDATE fordra_month_end_close SET status = 'REOPENED', reopened_by = 'MonthEndCloseTest', "
        + "reopened_at = CURRENT_TIMESTAMP, reopen_reason = 'test isolation' WHERE reopened_at IS NULL").update();
  }

  @Test
  void aMonthWithoutDifferencesIsClosedWithoutATask() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    payOn(invoice, "250.00", LocalDate.of(2030, 1, 15));
    payOn(invoice, "100.00", LocalDate.of(2030, 1, 31));
    at(LocalDate.of(2030, 2, 4), LocalTime.of(8, 0));

    ResponseEntity<JsonNode> started = post("{\"period\": \"2030-01\"}");
    assertThat(started.getStatusCode().value()).isEqualTo(201);
    JsonNode close = started.getBody();
    long id = close.get("id").asLong();
    assertThat(started.getHeaders().getLocation()).hasToString("/api/month-end-closes/" + id);
    assertThat(close.get("period").asText()).isEqualTo("2030-01");
    assertThat(close.get("status").asText()).isEqualTo("NO_DIFFERENCES");
    assertThat(close.get("differenceCount").asInt()).isZero();
    assertThat(close.get("differences")).isEmpty();
    assertThat(close.get("agingDate").asText()).as("as of the period's end").isEqualTo("2030-01-31");
    assertThat(close.get("closedAt").isNull()).isFalse();
    assertThat(close.get("startedBy").asText()).isEqualTo("admin");
    JsonNode sek = figures(close, "SEK");
    assertThat(sek.get("paymentsReceived").decimalValue()).as("only this test pays in January 2030")
        .isEqualByComparingTo("350.00");
    assertThat(sek.get("bankMovements").decimalValue()).isEqualByComparingTo("350.00");
    assertThat(sek.get("ledgerReceivables").decimalValue())
        .isEqualByComparingTo(sek.get("openInvoices").decimalValue());
    assertThat(sek.get("agingTotal").decimalValue())
        .isEqualByComparingTo(sek.get("ledgerReceivablesAtPeriodEnd").decimalValue());
    assertThat(sek.get("ledgerReceivables").decimalValue()).as("the open 900.00 of this test's invoice is in it")
        .isGreaterThanOrEqualTo(new BigDecimal("900.00"));

    assertThat(instanceOf(close)).as("ended").isNull();
    assertThat(history(close).getEndTime()).isNotNull();
    assertThat(history(close).getBusinessKey()).isEqualTo("month-end-close-2030-01");
    assertThat(passed(close)).contains(MonthEndClose.Elements.START_BY_HAND, MonthEndClose.Elements.RECONCILE,
        MonthEndClose.Elements.RECORD_CLOSE, MonthEndClose.Elements.END).doesNotContain(MonthEndClose.Elements.REVIEW);

    JsonNode listed = api().get().uri("/api/month-end-closes?period=2030-01").retrieve().body(JsonNode.class);
    assertThat(listed).extracting(c -> c.get("id").asLong()).contains(id);
    assertThat(listed).allSatisfy(c -> assertThat(c.get("period").asText()).isEqualTo("2030-01"));
  }

  @Test
  void aPlantedInvoiceDifferenceIsListedAndGoesToFinance_whoMustComment() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    payOn(invoice, "250.00", LocalDate.of(2030, 2, 10));
    at(LocalDate.of(2030, 3, 4), LocalTime.of(8, 0));
    // The invoice says 100.00 more was paid than the ledger knows of.
    jdbc.sql("UPDATE fordra_invoice SET paid_amount = paid_amount + 100 WHERE id = ?").param(invoice.id()).update();
    try {
      ResponseEntity<JsonNode> started = post("{\"period\": \"2030-02\"}");
      assertThat(started.getStatusCode().value()).isEqualTo(201);
      JsonNode close = started.getBody();
      long id = close.get("id").asLong();
      assertThat(close.get("status").asText()).isEqualTo("DIFFERENCES");
      List<JsonNode> differences = list(close.get("differences"));
      assertThat(differences).extracting(d -> d.get("check").asText())
          .containsExactlyInAnyOrder("RECEIVABLES_TOTAL", "INVOICE_BALANCE", "AGING_TOTAL");
      assertThat(close.get("differenceCount").asInt()).isEqualTo(3);
      JsonNode invoiceDifference = only(differences, "INVOICE_BALANCE");
      assertThat(invoiceDifference.get("subject").asText()).isEqualTo(invoice.invoiceNumber());
      assertThat(invoiceDifference.get("ledger").decimalValue()).isEqualByComparingTo("1000.00");
      assertThat(invoiceDifference.get("other").decimalValue()).isEqualByComparingTo("900.00");
      assertThat(invoiceDifference.get("difference").decimalValue()).isEqualByComparingTo("100.00");
      assertThat(only(differences, "RECEIVABLES_TOTAL").get("difference").decimalValue())
          .isEqualByComparingTo("100.00");
      assertThat(only(differences, "AGING_TOTAL").get("difference").decimalValue()).isEqualByComparingTo("100.00");
      assertThat(only(differences, "RECEIVABLES_TOTAL").get("currency").asText()).isEqualTo("SEK");

      ProcessInstance instance = instanceOf(close);
      assertThat(instance).isWaitingAt(MonthEndClose.Elements.REVIEW);
      Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(task.getName()).isEqualTo("Review reconciliation differences — " + close.get("period").asText() + ", 3 differences");
      assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("finance").count()).isOne();
      assertThat((String) tasks.getVariableLocal(task.getId(), MonthEndClose.DIFFERENCES_TEXT.name()))
          .contains("Invoice " + invoice.invoiceNumber() + ": receivables balance 1000.00, open amount 900.00");
      assertThat((String) tasks.getVariableLocal(task.getId(), MonthEndClose.FIGURES_TEXT.name()))
          .contains("SEK").contains("Receivables account at 2030-02-28");
      assertThat(tasks.getVariable(task.getId(), MonthEndClose.PERIOD.name())).isEqualTo("2030-02");
      assertThat(task.getDescription()).contains("3 reconciliation differences in 2030-02");

      // No comment, or no decision: refused with the reason, nothing recorded, the task stays.
      assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(MonthEndClose.DECISION.name(), "ACCEPTED",
          MonthEndClose.COMMENT.name(), "  ")))
          .hasMessageContaining("A comment is required: explain the differences, or say what must be corrected");
      assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(MonthEndClose.COMMENT.name(), "checked")))
          .hasMessageContaining(MonthEndClose.DECISION.name() + " is required");
      assertThat(instance).isWaitingAt(MonthEndClose.Elements.REVIEW);
      assertThat(get(id).get("decidedBy").isNull()).isTrue();
      assertThat(get(id).get("status").asText()).isEqualTo("DIFFERENCES");

      tasks.setAssignee(task.getId(), "eva.ek");
      tasks.complete(task.getId(), Map.of(MonthEndClose.DECISION.name(), "CORRECTION_NEEDED",
          MonthEndClose.COMMENT.name(), "Paid amount of " + invoice.invoiceNumber() + " was changed by hand"));
      assertThat(instance).isEnded().hasPassed(MonthEndClose.Elements.REVIEW, MonthEndClose.Elements.RECORD_CLOSE);
      JsonNode reviewed = get(id);
      assertThat(reviewed.get("status").asText()).isEqualTo("REVIEWED");
      assertThat(reviewed.get("decidedBy").asText()).isEqualTo("eva.ek");
      assertThat(reviewed.get("decision").asText()).isEqualTo("CORRECTION_NEEDED");
      assertThat(reviewed.get("comment").asText()).isEqualTo("Paid amount of " + invoice.invoiceNumber()
          + " was changed by hand");
      assertThat(reviewed.get("decidedAt").isNull()).isFalse();
      assertThat(reviewed.get("closedAt").isNull()).isFalse();
      assertThat(engine.getTaskService().getProcessInstanceComments(instance.getId()))
          .extracting(c -> c.getFullMessage()).anySatisfy(m -> assertThat(m).startsWith("CORRECTION_NEEDED: "));
    } finally {
      jdbc.sql("UPDATE fordra_invoice SET paid_amount = paid_amount - 100 WHERE id = ?").param(invoice.id()).update();
    }
  }

  @Test
  void aMissingBankLineIsListedAsThatPaymentAndAnUnbalancedEntry() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    PaymentResult paid = payOn(invoice, "300.00", LocalDate.of(2030, 3, 20));
    at(LocalDate.of(2030, 4, 2), LocalTime.of(8, 0));
    Map<String, Object> bankLine = jdbc.sql("""
        SELECT l.entry_id, l.line_number, l.account, l.amount FROM fordra_ledger_line l
        JOIN fordra_ledger_entry e ON e.id = l.entry_id WHERE e.payment_id = ? AND l.account = '1930'""")
        .param(paid.paymentId()).query().singleRow();
    long entryId = ((Number) bankLine.get("entry_id")).longValue();
    jdbc.sql("DELETE FROM fordra_ledger_line WHERE entry_id = ? AND line_number = ?")
        .params(entryId, bankLine.get("line_number")).update();
    try {
      JsonNode close = post("{\"period\": \"2030-03\"}").getBody();
      assertThat(close.get("status").asText()).isEqualTo("DIFFERENCES");
      List<JsonNode> differences = list(close.get("differences"));
      assertThat(differences).extracting(d -> d.get("check").asText())
          .containsExactlyInAnyOrder("PAYMENT_NOT_BOOKED", "BANK_TOTAL", "UNBALANCED_ENTRY");
      JsonNode payment = only(differences, "PAYMENT_NOT_BOOKED");
      assertThat(payment.get("subject").asText()).isEqualTo("payment " + paid.paymentId());
      assertThat(payment.get("ledger").decimalValue()).isEqualByComparingTo("0.00");
      assertThat(payment.get("other").decimalValue()).isEqualByComparingTo("300.00");
      JsonNode bank = only(differences, "BANK_TOTAL");
      assertThat(bank.get("ledger").decimalValue()).isEqualByComparingTo("0.00");
      assertThat(bank.get("other").decimalValue()).isEqualByComparingTo("300.00");
      JsonNode entry = only(differences, "UNBALANCED_ENTRY");
      assertThat(entry.get("subject").asText()).isEqualTo("entry " + entryId);
      assertThat(entry.get("ledger").decimalValue()).isEqualByComparingTo("-300.00");
      finishReview(close);
    } finally {
      jdbc.sql("INSERT INTO fordra_ledger_line (entry_id, line_number, account, amount) VALUES (?, ?, ?, ?)")
          .params(entryId, bankLine.get("line_number"), bankLine.get("account"), bankLine.get("amount")).update();
    }
  }

  @Test
  void aPaymentFileWhoseTotalIsNotWhatWasStoredIsListed() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    at(LocalDate.of(2030, 4, 15), LocalTime.of(10, 0));
    String serial = String.valueOf(System.nanoTime() % 1_000_000_000_000L);
    PaymentFileSummary received = paymentFiles.receive("BGMAX-20300415.txt",
        bgMax(invoice.paymentReference(), "400.00", serial, "20300415"));
    ProcessInstance importing = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey("payment-file-" + received.id()).singleResult();
    for (Job job; (job = management.createJobQuery().processInstanceId(importing.getId()).executable()
        .singleResult()) != null; ) {
      management.executeJob(job.getId());
    }
    assertThat(paymentFiles.summary(received.id()).status()).isEqualTo(PaymentFileSummary.Status.DONE);
    at(LocalDate.of(2030, 5, 2), LocalTime.of(8, 0));
    assertThat(post("{\"period\": \"2030-04\"}").getBody().get("status").asText()).as("the file as received")
        .isEqualTo("NO_DIFFERENCES");

    jdbc.sql("UPDATE fordra_payment_file SET total_amount = total_amount + 10 WHERE id = ?").param(received.id())
        .update();
    try {
      JsonNode close = post("{\"period\": \"2030-04\"}").getBody();
      assertThat(close.get("differenceCount").asInt()).isOne();
      JsonNode file = only(list(close.get("differences")), "PAYMENT_FILE");
      assertThat(file.get("subject").asText()).isEqualTo("payment file " + received.id());
      assertThat(file.get("ledger").decimalValue()).isEqualByComparingTo("400.00");
      assertThat(file.get("other").decimalValue()).isEqualByComparingTo("410.00");
      assertThat(file.get("description").asText()).contains("BGMAX-20300415.txt");
      assertThat(figures(close, "SEK").get("paymentsReceived").decimalValue()).isEqualByComparingTo("400.00");
      finishReview(close);
    } finally {
      jdbc.sql("UPDATE fordra_payment_file SET total_amount = total_amount - 10 WHERE id = ?").param(received.id())
          .update();
    }
  }

  @Test
  void theMonthlyTimerWaitsForTheFirstWorkingDay() {
    Job start = management.createJobQuery().processDefinitionKey(MonthEndClose.KEY).timers().list().stream()
        .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    at(LocalDate.of(2026, 4, 30), LocalTime.of(12, 0));
    management.recalculateJobDuedate(start.getId(), false);
    // The cron in the model is read in the server's time zone.
    Date firstAtFive = serverTime(LocalDate.of(2026, 5, 1), LocalTime.of(5, 0));
    assertThat(job(start.getId()).getDuedate()).isEqualTo(firstAtFive);

    // Friday 1 May 2026 is May Day; the close waits over the weekend until Monday 4 May, the same time of day.
    Set<String> before = instanceIds();
    ClockUtil.setCurrentTime(firstAtFive);
    management.executeJob(start.getId());
    List<String> started = new ArrayList<>(instanceIds());
    started.removeAll(before);
    assertThat(started).hasSize(1);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(started.get(0)).singleResult();
    assertThat(instance).isWaitingAt(MonthEndClose.Elements.WAIT_FIRST_WORKING_DAY);
    Job wait = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    Date mondayAtFive = serverTime(LocalDate.of(2026, 5, 4), LocalTime.of(5, 0));
    assertThat(wait.getDuedate()).isEqualTo(mondayAtFive);
    Job next = management.createJobQuery().processDefinitionKey(MonthEndClose.KEY).timers().list().stream()
        .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    assertThat(next.getDuedate()).as("the next month's start")
        .isEqualTo(serverTime(LocalDate.of(2026, 6, 1), LocalTime.of(5, 0)));

    ClockUtil.setCurrentTime(new Date(mondayAtFive.getTime() - 60_000));
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
    ClockUtil.setCurrentTime(mondayAtFive);
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).executable().count()).isOne();
    management.executeJob(wait.getId());
    assertThat(instance).hasPassed(MonthEndClose.Elements.WAIT_FIRST_WORKING_DAY, MonthEndClose.Elements.RECONCILE);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey()).isEqualTo("month-end-close-2026-04");
    JsonNode close = list(api().get().uri("/api/month-end-closes?period=2026-04").retrieve().body(JsonNode.class))
        .stream().filter(c -> instance.getId().equals(c.get("processInstanceId").asText())).findFirst().orElseThrow();
    assertThat(close.get("startedBy").asText()).isEqualTo("timer");
    assertThat(close.get("agingDate").asText()).isEqualTo("2026-04-30");
    assertThat(close.get("status").asText()).isIn("NO_DIFFERENCES", "DIFFERENCES");
    if (close.get("status").asText().equals("DIFFERENCES")) {
      finishReview(close);
    }
    assertThat(instance).isEnded();
  }

  @Test
  void aPeriodThatIsNotAMonthOrInTheFutureIsRefused() {
    at(LocalDate.of(2030, 6, 10), LocalTime.of(8, 0));
    ResponseEntity<JsonNode> bad = post("{\"period\": \"2030-13\"}");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().toString()).contains("period").contains("YYYY-MM");
    ResponseEntity<JsonNode> future = post("{\"period\": \"2030-07\"}");
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody().toString()).contains("must not be after the current month");
    assertThat(api().get().uri("/api/month-end-closes/999999999").retrieve().onStatus(s -> true, (q, r) -> { })
        .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);

    // No period: the previous month.
    JsonNode close = post("{}").getBody();
    assertThat(close.get("period").asText()).isEqualTo("2030-05");
    if (close.get("status").asText().equals("DIFFERENCES")) {
      finishReview(close);
    }
  }

  private void finishReview(JsonNode close) {
    Task task = tasks.createTaskQuery().processInstanceId(close.get("processInstanceId").asText()).singleResult();
    tasks.complete(task.getId(), Map.of(MonthEndClose.DECISION.name(), "ACCEPTED",
        MonthEndClose.COMMENT.name(), "Planted by a test"));
  }

  private PaymentResult payOn(Invoice invoice, String amount, LocalDate paidAt) {
    return payments.register(new PaymentRequest(invoice.paymentReference(), null, new BigDecimal(amount),
        invoice.currency(), paidAt, "CLOSE-" + UUID.randomUUID()));
  }

  private ResponseEntity<JsonNode> post(String body) {
    return api().post().uri("/api/month-end-closes").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(body).retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(JsonNode.class);
  }

  private JsonNode get(long id) {
    return api().get().uri("/api/month-end-closes/" + id).retrieve().body(JsonNode.class);
  }

  /** The close's process instance while it runs. */
  private ProcessInstance instanceOf(JsonNode close) {
    return runtime.createProcessInstanceQuery().processInstanceId(close.get("processInstanceId").asText())
        .singleResult();
  }

  /** The activities a (possibly ended) close's process instance passed, from the history. */
  private List<String> passed(JsonNode close) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(close.get("processInstanceId").asText()).finished().list().stream()
        .map(a -> a.getActivityId()).toList();
  }

  private org.camunda.bpm.engine.history.HistoricProcessInstance history(JsonNode close) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(close.get("processInstanceId").asText()).singleResult();
  }

  private Job job(String id) {
    return management.createJobQuery().jobId(id).singleResult();
  }

  private Set<String> instanceIds() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(MonthEndClose.KEY).list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toSet());
  }

  private static Date serverTime(LocalDate date, LocalTime time) {
    return Date.from(date.atTime(time).atZone(java.time.ZoneId.systemDefault()).toInstant());
  }

  private static JsonNode figures(JsonNode close, String currency) {
    return list(close.get("figures")).stream().filter(f -> currency.equals(f.get("currency").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no figures in " + currency + ": " + close));
  }

  private static JsonNode only(List<JsonNode> differences, String check) {
    List<JsonNode> of = differences.stream().filter(d -> check.equals(d.get("check").asText())).toList();
    assertThat(of).as(check + " in " + differences).hasSize(1);
    return of.get(0);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  /** A BgMax file (Bankgirot's 80-character records) with one payment to bankgiro 5050-1055. */
  private static byte[] bgMax(String reference, String amount, String serial, String date) {
    List<String> all = new ArrayList<>();
    all.add(record("01" + left("BGMAX", 20) + "01" + date + "120000000000" + "P"));
    all.add(record("05" + "0050501055" + left("", 10) + "SEK"));
    all.add(record("20" + "0012345678" + left(reference, 25) + ore(amount) + "2" + "1" + left(serial, 12) + "0"));
    all.add(record("15" + "0".repeat(35) + date + "00001" + ore(amount) + "SEK" + "%08d".formatted(1)));
    all.add(record("70" + "%08d".formatted(1) + "%08d".formatted(0) + "%08d".formatted(0) + "%08d".formatted(1)));
    return (String.join("\r\n", all) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String ore(String amount) {
    return "%018d".formatted(new BigDecimal(amount).movePointRight(2).longValueExact());
  }

  private static String left(String s, int width) {
    return (s + " ".repeat(width)).substring(0, width);
  }

  private static String record(String s) {
    return left(s, 80);
  }
}
