package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Bank files (BgMax, camt.054) through POST /api/payment-files, the inbox and the payment-file-import process:
 * matched, split, duplicates, malformed files, Match payment. Run on H2 and on PostgreSQL.
 */
abstract class PaymentFileImportScenario extends ProcessTestSupport {

  /** The properties both databases run the scenario with. */
  static final String CHUNK = "fordra.payments.import-chunk=2";
  static final String INBOX = "fordra.payments.inbox=target/payments-inbox-test";
  static final String NO_POLLING = "fordra.payments.inbox-cron=-";

  @Autowired PaymentService paymentService;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired io.fordra.ledger.LedgerAccounts ledgerAccounts;
  RestClient api;

  @BeforeEach
  void client() {
    api = api();
  }

  @Test
  void aBgMaxFileIsMatchedByReferenceTextAndSplit_unmatchedIsKept_theSameFileTwiceBooksNothingTwice() {
    Invoice a = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    Invoice b = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, false), Currency.SEK);
    Invoice c = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, false), Currency.SEK);
    Invoice d = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();

    byte[] file = new BgMax()
        .payment(a.paymentReference(), "1250.00", "000000000101", '2')
        .payment(b.paymentReference() + " " + c.paymentReference(), "2000.00", "000000000102", '3')
        .extraReference(b.paymentReference(), "000000000102")
        .extraReference(c.paymentReference(), "000000000102")
        .payment("", "300.00", "000000000103", '1').info("Betalning avser faktura " + d.invoiceNumber() + ".")
        .payment("99999999999", "410.00", "000000000104", '5')
        .deduction("", "-50.00", "000000000105")
        .build("20261124");

    ResponseEntity<JsonNode> received = upload("BGMAX-20261124.txt", file);
    assertThat(received.getStatusCode().value()).isEqualTo(202);
    long id = received.getBody().get("id").asLong();
    assertThat(received.getBody().get("status").asText()).isEqualTo("IMPORTING");
    assertThat(received.getBody().get("payments").asInt()).isEqualTo(5);
    ProcessInstance importing = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(PaymentFileImport.businessKey(id)).singleResult();
    assertThat(importing).isWaitingAt(PaymentFileImport.Elements.BOOK_CHUNK);

    // Chunks of two (fordra.payments.import-chunk): each is its own job, and the progress shows in between.
    management.executeJob(management.createJobQuery().processInstanceId(importing.getId()).singleResult().getId());
    assertThat(get("/api/payment-files/" + id).get("processed").asInt()).isEqualTo(2);
    assertThat(importing).isWaitingAt(PaymentFileImport.Elements.BOOK_CHUNK);
    executeDueJobs();
    assertThat(importing).hasPassed(PaymentFileImport.Elements.REPORT)
        .isWaitingAt(PaymentFileImport.Elements.MATCH_PAYMENT);
    JsonNode summary = get("/api/payment-files/" + id);
    assertThat(summary.get("status").asText()).isEqualTo("DONE");
    assertThat(summary.get("processed").asInt()).isEqualTo(5);
    assertThat(count(summary, "matched")).isEqualTo("3 / 3550.00");
    assertThat(count(summary, "unmatched")).isEqualTo("2 / 360.00");
    assertThat(count(summary, "duplicates")).isEqualTo("0 / 0.00");
    assertThat(summary.get("total").decimalValue()).isEqualByComparingTo("3910.00");

    assertThat(reload(a).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(b).status()).as("its share of the split payment").isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(c).openAmount()).as("the rest of the split payment").isEqualByComparingTo("500.00");
    assertThat(reload(d).paidAmount()).as("matched by the invoice number in the text").isEqualByComparingTo("300.00");
    List<Payment> kept = paymentService.ofFile(id).stream()
        .filter(p -> p.status() == Payment.PaymentStatus.UNMATCHED).toList();
    assertThat(kept).extracting(p -> p.amount().toPlainString()).containsExactlyInAnyOrder("410.00", "-50.00");
    assertThat(jdbc.sql("SELECT note FROM fordra_payment WHERE amount = 410.00 AND payment_file_id = ?").param(id)
        .query(String.class).single()).contains("Unknown reference 99999999999");

    // What no rule placed waits for finance in Tasklist, one task per payment.
    List<Task> toMatch = tasks.createTaskQuery().processInstanceId(importing.getId()).list();
    assertThat(toMatch).hasSize(2).allSatisfy(t -> {
      assertThat(t.getName()).startsWith("Match payment — ").contains(" SEK");
      assertThat(tasks.createTaskQuery().taskId(t.getId()).taskCandidateGroup("finance").count()).isOne();
    });
    Task unknownReference = toMatch.stream()
        .filter(t -> "410,00 SEK".equals(tasks.getVariableLocal(t.getId(), "paymentAmount"))).findFirst().orElseThrow();
    Task deduction = toMatch.stream().filter(t -> t != unknownReference).findFirst().orElseThrow();
    assertThat((String) tasks.getVariableLocal(unknownReference.getId(), "whyUnmatched"))
        .contains("Unknown reference 99999999999");
    assertThatThrownBy(() -> tasks.complete(unknownReference.getId(),
        Map.of("paymentAction", "MATCH", "invoiceNumbers", "NO-SUCH-1, " + a.invoiceNumber())))
        .hasMessageContaining("There is no invoice NO-SUCH-1").hasMessageContaining("is PAID");
    assertThatThrownBy(() -> tasks.complete(deduction.getId(),
        Map.of("paymentAction", "MATCH", "invoiceNumbers", c.invoiceNumber())))
        .hasMessageContaining("reversal or deduction");
    assertThat(reload(c).openAmount()).as("a refused answer books nothing").isEqualByComparingTo("500.00");
    tasks.complete(unknownReference.getId(), Map.of("paymentAction", "MATCH", "invoiceNumbers", c.invoiceNumber()));
    tasks.complete(deduction.getId(), Map.of("paymentAction", "UNALLOCATED",
        "matchComment", "Bankgirot deduction, booked on the bank account by accounting"));
    assertThat(importing).isEnded();
    assertThat(reload(c).openAmount()).isEqualByComparingTo("90.00");
    assertThat(paymentService.ofFile(id)).extracting(p -> p.status().name())
        .contains("ALLOCATED", "UNALLOCATED_CREDIT").doesNotContain("UNMATCHED");

    // The same file again: the first summary, nothing booked twice.
    ResponseEntity<JsonNode> again = upload("copy.txt", file);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("id").asLong()).isEqualTo(id);
    assertThat(again.getBody().get("sameFileAgain").asBoolean()).isTrue();
    executeDueJobs();
    assertThat(reload(d).paidAmount()).isEqualByComparingTo("300.00");

    // The same bank transaction in another file is a duplicate.
    byte[] other = new BgMax().payment(a.paymentReference(), "1250.00", "000000000101", '2')
        .payment(d.paymentReference(), "950.00", "000000000201", '2').build("20261125");
    long second = upload("BGMAX-20261125.txt", other).getBody().get("id").asLong();
    executeDueJobs();
    JsonNode secondSummary = get("/api/payment-files/" + second);
    assertThat(count(secondSummary, "duplicates")).isEqualTo("1 / 1250.00");
    assertThat(count(secondSummary, "matched")).isEqualTo("1 / 950.00");
    assertThat(reload(d).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(PaymentFileImport.businessKey(second))
        .count()).as("nothing to match by hand: the import has ended").isZero();
    assertThat(reload(a).paidAmount()).isEqualByComparingTo("1250.00");
  }

  /**
   * Issue 16, the rule: a deposit in a currency Fordra does not invoice in (CHF) no longer refuses the file. It is kept
   * aside with its reason, shown in the summary and in one "Review entries kept aside" task; the rest is booked. The
   * person's note is kept on the file with who and when; the ledger and the month-end close agree (nothing booked
   * for the entry kept aside, the file's total is what was booked).
   */
  @Test
  void aDepositInACurrencyFordraDoesNotInvoiceInIsKeptAsideForAPerson_theRestIsBooked_theLedgerAndTheCloseAgree() {
    Invoice a = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    at(LocalDate.of(2031, 3, 10), java.time.LocalTime.of(9, 0));
    byte[] file = new BgMax().payment(a.paymentReference(), "1250.00", "000000000601", '2')
        .deposit("CHF").payment("", "75.00", "000000000602", '1').payment("", "24.50", "000000000603", '1')
        .build("20310310");

    ResponseEntity<JsonNode> received = upload("BGMAX-CHF.txt", file);
    assertThat(received.getStatusCode().value()).isEqualTo(202);
    long id = received.getBody().get("id").asLong();
    JsonNode answer = received.getBody();
    assertThat(answer.get("payments").asInt()).as("only what can be booked").isOne();
    assertThat(answer.get("total").decimalValue()).isEqualByComparingTo("1250.00");
    assertThat(answer.get("toBook").get("count").asInt()).isOne();
    assertThat(answer.get("toBook").get("amounts")).hasSize(1);
    assertThat(answer.get("toBook").get("amounts").get("SEK").decimalValue()).isEqualByComparingTo("1250.00");
    assertThat(answer.get("keptAside").get("count").asInt()).isEqualTo(2);
    assertThat(answer.get("keptAside").get("amounts").get("CHF").decimalValue()).isEqualByComparingTo("99.50");
    assertThat(answer.get("skipped").get("count").asInt()).isZero();
    assertThat(answer.get("notesNotListed").asInt()).isZero();
    assertThat(answer.get("notes")).hasSize(2).allSatisfy(n -> {
      assertThat(n.get("outcome").asText()).isEqualTo("KEPT_ASIDE");
      assertThat(n.get("location").asText()).startsWith("line ");
      assertThat(n.get("currency").asText()).isEqualTo("CHF");
      assertThat(n.get("reason").asText()).isEqualTo("currency CHF is not one Fordra invoices in [SEK, NOK, EUR]");
    });
    assertThat(answer.get("notes").get(0).get("amount").decimalValue()).isEqualByComparingTo("75.00");
    assertThat(answer.get("keptAsideReview").isNull()).isTrue();

    // Only the import's jobs: the invoice's own timers stay where they are (years later, dunning would start).
    ProcessInstance importing = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(PaymentFileImport.businessKey(id)).singleResult();
    for (org.camunda.bpm.engine.runtime.Job job; (job = management.createJobQuery()
        .processInstanceId(importing.getId()).executable().singleResult()) != null; ) {
      management.executeJob(job.getId());
    }
    assertThat(reload(a).status()).as("the rest of the file is booked").isEqualTo(InvoiceStatus.PAID);
    assertThat(paymentService.ofFile(id)).as("nothing stored as a payment from the CHF deposit").hasSize(1);
    assertThat(importing).isWaitingAt(PaymentFileImport.Elements.REVIEW_KEPT_ASIDE);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(importing.getId())
        .variableName(PaymentFileImport.SUMMARY.name()).singleResult().getValue().toString())
        .contains("matched 1 / 1250.00", "kept aside 2 / 99.50 CHF (currency CHF is not one Fordra invoices in");

    Task review = tasks.createTaskQuery().processInstanceId(importing.getId()).singleResult();
    assertThat(review.getName()).isEqualTo("Review entries kept aside — BGMAX-CHF.txt, 2 entries");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("finance").count()).isOne();
    assertThat(review.getDueDate()).isNotNull();
    assertThat((String) tasks.getVariableLocal(review.getId(), "keptAsideEntries")).contains("75,00 CHF",
        "24,50 CHF", "currency CHF is not one Fordra invoices in").hasLineCount(2);
    assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of()))
        .as("what was done is required").hasMessageContaining("keptAsideNote");
    tasks.claim(review.getId(), "finance-anna");
    tasks.complete(review.getId(), Map.of("keptAsideNote", "Sent back to the payer through the bank"));
    assertThat(importing).isEnded();
    JsonNode done = get("/api/payment-files/" + id);
    assertThat(done.get("status").asText()).isEqualTo("DONE");
    assertThat(done.get("keptAsideReview").get("note").asText()).isEqualTo("Sent back to the payer through the bank");
    assertThat(done.get("keptAsideReview").get("by").asText()).isEqualTo("finance-anna");
    assertThat(done.get("keptAsideReview").get("at").asText()).startsWith("2031-03-10");

    // Every note, a page at a time; bad paging is refused with every reason.
    JsonNode page = get("/api/payment-files/" + id + "/notes?outcome=KEPT_ASIDE&offset=1&limit=1");
    assertThat(page.get("total").asInt()).isEqualTo(2);
    assertThat(page.get("notes")).singleElement()
        .satisfies(n -> assertThat(n.get("amount").decimalValue()).isEqualByComparingTo("24.50"));
    ResponseEntity<JsonNode> bad = api.get().uri("/api/payment-files/" + id + "/notes?outcome=LOST&offset=-1&limit=0")
        .retrieve().onStatus(st -> true, (req, res) -> { }).toEntity(JsonNode.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("outcome", "offset", "limit");
    assertThat(api.get().uri("/api/payment-files/999999999/notes").retrieve().onStatus(st -> true, (req, res) -> { })
        .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);

    // The ledger: receivables are the invoices' open amounts; the CHF money is on no account.
    assertThat(io.fordra.LedgerInvariant.violations(jdbc, ledgerAccounts)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_ledger_entry WHERE currency = 'CHF'").query(Integer.class)
        .single()).isZero();
    // The month-end close: the file's total is what was stored from it.
    at(LocalDate.of(2031, 4, 2), java.time.LocalTime.of(8, 0));
    ResponseEntity<JsonNode> close = api.post().uri("/api/month-end-closes").contentType(MediaType.APPLICATION_JSON)
        .body("{\"period\": \"2031-03\"}").retrieve().onStatus(st -> true, (req, res) -> { })
        .toEntity(JsonNode.class);
    try {
      assertThat(close.getStatusCode().value()).isEqualTo(201);
      assertThat(close.getBody().get("differences").findValuesAsText("subject"))
          .doesNotContain("payment file " + id);
      assertThat(close.getBody().get("status").asText()).isEqualTo("NO_DIFFERENCES");
    } finally {
      // A closed month would move other tests' bookings (the same database).
      jdbc.sql("UPDATE fordra_month_end_close SET status = 'REOPENED', reopened_by = 'PaymentFileImportScenario', "
          + "reopened_at = CURRENT_TIMESTAMP, reopen_reason = 'test isolation' WHERE reopened_at IS NULL").update();
    }
  }

  /**
   * A file of nothing but entries kept aside books nothing and waits for its review; its notes are finance's to read
   * (and auditors', who read everything), no one else's.
   */
  /** Issue 16: a BgMax file with a SEK and an EUR deposit; its one total added kronor and euros (1 350.50). */
  @Test
  void aFileInTwoCurrenciesSaysWhatItBooksInEach() {
    byte[] file = new BgMax().payment("", "1150.00", "000000000701", '1')
        .deposit("EUR").payment("", "120.50", "000000000702", '1').payment("", "80.00", "000000000703", '1')
        .build("20260310");

    JsonNode answer = upload("BGMAX-SEK-EUR.txt", file).getBody();

    assertThat(answer.get("payments").asInt()).isEqualTo(3);
    assertThat(answer.get("toBook").get("count").asInt()).isEqualTo(3);
    assertThat(answer.get("toBook").get("amounts").get("SEK").decimalValue()).isEqualByComparingTo("1150.00");
    assertThat(answer.get("toBook").get("amounts").get("EUR").decimalValue()).isEqualByComparingTo("200.50");
    assertThat(answer.get("toBook").get("amounts")).hasSize(2);
  }

  @Test
  void aFileOfOnlyEntriesKeptAsideWaitsForItsReview_itsNotesAreForFinanceAndAuditors() {
    String serial = "%012d".formatted(System.nanoTime() % 1_000_000_000_000L);
    long id = upload("BGMAX-ONLY-CHF.txt", new BgMax().deposit("CHF").payment("", "310.00", serial, '1')
        .build("20261127")).getBody().get("id").asLong();
    executeDueJobs();
    JsonNode summary = get("/api/payment-files/" + id);
    assertThat(summary.get("status").asText()).isEqualTo("DONE");
    assertThat(summary.get("payments").asInt()).isZero();
    assertThat(summary.get("keptAside").get("amounts").get("CHF").decimalValue()).isEqualByComparingTo("310.00");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(PaymentFileImport.businessKey(id)).list())
        .singleElement().satisfies(t -> assertThat(t.getTaskDefinitionKey())
            .isEqualTo(PaymentFileImport.Elements.REVIEW_KEPT_ASIDE));

    String password = "Notes-Password-1";
    java.util.List<String> users = new ArrayList<>();
    try {
      for (var expected : Map.of("finance", 200, "auditors", 200, "case-handlers", 403, "process-owners", 403)
          .entrySet()) {
        String user = staffUser(expected.getKey(), password);
        users.add(user);
        RestClient as = RestClient.builder().baseUrl("http://localhost:" + port)
            .defaultHeaders(h -> h.setBasicAuth(user, password)).build();
        assertThat(as.get().uri("/api/payment-files/" + id + "/notes").retrieve()
            .onStatus(st -> true, (req, res) -> { }).toEntity(String.class).getStatusCode().value())
            .as(expected.getKey()).isEqualTo(expected.getValue());
      }
      assertThat(RestClient.create("http://localhost:" + port).get().uri("/api/payment-files/" + id + "/notes")
          .retrieve().onStatus(st -> true, (req, res) -> { }).toEntity(String.class).getStatusCode().value())
          .as("no one signed in").isEqualTo(401);
    } finally {
      users.forEach(engine.getIdentityService()::deleteUser);
    }
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(PaymentFileImport.businessKey(id))
        .singleResult();
    tasks.complete(review.getId(), Map.of("keptAsideNote", "Booked by hand in the CHF account"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(PaymentFileImport.businessKey(id))
        .count()).isZero();
  }

  @Autowired PaymentFileRepository fileRows;

  /**
   * A hostile file: 100 000 skipped entries and one kept aside at its very end. All are stored (they are the file's
   * content); the summary lists the one kept aside first and at most 200 in all, counts the rest, and the notes are
   * paged through to the last one.
   */
  @Test
  void aHundredThousandEntriesNotBookedAreAllKept_theSummaryListsTwoHundredAndCountsTheRest() {
    List<ParsedPaymentFile.Aside> aside = new ArrayList<>();
    for (int n = 1; n <= 100_000; n++) {
      aside.add(new ParsedPaymentFile.Aside("Ntry[" + n + "]", ParsedPaymentFile.Aside.Outcome.SKIPPED,
          new BigDecimal("1.00"), "SEK", "OUT-" + n, "an outgoing payment (DBIT), not a payment to us"));
    }
    aside.add(new ParsedPaymentFile.Aside("Ntry[100001]", ParsedPaymentFile.Aside.Outcome.KEPT_ASIDE,
        new BigDecimal("7.125"), "BHD", null, "currency BHD is not one Fordra invoices in [SEK, NOK, EUR]"));
    ParsedPaymentFile parsed = new ParsedPaymentFile(ParsedPaymentFile.Format.CAMT054, "SE45", List.of(),
        new BigDecimal("0.00"), aside, List.of("the control sum counts the entries not yet booked"));
    // Received long ago (no month-end close of these tests looks there), and finished: nothing to book.
    java.time.Instant at = java.time.Instant.parse("2019-01-15T10:00:00Z");
    long id = fileRows.insert("hostile.xml", java.util.UUID.randomUUID().toString().replace("-", ""), parsed,
        new byte[] {1}, at);
    fileRows.insertNotes(id, parsed.aside(), parsed.remarks());
    fileRows.finish(id, at);

    JsonNode summary = get("/api/payment-files/" + id);
    assertThat(summary.get("skipped").get("count").asInt()).isEqualTo(100_000);
    assertThat(summary.get("skipped").get("amounts").get("SEK").decimalValue()).isEqualByComparingTo("100000.00");
    assertThat(summary.get("keptAside").get("count").asInt()).isOne();
    assertThat(summary.get("keptAside").get("amounts").get("BHD").decimalValue()).isEqualByComparingTo("7.125");
    assertThat(summary.get("notes")).hasSize(PaymentFileSummary.NOTES_LISTED);
    assertThat(summary.get("notes").get(0).get("location").asText()).as("kept aside first").isEqualTo("Ntry[100001]");
    assertThat(summary.get("notes").get(1).get("location").asText()).isEqualTo("Ntry[1]");
    assertThat(summary.get("notesNotListed").asInt()).isEqualTo(100_001 - PaymentFileSummary.NOTES_LISTED);
    assertThat(summary.get("remarks")).singleElement()
        .satisfies(r -> assertThat(r.asText()).isEqualTo("the control sum counts the entries not yet booked"));

    JsonNode last = get("/api/payment-files/" + id + "/notes?outcome=SKIPPED&offset=99990&limit=1000");
    assertThat(last.get("total").asInt()).isEqualTo(100_000);
    assertThat(last.get("notes")).hasSize(10);
    assertThat(last.get("notes").get(9).get("location").asText()).isEqualTo("Ntry[100000]");
    assertThat(get("/api/payment-files/" + id + "/notes?outcome=REMARK").get("notes")).singleElement()
        .satisfies(r -> assertThat(r.get("location").asText()).isEqualTo("file"));
  }

  /**
   * Match payment suggests the invoices a payment most likely pays, best first: the payer's invoice whose OCR the
   * message gives, then the one whose OCR the payer gave with two digits swapped (both of the payer's organisation
   * number and the amount); finance ticks the second and it is paid.
   */
  @Test
  void matchPaymentSuggestsThePayersInvoicesBestFirst_andATickedSuggestionIsPaid() {
    String orgNo = uniqueOrganisationNumber();
    CustomerRequest standard = customer(CustomerType.BUSINESS, Country.SE, false, false);
    CustomerRequest payer = new CustomerRequest(standard.customerNumber(), "Betalaren AB", standard.type(),
        standard.priority(), standard.country(), orgNo, standard.email(), null, standard.address(), false,
        standard.preferredChannel(), null, null);
    Invoice target = createInvoice(payer, Currency.SEK);
    Invoice named = createInvoice(payer, Currency.SEK, LocalDate.of(2026, 4, 15));
    executeDueJobs();
    String ocr = target.paymentReference();
    int i = java.util.stream.IntStream.range(0, ocr.length() - 1).filter(n -> ocr.charAt(n) != ocr.charAt(n + 1))
        .findFirst().orElseThrow();
    String swapped = ocr.substring(0, i) + ocr.charAt(i + 1) + ocr.charAt(i) + ocr.substring(i + 2);

    long id = upload("BGMAX-SUGGEST.txt", new BgMax().payment(swapped, "1250.00", "000000000301", '2')
        .info("OCR " + named.paymentReference()).payer("Betalaren AB", orgNo).build("20261126"))
        .getBody().get("id").asLong();
    executeDueJobs();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(PaymentFileImport.businessKey(id)).singleResult();

    assertThat(tasks.getVariableLocal(task.getId(), "payer")).isEqualTo("Betalaren AB");
    assertThat(tasks.getVariableLocal(task.getId(), "payerAccount"))
        .isEqualTo("Bankgiro 1234-5678, org. no. " + orgNo);
    JsonNode suggestions = readJson(tasks.getVariableLocal(task.getId(), "invoiceSuggestions").toString());
    assertThat(suggestions.size()).isBetween(2, PaymentCandidates.LIMIT);
    // The invoice whose OCR the message gives (same payer, same amount) first, the one whose OCR is one digit off next.
    assertThat(suggestions.get(0).get("value").asText()).isEqualTo(named.invoiceNumber());
    assertThat(suggestions.get(0).get("label").asText()).contains("Betalaren AB", "open 1\u00a0250,00 SEK",
        "reference " + named.paymentReference() + " in the message", "same organisation number", "same amount");
    assertThat(suggestions.get(1).get("value").asText()).isEqualTo(target.invoiceNumber());
    assertThat(suggestions.get(1).get("label").asText()).contains(
        "reference " + ocr + " is one digit off " + swapped, "same organisation number", "same amount");

    tasks.complete(task.getId(), Map.of("paymentAction", "MATCH", "suggestedInvoices",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + target.invoiceNumber() + "\"]").create()));
    assertThat(reload(target).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(named).paidAmount()).isEqualByComparingTo("0.00");
  }

  /** A Swedish organisation number (Luhn) no other test uses, so that the payer's invoices are this test's own. */
  private static String uniqueOrganisationNumber() {
    String body = "55" + String.format("%07d", new java.util.Random().nextInt(10_000_000));
    int sum = 0;
    for (int n = 0; n < 9; n++) {
      int d = (body.charAt(n) - '0') * (n % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
    return body + (10 - sum % 10) % 10;
  }

  private static JsonNode readJson(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSinglePaymentThatMatchesNothingGetsAMatchTaskToo() {
    Invoice target = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    ResponseEntity<JsonNode> kept = api().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
        .body("{\"paymentReference\": \"77777777\", \"amount\": \"1250.00\", \"currency\": \"SEK\", "
            + "\"paidAt\": \"2026-03-02\", \"bankTransactionId\": \"SINGLE-1\"}")
        .retrieve().onStatus(st -> true, (req, res) -> { }).toEntity(JsonNode.class);
    assertThat(kept.getStatusCode().value()).isEqualTo(202);
    long paymentId = kept.getBody().get("paymentId").asLong();
    ProcessInstance matching = runtime.createProcessInstanceQuery().processDefinitionKey(PaymentFileImport.MATCHING_KEY)
        .processInstanceBusinessKey("payment-" + paymentId).singleResult();
    assertThat(matching).isWaitingAt(PaymentFileImport.Elements.MATCH_PAYMENT);
    Task task = tasks.createTaskQuery().processInstanceId(matching.getId()).singleResult();
    assertThat((String) tasks.getVariableLocal(task.getId(), "whyUnmatched")).contains("77777777");
    tasks.complete(task.getId(), Map.of("paymentAction", "MATCH", "invoiceNumbers", target.invoiceNumber()));
    assertThat(matching).isEnded();
    assertThat(reload(target).status()).isEqualTo(InvoiceStatus.PAID);
    // The same transaction again: 200, and no second task.
    assertThat(api().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
        .body("{\"paymentReference\": \"77777777\", \"amount\": \"1250.00\", \"currency\": \"SEK\", "
            + "\"paidAt\": \"2026-03-02\", \"bankTransactionId\": \"SINGLE-1\"}")
        .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PaymentFileImport.MATCHING_KEY).count())
        .isZero();
  }

  @Test
  void aMalformedFileIsRejectedWholeWithEveryReasonAndNothingIsStored() {
    Invoice a = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    String good = new String(new BgMax().payment(a.paymentReference(), "1250.00", "000000000301", '2')
        .build("20261124"), StandardCharsets.ISO_8859_1);
    // The end record counts two payments where there is one, and the payment's amount has a letter in it.
    String bad = good.replace("7000000001", "7000000002").replace("000000000000125000", "00000000000012X000");
    ResponseEntity<JsonNode> rejected = upload("bad.txt", bad.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(rejected.getStatusCode().value()).isEqualTo(400);
    assertThat(rejected.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(rejected.getBody().get("errors").findValuesAsText("location")).isNotEmpty()
        .allMatch(l -> l.startsWith("line "));
    assertThat(rejected.getBody().toString()).contains("amount");
    assertThat(upload("nonsense.txt", "hello".getBytes(StandardCharsets.UTF_8)).getStatusCode().value())
        .isEqualTo(400);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_payment_file WHERE file_name IN ('bad.txt', 'nonsense.txt')")
        .query(Integer.class).single()).as("nothing stored").isZero();
    assertThat(reload(a).paidAmount()).isEqualByComparingTo("0");
  }

  @Test
  void aCamt054FileIsImportedTheSameWay() throws Exception {
    Invoice x = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    String sample = new String(getClass().getResourceAsStream("/payment-files/camt054/camt054-001-02-incoming-sek.xml")
        .readAllBytes(), StandardCharsets.UTF_8);
    // The bank's first credit (12 500.00 with OCR 2026000123) now pays invoice x (1 250.00) and overpays it.
    byte[] file = sample.replace("<Ref>2026000123</Ref>", "<Ref>" + x.paymentReference() + "</Ref>")
        .getBytes(StandardCharsets.UTF_8);
    ResponseEntity<JsonNode> received = upload("camt054.xml", file);
    assertThat(received.getStatusCode().value()).isEqualTo(202);
    assertThat(received.getBody().get("format").asText()).isEqualTo("CAMT054");
    long id = received.getBody().get("id").asLong();
    executeDueJobs();
    JsonNode summary = get("/api/payment-files/" + id);
    assertThat(summary.get("status").asText()).isEqualTo("DONE");
    assertThat(count(summary, "matched")).isEqualTo("1 / 12500.00");
    // The sample repeats one bank transaction id: the second is a duplicate; the rest name no invoice of ours.
    assertThat(summary.get("tally").get("duplicates").get("count").asInt()).isEqualTo(1);
    assertThat(summary.get("tally").get("unmatched").get("count").asInt())
        .isEqualTo(summary.get("payments").asInt() - 2);
    assertThat(reload(x).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(x).creditBalance()).isEqualByComparingTo("11250.00");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(PaymentFileImport.businessKey(id)).count())
        .isEqualTo(summary.get("tally").get("unmatched").get("count").asLong());
  }

  @Test
  void aFileDroppedIntoTheInboxIsImportedAndMovedToProcessed_aBadOneToRejectedWithItsReasons() throws Exception {
    java.nio.file.Path inbox = java.nio.file.Path.of("target/payments-inbox-test");
    org.springframework.util.FileSystemUtils.deleteRecursively(inbox);
    java.nio.file.Files.createDirectories(inbox);
    Invoice a = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    byte[] good = new BgMax().payment(a.paymentReference(), "1250.00", "000000000401", '2').build("20261126");
    java.nio.file.Files.write(inbox.resolve("BGMAX-20261126.txt"), good);
    java.nio.file.Files.writeString(inbox.resolve("broken.txt"), "01BGMAX\n", StandardCharsets.ISO_8859_1);

    List<String> outcomes = inboxPoll();
    assertThat(outcomes).hasSize(2).anyMatch(o -> o.startsWith("broken.txt: rejected"))
        .anyMatch(o -> o.startsWith("BGMAX-20261126.txt: payment file "));
    executeDueJobs();
    assertThat(reload(a).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(java.nio.file.Files.exists(inbox.resolve("processed/BGMAX-20261126.txt"))).isTrue();
    assertThat(java.nio.file.Files.exists(inbox.resolve("rejected/broken.txt"))).isTrue();
    assertThat(java.nio.file.Files.readString(inbox.resolve("rejected/broken.txt.problems.txt"))).contains("line 1");
    try (var left = java.nio.file.Files.list(inbox)) {
      assertThat(left.filter(java.nio.file.Files::isRegularFile)).as("nothing left waiting").isEmpty();
    }

    // Dropped again: recognised, nothing booked twice, and kept beside the first copy.
    java.nio.file.Files.write(inbox.resolve("BGMAX-20261126.txt"), good);
    assertThat(inboxPoll()).singleElement().asString().contains("received before");
    assertThat(java.nio.file.Files.exists(inbox.resolve("processed/BGMAX-20261126.txt.1"))).isTrue();
    assertThat(reload(a).paidAmount()).isEqualByComparingTo("1250.00");
  }

  @Autowired PaymentInbox paymentInbox;

  private List<String> inboxPoll() {
    return paymentInbox.poll();
  }

  private static String count(JsonNode summary, String which) {
    JsonNode c = summary.get("tally").get(which);
    return c.get("count").asInt() + " / " + c.get("amount").decimalValue().setScale(2).toPlainString();
  }

  private ResponseEntity<JsonNode> upload(String name, byte[] content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return api.post().uri("/api/payment-files").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
  }

  private JsonNode get(String path) {
    return api.get().uri(path).retrieve().body(JsonNode.class);
  }

  /**
   * Writes a BgMax file (Bankgirot's 80-character records) with one deposit to bankgiro 5050-1055, in SEK, and more
   * deposits (in other currencies) after {@link #deposit}.
   */
  static final class BgMax {
    /** One deposit (05 … 15): its currency, records, payments and deductions, and their sum. */
    private static final class Deposit {
      final String currency;
      final List<String> records = new ArrayList<>();
      int count;
      BigDecimal sum = BigDecimal.ZERO;

      Deposit(String currency) {
        this.currency = currency;
      }
    }

    private final List<Deposit> deposits = new ArrayList<>(List.of(new Deposit("SEK")));
    private int payments;
    private int deductions;
    private int extra;

    private Deposit current() {
      return deposits.get(deposits.size() - 1);
    }

    /** The payments from here on are another deposit, in this currency. */
    BgMax deposit(String currency) {
      deposits.add(new Deposit(currency));
      return this;
    }

    BgMax payment(String reference, String amount, String serial, char referenceCode) {
      payments++;
      current().count++;
      current().sum = current().sum.add(new BigDecimal(amount));
      current().records.add(record("20" + "0012345678" + left(reference, 25) + ore(amount) + referenceCode + "1"
          + serial + "0"));
      return this;
    }

    BgMax deduction(String reference, String amount, String serial) {
      deductions++;
      current().count++;
      current().sum = current().sum.add(new BigDecimal(amount));
      current().records.add(record("21" + "0012345678" + left(reference, 25) + ore(amount.replace("-", "")) + "1"
          + "1" + serial + "0" + "1"));
      return this;
    }

    BgMax extraReference(String reference, String serial) {
      extra++;
      current().records.add(record("22" + "0012345678" + left(reference, 25) + ore("0.00") + "4" + "1" + serial));
      return this;
    }

    /** The payer's name (26) and organisation number (29) for the payment before. */
    BgMax payer(String name, String organisationNumber) {
      current().records.add(record("26" + left(name, 35) + left("", 35)));
      current().records.add(record("29" + left(organisationNumber, 12)));
      return this;
    }

    BgMax info(String text) {
      current().records.add(record("25" + left(text, 50)));
      return this;
    }

    byte[] build(String date) {
      List<String> all = new ArrayList<>();
      all.add(record("01" + left("BGMAX", 20) + "01" + date + "120000000000" + "P"));
      int number = 0;
      for (Deposit d : deposits) {
        number++;
        all.add(record("05" + "0050501055" + left("", 10) + d.currency));
        all.addAll(d.records);
        all.add(record("15" + "0".repeat(35) + date + "%05d".formatted(number) + ore(d.sum.toPlainString())
            + d.currency + "%08d".formatted(d.count)));
      }
      all.add(record("70" + "%08d".formatted(payments) + "%08d".formatted(deductions) + "%08d".formatted(extra)
          + "%08d".formatted(deposits.size())));
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
}
