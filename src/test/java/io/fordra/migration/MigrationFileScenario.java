package io.fordra.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.ProcessTestSupport;
import io.fordra.collection.CollectionOutcome;
import io.fordra.collection.CollectionService;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.ledger.EntryKind;
import io.fordra.ledger.Ledger;
import io.fordra.ledger.LedgerAccounts;
import io.fordra.ledger.LedgerEntry;
import io.fordra.payment.PaymentRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Cut-over (POST /api/migration-files): open invoices from the previous system start invoice-to-cash where they
 * stood there (due-date wait, reminded n, collection notice sent, with the agency, held by an objection) without
 * being sent again; opening entries make the receivables equal the old open amounts and the month-end close
 * reconciles; payments quoting the old OCR match; the same file twice creates nothing twice; per-invoice errors and
 * all-or-nothing like the billing file. Run on H2 and on PostgreSQL. Dates are in 2031: no other test books there.
 */
abstract class MigrationFileScenario extends ProcessTestSupport {

  static final LocalDate CUT_OVER = LocalDate.of(2031, 3, 3);
  static final String HEADER = "invoiceNumber;customerNumber;name;type;country;organisationNumber;email;street;"
      + "postalCode;city;issueDate;dueDate;currency;description;quantity;unitPrice;netAmount;vatRate;paidAmount;"
      + "feesAmount;dunningStep;remindersSent;dunningDate;objection;objectionDate;paymentReference;documentFile";
  static final byte[] PDF = "%PDF-1.4\n% the previous system's invoice\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired CustomerService customers;
  @Autowired DocumentService documents;
  @Autowired CollectionService collection;
  @Autowired Ledger ledger;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  String run;
  CustomerRequest customer;

  @BeforeEach
  void cutOverDay() {
    run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    at(CUT_OVER, LocalTime.of(9, 0));
    customer = customer(CustomerType.PRIVATE, Country.SE, false, true);
    customers.create(customer);
  }

  /** The months closed here are reopened: a closed month would move other tests' bookings. */
  @AfterEach
  void reopenTheMonthsClosedHere() {
    jdbc.sql("UPDATE fordra_month_end_close SET status = 'REOPENED', reopened_by = 'MigrationFileScenario', "
        + "reopened_at = CURRENT_TIMESTAMP, reopen_reason = 'test isolation' WHERE reopened_at IS NULL").update();
  }

  String n(String suffix) {
    return "MIG-" + run + "-" + suffix;
  }

  /** An OCR reference no other invoice has (the old system's numbering). */
  static String oldOcr() {
    return "9" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
  }

  /** One row; the customer columns left empty (the register has the customer). */
  String row(String number, String issue, String due, String description, String quantity, String unitPrice,
             String net, String vat, String paid, String fees, String step, String reminders, String dunningDate,
             String objection, String reference, String document) {
    return String.join(";", number, customer.customerNumber(), "", "", "", "", "", "", "", "", issue, due, "SEK",
        description, quantity, unitPrice, net, vat, paid, fees, step, reminders, dunningDate, objection, "",
        reference, document);
  }

