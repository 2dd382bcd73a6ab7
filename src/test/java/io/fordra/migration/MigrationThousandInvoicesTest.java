package io.fordra.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.ledger.Ledger;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The "done": a cut-over file with 1 000 open invoices in every state (not due, overdue, reminded once with
 * the deadline passed or still running, collection notice sent, with the agency, held by an objection; SEK and EUR;
 * the customers created by the file) lands with a cut-over report that matches its totals, and the next reminder run
 * picks up the ones due with nothing resent: each sends exactly the next reminder, no invoice is sent again.
 */
@FordraTestContext
class MigrationThousandInvoicesTest extends ProcessTestSupport {

  static final int INVOICES = 1000;
  static final int CUSTOMERS = 20;
  static final LocalDate CUT_OVER = LocalDate.of(2032, 5, 5);
  static final LocalDate REMINDER_RUN = LocalDate.of(2032, 5, 15);

  @Autowired DocumentService documents;
  @Autowired Ledger ledger;

  /** What the generated file holds, as the old system's aging list would show it. */
  record Expected(Map<String, BigDecimal[]> perCurrency, Map<String, BigDecimal> openPerStep,
                  Map<String, Integer> countPerStep) {}

  /** The state of invoice i: 0 not due, 1 overdue, 2 reminded (deadline passed), 3 reminded (deadline running),
   *  4 collection notice sent, 5 with the agency, 6 overdue with an open objection. */
  static int state(int i) {
    return i % 7;
  }