  @Test
  void eachInvoiceStartsWhereThePreviousSystemLeftItAndNothingIsSentAgain() throws IOException {
    String ocrA = oldOcr();
    String ocrB = oldOcr();
    String csv = String.join("\n", HEADER,
        // A: not yet due; the original PDF comes in the zip
        row(n("A"), "2031-02-14", "2031-03-16", "Konsulttimmar", "8", "950,00", "", "25", "", "", "NONE", "", "",
            "", ocrA, "A-original.pdf"),
        // B: reminded once on 2031-02-28 (SE private: 10 days to pay), totals per VAT rate, part paid, a fee
        row(n("B"), "2031-01-05", "2031-02-04", "", "", "", "10 000,00", "25", "2 000,00", "60,00", "REMINDED",
            "1", "2031-02-28", "", ocrB, ""),
        row(n("B"), "", "", "", "", "", "1 000,00", "12", "", "", "", "", "", "", "", ""),
        // C: collection notice after two reminders, on 2031-02-26
        row(n("C"), "2030-12-01", "2030-12-31", "", "", "", "800,00", "25", "", "240,00", "COLLECTION_NOTICE", "2",
            "2031-02-26", "", oldOcr(), ""),
        // D: with the agency since 2031-01-20
        row(n("D"), "2030-11-01", "2030-12-01", "", "", "", "4000,00", "25", "1000,00", "240,00", "WITH_AGENCY", "2",
            "2031-01-20", "", oldOcr(), ""),
        // E: overdue, an open objection
        row(n("E"), "2031-01-20", "2031-02-19", "Handbok", "2", "500,00", "", "25", "", "", "NONE", "", "",
            "Varan kom aldrig fram", oldOcr(), ""),
        "");

    ResponseEntity<JsonNode> received = upload("cut-over-2031-03.csv", csv.getBytes(StandardCharsets.UTF_8),
        zip("A-original.pdf", PDF), null);
    assertThat(received.getStatusCode().value()).isEqualTo(201);
    JsonNode summary = received.getBody();
    long id = summary.get("id").asLong();
    assertThat(received.getHeaders().getLocation()).hasToString("/api/migration-files/" + id);
    assertThat(summary.get("status").asText()).isEqualTo("DONE");
    assertThat(summary.get("rows").asInt()).isEqualTo(6);
    assertThat(summary.get("invoices").asInt()).isEqualTo(5);
    assertThat(summary.get("created").asInt()).as(summary.toString()).isEqualTo(5);
    assertThat(summary.get("documents").asInt()).isEqualTo(1);
    assertThat(summary.get("receivedBy").asText()).isEqualTo("admin");

    // The cut-over report: per currency and per dunning step.
    JsonNode report = get("/api/migration-files/" + id + "/report");
    JsonNode sek = report.get("perCurrency").get(0);
    assertThat(sek.get("currency").asText()).isEqualTo("SEK");
    assertThat(sek.get("count").asInt()).isEqualTo(5);
    assertThat(sek.get("totalAmount").decimalValue()).isEqualByComparingTo("30370.00");
    assertThat(sek.get("paidAmount").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(sek.get("feesAmount").decimalValue()).isEqualByComparingTo("540.00");
    assertThat(sek.get("openAmount").decimalValue()).isEqualByComparingTo("27910.00");
    assertThat(sek.get("withObjection").asInt()).isEqualTo(1);
    List<String> steps = new ArrayList<>();
    report.get("perStep").forEach(s -> steps.add(s.get("dunningStep").asText() + " " + s.get("currency").asText()
        + " " + s.get("count").asInt() + " " + s.get("openAmount").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()));
    assertThat(steps).containsExactly("COLLECTION_NOTICE SEK 1 1240.00", "NONE SEK 2 10750.00",
        "REMINDED 1 SEK 1 11680.00", "WITH_AGENCY SEK 1 4240.00");
    assertThat(summary.get("report")).isEqualTo(report);

    Invoice a = invoices.get(n("A"));
    Invoice b = invoices.get(n("B"));
    Invoice c = invoices.get(n("C"));
    Invoice d = invoices.get(n("D"));
    Invoice e = invoices.get(n("E"));
    // Marked as migrated, with the old OCR as payment reference and the state the old system had.
    assertThat(a.migrated()).isTrue();
    assertThat(a.paymentReference()).isEqualTo(ocrA);
    assertThat(a.status()).isEqualTo(InvoiceStatus.SENT);
    assertThat(b.status()).isEqualTo(InvoiceStatus.REMINDED);
    assertThat(b.totalAmount()).isEqualByComparingTo("13620.00");
    assertThat(b.openAmount()).isEqualByComparingTo("11680.00");
    assertThat(b.dunningLevel()).isEqualTo(1);
    assertThat(b.remindersSent()).isEqualTo(1);
    assertThat(b.payBy()).isEqualTo(LocalDate.of(2031, 3, 10));
    assertThat(c.status()).isEqualTo(InvoiceStatus.COLLECTION_NOTICE_SENT);
    assertThat(c.dunningLevel()).as("SE private: the notice is the third letter").isEqualTo(3);
    assertThat(c.payBy()).isEqualTo(LocalDate.of(2031, 3, 8));
    assertThat(d.status()).isEqualTo(InvoiceStatus.IN_COLLECTION);
    JsonNode view = get("/api/invoices/" + n("B"));
    assertThat(view.get("migrated").asBoolean()).isTrue();
    assertThat(view.get("paymentReference").asText()).isEqualTo(ocrB);
    assertThat(view.get("events").get(0).get("message").asText()).contains("Taken over from the previous system",
        "migration file " + id, "lines 3-4", "REMINDED 1");

    // invoice-to-cash at the right place, never through "Send invoice"; migrated in Cockpit's history.
    ProcessInstance pa = processOf(a);
    ProcessInstance pb = processOf(b);
    ProcessInstance pc = processOf(c);
    ProcessInstance pd = processOf(d);
    ProcessInstance pe = processOf(e);
    assertThat(pa).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_DUE_DATE).hasBusinessKey(n("A"));
    assertThat(pb).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE);
    assertThat(pc).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_COLLECTION_NOTICE_DEADLINE);
    assertThat(pd).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY).variables()
        .containsEntry(InvoiceToCash.HANDED_OFF.name(), true);
    assertThat(pe).isWaitingAt(InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pb.getId())
        .variableName(InvoiceToCash.MIGRATED_STEP.name()).singleResult().getValue()).isEqualTo("REMINDED 1");
    assertThat(pa).variables().containsEntry(InvoiceToCash.MIGRATED.name(), true)
        .containsEntry(InvoiceToCash.INVOICE_LEFT.name(), true);

    // The ledger: one opening entry per invoice, receivables = the old open amount, against the cut-over account.
    for (Invoice i : List.of(a, b, c, d, e)) {
      assertThat(ledger.receivableBalance(i)).as(i.invoiceNumber()).isEqualByComparingTo(i.openAmount());
      List<LedgerEntry> entries = ledger.entriesOf(i);
      assertThat(entries).extracting(LedgerEntry::kind).containsExactly(EntryKind.OPENING);
      assertThat(entries.get(0).bookingDate()).isEqualTo(CUT_OVER);
      assertThat(entries.get(0).lines()).anySatisfy(l -> {
        assertThat(l.account()).isEqualTo(ledger.account(LedgerAccounts.Role.OPENING));
        assertThat(l.amount()).isEqualByComparingTo(i.openAmount().negate());
      });
    }
    // The original PDF is in the invoice hotel, not sent; nothing else was produced.
    assertThat(documents.forInvoice(a)).singleElement().satisfies(doc -> {
      assertThat(doc.kind()).isEqualTo(DocumentKind.INVOICE);
      assertThat(doc.fileName()).isEqualTo("A-original.pdf");
      assertThat(doc.content()).isEqualTo(PDF);
      assertThat(doc.isSent()).isFalse();
    });

    // E's due date has passed: marked overdue, then held by the objection.
    executeDueJobs();
    assertThat(pe).isWaitingAt(InvoiceToCash.Elements.WAIT_WHILE_ON_HOLD, InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    assertThat(reload(e).status()).isEqualTo(InvoiceStatus.OVERDUE);

    // C's notice deadline passes: handed off to the agency (the policy's next step after the notice).
    advanceTo(LocalDate.of(2031, 3, 9));
    assertThat(pc).hasPassed(InvoiceToCash.Elements.HAND_OFF).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_AGENCY);
    assertThat(reload(c).status()).isEqualTo(InvoiceStatus.IN_COLLECTION);

    // B's deadline passes; the next reminder run sends reminder 2 (not the invoice, not reminder 1).
    advanceTo(LocalDate.of(2031, 3, 11));
    assertThat(pb).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_RUN);
    advanceTo(LocalDate.of(2031, 3, 15));
    assertThat(pb).hasPassed(InvoiceToCash.Elements.SEND_REMINDER)
        .hasNotPassed(InvoiceToCash.Elements.SEND_INVOICE).isWaitingAt(InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE);
    Invoice reminded = reload(b);
    assertThat(reminded.remindersSent()).isEqualTo(2);
    assertThat(reminded.dunningLevel()).isEqualTo(2);
    assertThat(reminded.payBy()).isEqualTo(LocalDate.of(2031, 3, 25));
    assertThat(documents.forInvoice(b)).extracting(StoredDocument::kind, StoredDocument::sequenceNumber,
        StoredDocument::isSent).containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentKind.REMINDER, 2, true));
    for (Invoice i : List.of(a, c, d, e)) {
      assertThat(documents.forInvoice(i)).as(i.invoiceNumber()).noneMatch(doc -> doc.kind() == DocumentKind.INVOICE
          && doc.isSent());
    }
    assertThat(pa).hasNotPassed(InvoiceToCash.Elements.SEND_INVOICE, InvoiceToCash.Elements.PREPARE_INVOICE);

    // A payment quoting A's old OCR settles it.
    var paid = payments.register(new PaymentRequest(ocrA, null, new BigDecimal("9500.00"), Currency.SEK,
        LocalDate.of(2031, 3, 15), "BANK-" + run + "-A"));
    assertThat(paid.invoiceNumber()).isEqualTo(n("A"));
    assertThat(reload(a).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(pa).isEnded();

    // The agency reports on D.
    collection.reportOutcome(n("D"), CollectionOutcome.UNCOLLECTIBLE, "debtor without means");
    executeDueJobs();
    assertThat(pd).isEnded();

    // The first month-end close reconciles: receivables = open invoices, aging = ledger at the month's end.
    at(LocalDate.of(2031, 4, 2), LocalTime.of(8, 0));
    ResponseEntity<JsonNode> close = api().post().uri("/api/month-end-closes").contentType(MediaType.APPLICATION_JSON)
        .body("{\"period\": \"2031-03\"}").retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(JsonNode.class);
    assertThat(close.getStatusCode().value()).as(String.valueOf(close.getBody())).isEqualTo(201);
    assertThat(close.getBody().get("status").asText()).as(close.getBody().toString()).isEqualTo("NO_DIFFERENCES");
    assertThat(close.getBody().get("differenceCount").asInt()).isZero();
  }

  /** examples/cut-over-2026-12.csv lands with the report the README shows (C-1001 and C-2001 as the README made them). */
  @Test
  void theExampleFileLandsWithTheReportTheReadmeShows() throws IOException {
    if (customers.find("C-1001").isEmpty()) {
      customers.create(new CustomerRequest("C-1001", "Anna Andersson", CustomerType.PRIVATE, false, Country.SE, null,
          "anna@example.se", null, new CustomerRequest.AddressRequest("Storgatan 1", "111 22", "Stockholm", null),
          true, null, null, null));
    }
    if (customers.find("C-2001").isEmpty()) {
      customers.create(new CustomerRequest("C-2001", "Kund AB", CustomerType.BUSINESS, false, Country.SE,
          "556036-0793", "ekonomi@kund.example", null,
          new CustomerRequest.AddressRequest("Kungsgatan 2", "411 19", "Göteborg", null), false, null, null, null));
    }
    at(LocalDate.of(2026, 12, 4), LocalTime.of(9, 0));
    byte[] example = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples/cut-over-2026-12.csv"));
    JsonNode summary = upload("cut-over-2026-12.csv", example, null, null).getBody();
    assertThat(summary.get("created").asInt()).as(summary.toString()).isEqualTo(5);
    assertThat(summary.get("rows").asInt()).isEqualTo(7);
    JsonNode sek = summary.get("report").get("perCurrency").get(0);
    assertThat(sek.get("count").asInt()).isEqualTo(5);
    assertThat(sek.get("totalAmount").decimalValue()).isEqualByComparingTo("44869.40");
    assertThat(sek.get("paidAmount").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(sek.get("feesAmount").decimalValue()).isEqualByComparingTo("360.00");
    assertThat(sek.get("openAmount").decimalValue()).isEqualByComparingTo("42229.40");
    List<String> steps = new ArrayList<>();
    summary.get("report").get("perStep").forEach(s -> steps.add(s.get("dunningStep").asText() + " "
        + s.get("count").asInt() + " " + s.get("openAmount").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)));
    assertThat(steps).containsExactly("COLLECTION_NOTICE 1 15060.00", "NONE 2 13189.40", "REMINDED 1 1 9740.00",
        "WITH_AGENCY 1 4240.00");
    Invoice disputed = invoices.get("G-2026-4903");
    assertThat(disputed.disputedAmount()).isEqualByComparingTo("3562.50");
    assertThat(invoices.get("G-2026-4702").dunningLevel()).as("SE business: the notice is the second letter")
        .isEqualTo(2);
    assertThat(customers.find("C-9001")).isPresent();
    // G-2026-4801 (C-2001, business): its reminder's deadline passed; the policy's next step is the collection notice.
    executeDueJobs();
    assertThat(processOf(invoices.get("G-2026-4801"))).hasPassed(InvoiceToCash.Elements.SEND_COLLECTION_NOTICE)
        .hasNotPassed(InvoiceToCash.Elements.SEND_INVOICE, InvoiceToCash.Elements.SEND_REMINDER);
    assertThat(invoices.get("G-2026-4801").status()).isEqualTo(InvoiceStatus.COLLECTION_NOTICE_SENT);
  }

  @Test
  void theSameFileTwiceCreatesNothingTwiceAndAKnownInvoiceNumberIsADuplicate() {
    String first = row(n("1"), "2031-02-01", "2031-03-31", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "",
        "", "", oldOcr(), "");
    byte[] file = String.join("\n", HEADER, first, "").getBytes(StandardCharsets.UTF_8);
    ResponseEntity<JsonNode> once = upload("cut-over.csv", file, null, null);
    assertThat(once.getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> twice = upload("cut-over-again.csv", file, null, null);
    assertThat(twice.getStatusCode().value()).isEqualTo(200);
    assertThat(twice.getBody().get("id").asLong()).isEqualTo(once.getBody().get("id").asLong());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n("1")).count()).isEqualTo(1);

    // Another file (another checksum) with the same invoice: not taken over again.
    String second = row(n("2"), "2031-02-01", "2031-03-31", "Licens", "1", "500,00", "", "25", "", "", "NONE", "",
        "", "", oldOcr(), "");
    ResponseEntity<JsonNode> corrected = upload("cut-over-corrected.csv",
        String.join("\n", HEADER, first, second, "").getBytes(StandardCharsets.UTF_8), null, null);
    assertThat(corrected.getStatusCode().value()).isEqualTo(201);
    assertThat(corrected.getBody().get("created").asInt()).isEqualTo(1);
    assertThat(corrected.getBody().get("duplicates").asInt()).isEqualTo(1);
    assertThat(corrected.getBody().get("problems").get(0).get("messages").get(0).asText())
        .isEqualTo("line 2: invoice " + n("1") + " already exists (taken over before); not taken over again");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n("1")).count()).isEqualTo(1);
    assertThat(ledger.entriesOf(invoices.get(n("1")))).hasSize(1);
  }

  @Test
  void eachInvalidInvoiceIsReportedWithItsLinesAndTheValidOnesAreTakenOver() {
    String taken = oldOcr();
    Invoice existing = createInvoice(customer, Currency.SEK);
    String csv = String.join("\n", HEADER,
        row(n("OK"), "2031-02-01", "2031-03-31", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "", "", "",
            taken, ""),
        row(n("DATE"), "2031-02-01", "31.03.2031", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "", "", "",
            oldOcr(), ""),
        row(n("COUNT"), "2031-01-01", "2031-01-31", "Licens", "1", "1000,00", "", "25", "", "", "REMINDED", "",
            "2031-02-10", "", oldOcr(), ""),
        row(n("STEP"), "2031-01-01", "2031-01-31", "Licens", "1", "1000,00", "", "25", "", "", "PAUSED", "", "", "",
            oldOcr(), ""),
        row(n("PAID"), "2031-01-01", "2031-01-31", "Licens", "1", "1000,00", "", "25", "1250,00", "", "NONE", "", "",
            "", oldOcr(), ""),
        row(n("OCR"), "2031-01-01", "2031-01-31", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "", "", "",
            "12AB", ""),
        row(n("SAMEOCR"), "2031-01-01", "2031-01-31", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "", "", "",
            existing.paymentReference(), ""),
        row(n("PDF"), "2031-01-01", "2031-01-31", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "", "", "",
            oldOcr(), "missing.pdf"),
        row(n("VAT"), "2031-01-01", "2031-01-31", "Licens", "1", "1000,00", "", "7", "", "", "NONE", "", "", "",
            oldOcr(), ""),
        row("bad number!", "2031-01-01", "2031-01-31", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "", "",
            "", oldOcr(), ""),
        String.join(";", n("NEWCUST"), "C-NEW-" + run, "", "", "", "", "", "", "", "", "2031-01-01", "2031-01-31",
            "SEK", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "", "", "", "", oldOcr(), ""),
        "");
    JsonNode summary = upload("cut-over-bad.csv", csv.getBytes(StandardCharsets.UTF_8), null, null).getBody();
    assertThat(summary.get("status").asText()).isEqualTo("DONE");
    assertThat(summary.get("created").asInt()).as(summary.toString()).isEqualTo(1);
    assertThat(summary.get("rejected").asInt()).isEqualTo(10);
    List<String> problems = new ArrayList<>();
    summary.get("problems").forEach(p -> problems.add(p.get("invoiceNumber").asText() + " " + p.get("outcome").asText()
        + " " + p.get("messages")));
    assertThat(problems).hasSize(10);
    assertThat(String.join("\n", problems)).contains(
        n("DATE") + " REJECTED [\"line 3, dueDate: '31.03.2031' is not a date (YYYY-MM-DD)\"",
        n("COUNT") + " REJECTED [\"line 4, remindersSent: REMINDED needs the number of reminders sent (1 or more)\"]",
        n("STEP") + " REJECTED [\"line 5, dunningStep: 'PAUSED' is not one of NONE, REMINDED, COLLECTION_NOTICE, "
            + "WITH_AGENCY\"]",
        "line 6, paidAmount: 1250.00 paid leaves nothing open of the total 1250.00 and fees 0.00",
        "line 7, paymentReference: an OCR/KID reference is 2-25 digits",
        "line 8, paymentReference: another invoice already has the payment reference " + existing.paymentReference(),
        "line 9, documentFile: 'missing.pdf' is not in the uploaded zip of PDFs (multipart part documents); no zip was uploaded",
        "line 10, vatRate",
        "bad number! REJECTED [\"line 11, invoiceNumber: ",
        "line 12, customerNumber: customer C-NEW-" + run + " is not in the register");
    assertThat(invoices.find(n("OK"))).isPresent();
    assertThat(invoices.find(n("DATE"))).isEmpty();
    List<JsonNode> page = new ArrayList<>();
    get("/api/migration-files/" + summary.get("id").asLong() + "/invoices?outcome=CREATED").forEach(page::add);
    assertThat(page).singleElement().satisfies(o -> assertThat(o.get("invoiceNumber").asText()).isEqualTo(n("OK")));
  }

  @Test
  void anAllOrNothingFileWithOneInvalidInvoiceTakesOverNothing() {
    String valid = String.join(";", n("AON1"), "C-AON-" + run, "Ny Kund", "PRIVATE", "SE", "",
        "ny-" + run.toLowerCase() + "@kund.example", "Gatan 1", "111 22", "Stockholm", "2031-02-01", "2031-03-31",
        "SEK", "Licens", "1", "1000,00", "", "25", "", "", "NONE", "", "", "", "", oldOcr(), "");
    String validToo = String.join(";", n("AON2"), "C-AON-" + run, "", "", "", "", "", "", "", "", "2031-02-01",
        "2031-03-31", "SEK", "Licens", "1", "200,00", "", "25", "", "", "NONE", "", "", "", "", oldOcr(), "");
    String invalid = row(n("AON3"), "2031-02-01", "2031-03-31", "Licens", "1", "1000,00", "", "25", "-5", "", "NONE",
        "", "", "", oldOcr(), "");
    JsonNode rejected = upload("aon.csv", String.join("\n", HEADER, valid, validToo, invalid, "")
        .getBytes(StandardCharsets.UTF_8), null, "all-or-nothing").getBody();
    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("mode").asText()).isEqualTo("ALL_OR_NOTHING");
    assertThat(rejected.get("created").asInt()).isZero();
    assertThat(rejected.get("problem").asText()).contains("1 of 3 invoices are invalid");
    assertThat(invoices.find(n("AON1"))).isEmpty();
    assertThat(customers.find("C-AON-" + run)).isEmpty();
    List<String> outcomes = new ArrayList<>();
    get("/api/migration-files/" + rejected.get("id").asLong() + "/invoices").forEach(o -> outcomes.add(
        o.get("outcome").asText()));
    assertThat(outcomes).containsExactly("NOT_CREATED", "NOT_CREATED", "REJECTED");

    // The same two valid invoices (the new customer on the first's row only) all-or-nothing: both taken over.
    JsonNode done = upload("aon-fixed.csv", String.join("\n", HEADER, valid, validToo, "")
        .getBytes(StandardCharsets.UTF_8), null, "all-or-nothing").getBody();
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.get("created").asInt()).isEqualTo(2);
    assertThat(invoices.get(n("AON2")).customerNumber()).isEqualTo("C-AON-" + run);
  }

  @Test
  void onlyFinanceAndAdminsMayUploadAndBadInputIsRefusedWithProblems() {
    byte[] file = String.join("\n", HEADER, row(n("R"), "2031-02-01", "2031-03-31", "Licens", "1", "100,00", "",
        "25", "", "", "NONE", "", "", "", oldOcr(), ""), "").getBytes(StandardCharsets.UTF_8);
    String password = "Pw-" + run + "-secret";
    String handler = staffUser("case-handlers", password);
    String finance = staffUser("finance", password);
    try {
      var anonymous = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port).build();
      assertThat(anonymous.get().uri("/api/migration-files/1").retrieve().onStatus(s -> true, (q, r) -> { })
          .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
      var asHandler = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
          .defaultHeaders(h -> h.setBasicAuth(handler, password)).build();
      assertThat(asHandler.post().uri("/api/migration-files").contentType(MediaType.MULTIPART_FORM_DATA)
          .body(parts("x.csv", file, null)).retrieve().onStatus(s -> true, (q, r) -> { }).toBodilessEntity()
          .getStatusCode().value()).isEqualTo(403);
      var asFinance = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
          .defaultHeaders(h -> h.setBasicAuth(finance, password)).build();
      ResponseEntity<JsonNode> created = asFinance.post().uri("/api/migration-files")
          .contentType(MediaType.MULTIPART_FORM_DATA).body(parts("x.csv", file, null)).retrieve()
          .onStatus(s -> true, (q, r) -> { }).toEntity(JsonNode.class);
      assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
      assertThat(created.getBody().get("receivedBy").asText()).isEqualTo(finance);
      assertThat(asFinance.get().uri("/api/migration-files/" + created.getBody().get("id").asLong() + "/report")
          .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    } finally {
      engine.getIdentityService().deleteUser(handler);
      engine.getIdentityService().deleteUser(finance);
    }

    ResponseEntity<JsonNode> unknownColumn = upload("bad.csv", "invoiceNumber;customer;issueDate\nX;Y;Z\n"
        .getBytes(StandardCharsets.UTF_8), null, null);
    assertThat(unknownColumn.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownColumn.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(unknownColumn.getBody().toString()).contains("unknown columns [customer]",
        "the column dueDate is missing");
    assertThat(upload("x.csv", file, null, "sometimes").getStatusCode().value()).isEqualTo(400);
    assertThat(upload("x.csv", "".getBytes(StandardCharsets.UTF_8), null, null).getStatusCode().value())
        .isEqualTo(400);
    ResponseEntity<JsonNode> notAZip = upload("y.csv", (new String(file, StandardCharsets.UTF_8) + "\n")
        .getBytes(StandardCharsets.UTF_8), "not a zip".getBytes(StandardCharsets.UTF_8), null);
    assertThat(notAZip.getStatusCode().value()).isEqualTo(400);
    var future = new LinkedMultiValueMap<String, Object>(parts("z.csv", (new String(file, StandardCharsets.UTF_8)
        + "\n\n").getBytes(StandardCharsets.UTF_8), null));
    ResponseEntity<String> inTheFuture = api().post().uri("/api/migration-files?cutOverDate=2099-01-01")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(future).retrieve().onStatus(s -> true, (q, r) -> { })
        .toEntity(String.class);
    assertThat(inTheFuture.getStatusCode().value()).isEqualTo(400);
    assertThat(inTheFuture.getBody()).contains("cutOverDate", "is in the future");
    assertThat(call(HttpMethod.GET, "/api/migration-files/987654321", null).getStatusCode().value()).isEqualTo(404);
    assertThat(call(HttpMethod.GET, "/api/migration-files/1/invoices?limit=0", null).getStatusCode().value())
        .isEqualTo(400);
    assertThat(call(HttpMethod.GET, "/api/migration-files/abc", null).getStatusCode().value()).isEqualTo(400);
  }

  ResponseEntity<JsonNode> upload(String name, byte[] content, byte[] zip, String mode) {
    return api().post().uri(mode == null ? "/api/migration-files" : "/api/migration-files?mode=" + mode)
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts(name, content, zip)).retrieve()
        .onStatus(s -> true, (req, res) -> { }).toEntity(JsonNode.class);
  }

  static LinkedMultiValueMap<String, Object> parts(String name, byte[] content, byte[] zip) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", named(name, content));
    if (zip != null) {
      parts.add("documents", named("documents.zip", zip));
    }
    return parts;
  }

  private static ByteArrayResource named(String name, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("pdf/" + name));
      zip.write(content);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  JsonNode get(String path) {
    return api().get().uri(path).retrieve().body(JsonNode.class);
  }
}