  @Test
  void aThousandOpenInvoicesInEveryStateLandWithAMatchingReportAndTheNextReminderRunResendsNothing() {
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    at(CUT_OVER, LocalTime.of(9, 0));
    StringBuilder csv = new StringBuilder(MigrationFileScenario.HEADER).append('\n');
    Map<String, BigDecimal[]> perCurrency = new TreeMap<>();
    Map<String, BigDecimal> openPerStep = new TreeMap<>();
    Map<String, Integer> countPerStep = new TreeMap<>();
    boolean[] customerWritten = new boolean[CUSTOMERS];
    for (int i = 0; i < INVOICES; i++) {
      int state = state(i);
      int c = i % CUSTOMERS;
      String currency = i % 5 == 0 ? "EUR" : "SEK";
      BigDecimal net = new BigDecimal(400 + 4 * (i % 997)).setScale(2);
      BigDecimal total = net.multiply(new BigDecimal("1.25")).setScale(2);
      BigDecimal paid = i % 3 == 0 ? new BigDecimal("100.00") : new BigDecimal("0.00");
      BigDecimal fees = (state >= 2 && state <= 5) && currency.equals("SEK") ? new BigDecimal("60.00")
          : new BigDecimal("0.00");
      String step;
      String reminders = "";
      String dunningDate = "";
      String due;
      switch (state) {
        case 0 -> { step = "NONE"; due = "2032-06-30"; }
        case 1, 6 -> { step = "NONE"; due = "2032-04-20"; }
        case 2 -> { step = "REMINDED"; reminders = "1"; dunningDate = "2032-04-25"; due = "2032-04-10"; }
        case 3 -> { step = "REMINDED"; reminders = "1"; dunningDate = "2032-05-01"; due = "2032-04-10"; }
        case 4 -> { step = "COLLECTION_NOTICE"; reminders = "2"; dunningDate = "2032-04-30"; due = "2032-03-10"; }
        default -> { step = "WITH_AGENCY"; reminders = "2"; dunningDate = "2032-04-01"; due = "2032-02-10"; }
      }
      String customer = "C-K" + run + "-" + c;
      // A new customer's details on its first row only.
      String details = customerWritten[c] ? ";;;;;;;" : String.join(";", "Kund " + c, "PRIVATE", "SE", "",
          "kund" + c + "-" + run.toLowerCase() + "@example.com", "Gatan " + (c + 1), "111 22", "Stockholm");
      customerWritten[c] = true;
      csv.append(String.join(";", "K-" + run + "-" + i, customer, details, "2032-01-15", due, currency,
          "Tjänst " + i, "1", net.toPlainString(), "", "25", paid.toPlainString(), fees.toPlainString(), step,
          reminders, dunningDate, state == 6 ? "Bestrider fakturan" : "", "",
          String.valueOf(7_700_000_000L + i * 10L + (i % 7)), "")).append('\n');
      BigDecimal open = total.subtract(paid).add(fees);
      BigDecimal[] sums = perCurrency.computeIfAbsent(currency, k -> new BigDecimal[] {BigDecimal.ZERO,
          BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(BigDecimal.ONE);
      sums[1] = sums[1].add(total);
      sums[2] = sums[2].add(paid);
      sums[3] = sums[3].add(fees);
      sums[4] = sums[4].add(open);
      String stepKey = (step.equals("REMINDED") ? "REMINDED 1" : step) + " " + currency;
      openPerStep.merge(stepKey, open, BigDecimal::add);
      countPerStep.merge(stepKey, 1, Integer::sum);
    }

    long started = System.nanoTime();
    ResponseEntity<JsonNode> received = api().post().uri("/api/migration-files")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(MigrationFileScenario.parts("cut-over-1000.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null))
        .retrieve().onStatus(s -> true, (q, r) -> { }).toEntity(JsonNode.class);
    double uploadSeconds = (System.nanoTime() - started) / 1e9;
    assertThat(received.getStatusCode().value()).as(String.valueOf(received.getBody())).isEqualTo(201);
    JsonNode summary = received.getBody();
    assertThat(summary.get("created").asInt()).as(summary.get("problems").toString()).isEqualTo(INVOICES);
    assertThat(summary.get("rejected").asInt()).isZero();

    // The report matches the file's totals, per currency and per dunning step.
    JsonNode report = summary.get("report");
    assertThat(report.get("perCurrency")).hasSize(perCurrency.size());
    for (JsonNode row : report.get("perCurrency")) {
      BigDecimal[] expected = perCurrency.get(row.get("currency").asText());
      assertThat(row.get("count").asInt()).isEqualTo(expected[0].intValue());
      assertThat(row.get("totalAmount").decimalValue()).isEqualByComparingTo(expected[1]);
      assertThat(row.get("paidAmount").decimalValue()).isEqualByComparingTo(expected[2]);
      assertThat(row.get("feesAmount").decimalValue()).isEqualByComparingTo(expected[3]);
      assertThat(row.get("openAmount").decimalValue()).isEqualByComparingTo(expected[4]);
    }
    assertThat(report.get("perStep")).hasSize(openPerStep.size());
    for (JsonNode row : report.get("perStep")) {
      String key = row.get("dunningStep").asText() + " " + row.get("currency").asText();
      assertThat(row.get("count").asInt()).as(key).isEqualTo(countPerStep.get(key));
      assertThat(row.get("openAmount").decimalValue()).as(key).isEqualByComparingTo(openPerStep.get(key));
    }
    // ... and the ledger's opening entries say the same.
    Map<String, BigDecimal> receivables = new TreeMap<>();
    List<Invoice> migrated = new ArrayList<>();
    for (int i = 0; i < INVOICES; i++) {
      Invoice invoice = invoices.get("K-" + run + "-" + i);
      migrated.add(invoice);
      receivables.merge(invoice.currency().name(), ledger.receivableBalance(invoice), BigDecimal::add);
    }
    perCurrency.forEach((currency, sums) ->
        assertThat(receivables.get(currency)).as(currency).isEqualByComparingTo(sums[4]));

    // Up to the day before the reminder run: overdue marked, deadlines passed, notices handed to the agency.
    started = System.nanoTime();
    for (LocalDate day = CUT_OVER; day.isBefore(REMINDER_RUN); day = day.plusDays(1)) {
      at(day, LocalTime.of(9, 0));
      runAllDueJobs();
    }
    for (Invoice invoice : migrated) {
      int state = state(index(invoice));
      List<StoredDocument> docs = documents.forInvoice(invoice);
      if (state == 4) {
        assertThat(docs).as(invoice.invoiceNumber()).extracting(StoredDocument::kind)
            .containsExactly(DocumentKind.AGENCY_CASE);
        assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.IN_COLLECTION);
      } else {
        assertThat(docs).as(invoice.invoiceNumber() + " before the reminder run").isEmpty();
      }
    }

    // The reminder run.
    at(REMINDER_RUN, LocalTime.of(6, 0));
    int jobs = runAllDueJobs();
    double runSeconds = (System.nanoTime() - started) / 1e9;
    int reminded = 0;
    for (Invoice invoice : migrated) {
      int state = state(index(invoice));
      List<StoredDocument> docs = documents.forInvoice(invoice);
      assertThat(docs).as(invoice.invoiceNumber() + ": the invoice is never sent again")
          .noneMatch(d -> d.kind() == DocumentKind.INVOICE);
      Invoice now = reload(invoice);
      switch (state) {
        case 1 -> {
          assertThat(docs).as(invoice.invoiceNumber()).extracting(StoredDocument::kind, StoredDocument::sequenceNumber,
              StoredDocument::isSent).containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentKind.REMINDER, 1,
              true));
          assertThat(now.status()).isEqualTo(InvoiceStatus.REMINDED);
          reminded++;
        }
        case 2, 3 -> {
          // the old system's reminder 1 is not sent again: the run sends reminder 2
          assertThat(docs).as(invoice.invoiceNumber()).extracting(StoredDocument::kind, StoredDocument::sequenceNumber,
              StoredDocument::isSent).containsExactly(org.assertj.core.groups.Tuple.tuple(DocumentKind.REMINDER, 2,
              true));
          assertThat(now.remindersSent()).isEqualTo(2);
          reminded++;
        }
        case 4 -> assertThat(docs).extracting(StoredDocument::kind).containsExactly(DocumentKind.AGENCY_CASE);
        default -> assertThat(docs).as(invoice.invoiceNumber()).isEmpty();
      }
    }
    long due = java.util.stream.IntStream.range(0, INVOICES).filter(i -> state(i) >= 1 && state(i) <= 3).count();
    assertThat(reminded).isEqualTo(due);
    System.out.printf("Cut-over of %d invoices: upload %.1f s; to the reminder run %.1f s (%d jobs in the run), "
        + "%d reminders sent%n", INVOICES, uploadSeconds, runSeconds, jobs, reminded);
  }

  private static int index(Invoice invoice) {
    String n = invoice.invoiceNumber();
    return Integer.parseInt(n.substring(n.lastIndexOf('-') + 1));
  }

  /** Every due job, however many (executeDueJobs stops at 500). */
  private int runAllDueJobs() {
    int executed = 0;
    while (true) {
      List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return executed;
      }
      management.executeJob(due.get(0).getId());
      executed++;
    }
  }
}
