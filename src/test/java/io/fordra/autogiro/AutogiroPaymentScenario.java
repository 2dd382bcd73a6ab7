package io.fordra.autogiro;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.ProcessTestSupport;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.payment.file.PaymentFileService;
import io.fordra.payment.file.PaymentFileSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19, Autogiro payment orders end to end: an invoice to a customer with an ACTIVE mandate is registered for
 * debit, goes in the payment file a banking day before its due date, and the bank's payment specification through
 * PaymentFileService books it (PAID, in the ledger); a failed debit falls back to the reserve channel and a reminder.
 * Run on H2 and on PostgreSQL.
 */
abstract class AutogiroPaymentScenario extends ProcessTestSupport {

  static final String CUSTOMER_NUMBER = "fordra.autogiro.customer-number=4711";
  static final String BANKGIRO = "fordra.autogiro.bankgiro=991-2346";
  static final String NO_SCHEDULE = "fordra.autogiro.payment-file-cron=-";
  static final String AVTALEGIRO_SENDER = "fordra.avtalegiro.data-sender=12345";
  static final String AVTALEGIRO_ACCOUNT = "fordra.avtalegiro.account=8601.11.17947";
  static final String AVTALEGIRO_NO_SCHEDULE = "fordra.avtalegiro.claim-file-cron=-";

  @Autowired AutogiroPaymentFiles paymentFiles;
  @Autowired AvtaleGiroClaimFiles claimFiles;
  @Autowired PaymentFileService paymentFileService;
  @Autowired JdbcClient jdbc;

  /** A Swedish private customer paying by Autogiro; the mandate is ACTIVE unless said otherwise. */
  private CustomerRequest debitCustomer(String payerNumber) {
    CustomerRequest c = customer(CustomerType.PRIVATE, Country.SE, false, true);
    return new CustomerRequest(c.customerNumber(), c.name(), c.type(), c.priority(), c.country(),
        c.organisationNumber(), c.email(), null, c.address(), c.reminderFeeAgreed(), Channel.DIRECT_DEBIT, null, null,
        null, null, payerNumber, null);
  }

  /** The customer's mandate as the bank has it (the customer register already asked for it: REQUESTED). */
  private void mandate(CustomerRequest customer, String payerNumber, String status) {
    int asked = jdbc.sql("UPDATE fordra_mandate SET status = ? WHERE scheme = 'AUTOGIRO' AND payer_number = ?")
        .params(status, payerNumber).update();
    if (asked > 0) {
      return;
    }
    jdbc.sql("""
        INSERT INTO fordra_mandate (scheme, customer_number, payer_number, status, origin, created_at, updated_at)
        VALUES ('AUTOGIRO', ?, ?, ?, 'FORDRA', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
        .params(customer.customerNumber(), payerNumber, status).update();
  }

  private static String payerNumber() {
    return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L + 1);
  }

  private Invoice debitedInvoice(String payerNumber, String mandateStatus) {
    CustomerRequest customer = debitCustomer(payerNumber);
    Invoice invoice = createInvoice(customer, Currency.SEK);
    mandate(customer, payerNumber, mandateStatus);
    executeDueJobs();
    assertThat(order(invoice, "status")).isEqualTo("REGISTERED");
    return invoice;
  }

  private String order(Invoice invoice, String column) {
    return jdbc.sql("SELECT CAST(" + column + " AS VARCHAR(255)) FROM fordra_direct_debit WHERE invoice_id = ?")
        .param(invoice.id()).query(String.class).single();
  }

  private List<String> records(Path file) throws Exception {
    return List.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\r\n"));
  }

  private List<String> lines(List<String> records, String type) {
    return records.stream().filter(r -> r.startsWith(type)).toList();
  }

  private List<InvoiceEventType> events(Invoice invoice) {
    return invoices.events(reload(invoice)).stream().map(e -> e.type()).toList();
  }

  private PaymentFileSummary receive(byte[] file) {
    PaymentFileSummary summary = paymentFileService.receive("autogiro-result.txt", file);
    executeDueJobs();
    return paymentFileService.summary(summary.id());
  }

  @Test
  void anInvoiceIsInThePaymentFileABankingDayBeforeItsDueDate_theBanksResultBooksItPaid() throws Exception {
    String payer = payerNumber();
    Invoice invoice = debitedInvoice(payer, "ACTIVE");

    // 2026-03-02: the due date 2026-04-01 (a Wednesday) is weeks away; nothing goes yet.
    List<Path> early = paymentFiles.writeDue();
    assertThat(early.stream().filter(f -> contains(f, invoice.paymentReference()))).isEmpty();

    advanceTo(LocalDate.of(2026, 3, 31), LocalTime.of(7, 0)); // Tuesday: the last banking day before the debit date
    List<Path> written = paymentFiles.writeDue();
    Path file = written.stream().filter(f -> contains(f, invoice.paymentReference())).findFirst().orElseThrow();
    assertThat(file.getParent()).isEqualTo(Path.of(outbox()));
    List<String> records = records(file);
    assertThat(records.get(0)).isEqualTo("0120260331AUTOGIRO" + " ".repeat(44) + "0047110009912346  ");
    String tk82 = lines(records, "82").stream().filter(r -> r.contains(invoice.paymentReference())).findFirst()
        .orElseThrow();
    assertThat(tk82).isEqualTo("82202604010    " + "0".repeat(16 - payer.length()) + payer + "000000125000"
        + "0009912346" + String.format("%-16s", invoice.paymentReference()) + " ".repeat(11));
    assertThat(order(invoice, "status")).isEqualTo("IN_FILE");
    assertThat(order(invoice, "file_name")).isEqualTo(file.getFileName().toString());
    assertThat(events(invoice)).contains(InvoiceEventType.DIRECT_DEBIT_REGISTERED,
        InvoiceEventType.DIRECT_DEBIT_IN_FILE);

    // A second run (another node, or the same one again) does not put the order in another file.
    assertThat(paymentFiles.writeDue().stream().filter(f -> contains(f, invoice.paymentReference()))).isEmpty();

    // The bank debits on 2026-04-01; its payment specification arrives the day after.
    advanceTo(LocalDate.of(2026, 4, 2), LocalTime.of(6, 30));
    byte[] result = new PaymentSpecificationBuilder("4711", "9912346")
        .debit(payer, "1250.00", LocalDate.of(2026, 4, 1), invoice.paymentReference(), '0').build();
    PaymentFileSummary summary = receive(result);
    assertThat(summary.payments()).isEqualTo(1);
    assertThat(reload(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(order(invoice, "status")).isEqualTo("DEBITED");
    assertThat(events(invoice)).contains(InvoiceEventType.DIRECT_DEBIT_DEBITED, InvoiceEventType.PAID);
    assertThat(jdbc.sql("""
        SELECT COUNT(*) FROM fordra_ledger_entry e JOIN fordra_payment p ON p.id = e.payment_id
         WHERE p.invoice_id = ? AND p.payment_file_id = ?""").params(invoice.id(), summary.id())
        .query(Integer.class).single()).isOne();

    // The same file again books nothing twice.
    PaymentFileSummary again = paymentFileService.receive("autogiro-result-again.txt", result);
    assertThat(again.sameFileAgain()).isTrue();
    assertThat(reload(invoice).paidAmount()).isEqualByComparingTo("1250.00");
  }

  @Test
  void twoNodesWritingAtOnceNeverPutAnOrderInTwoFiles() throws Exception {
    List<Invoice> due = List.of(debitedInvoice(payerNumber(), "ACTIVE"), debitedInvoice(payerNumber(), "ACTIVE"),
        debitedInvoice(payerNumber(), "ACTIVE"));
    advanceTo(LocalDate.of(2026, 3, 31), LocalTime.of(7, 0));

    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = nodes.submit(paymentFiles::writeDue);
      var second = nodes.submit(paymentFiles::writeDue);
      List<Path> written = new java.util.ArrayList<>(first.get());
      written.addAll(second.get());
      for (Invoice invoice : due) {
        assertThat(written.stream().distinct().filter(f -> contains(f, invoice.paymentReference())))
            .as("files with invoice %s", invoice.invoiceNumber()).hasSize(1);
        assertThat(order(invoice, "status")).isEqualTo("IN_FILE");
        assertThat(events(invoice).stream().filter(e -> e == InvoiceEventType.DIRECT_DEBIT_IN_FILE)).hasSize(1);
      }
    } finally {
      nodes.shutdown();
    }
  }

  @Test
  void aFailedDebitFailsTheOrder_theInvoiceGoesByTheReserveChannelAndIsRemindedAfterItsDueDate() {
    String payer = payerNumber();
    Invoice invoice = debitedInvoice(payer, "ACTIVE");
    org.camunda.bpm.engine.runtime.ProcessInstance followUp = processOf(invoice);
    advanceTo(LocalDate.of(2026, 3, 31), LocalTime.of(7, 0));
    paymentFiles.writeDue();
    assertThat(order(invoice, "status")).isEqualTo("IN_FILE");

    advanceTo(LocalDate.of(2026, 4, 2), LocalTime.of(6, 30));
    PaymentFileSummary summary = receive(new PaymentSpecificationBuilder("4711", "9912346")
        .debit(payer, "1250.00", LocalDate.of(2026, 4, 1), invoice.paymentReference(), '1').build());

    assertThat(summary.payments()).isZero();
    assertThat(order(invoice, "status")).isEqualTo("FAILED");
    assertThat(order(invoice, "reason")).isEqualTo("Autogiro: insufficient funds (täckning saknas)");
    assertThat(events(invoice)).contains(InvoiceEventType.DIRECT_DEBIT_FAILED);
    assertThat(reload(invoice).paidAmount()).isEqualByComparingTo("0.00");

    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 0)); // the reminder run
    Invoice reminded = reload(invoice);
    assertThat(reminded.status()).isEqualTo(InvoiceStatus.REMINDED);
    assertThat(reminded.remindersSent()).isEqualTo(1);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(followUp)
        .hasPassed(io.fordra.invoice.InvoiceToCash.Elements.MARK_OVERDUE)
        .isWaitingAt(io.fordra.invoice.InvoiceToCash.Elements.WAIT_FOR_REMINDER_DEADLINE);
  }

  @Test
  void anOrderWithoutAnActiveMandateWaits_isReportedOnce_andFailsOnItsDebitDate() {
    String payer = payerNumber();
    // Only an active mandate makes the channel DIRECT_DEBIT: the payer cancels it after the order was registered.
    Invoice invoice = debitedInvoice(payer, "ACTIVE");
    jdbc.sql("UPDATE fordra_mandate SET status = 'CANCELLED' WHERE scheme = 'AUTOGIRO' AND payer_number = ?")
        .param(payer).update();

    advanceTo(LocalDate.of(2026, 3, 31), LocalTime.of(7, 0));
    paymentFiles.writeDue();
    paymentFiles.writeDue();
    assertThat(order(invoice, "status")).isEqualTo("REGISTERED");
    assertThat(events(invoice).stream().filter(e -> e == InvoiceEventType.DIRECT_DEBIT_WAITING)).hasSize(1);

    advanceTo(LocalDate.of(2026, 4, 1), LocalTime.of(7, 0));
    paymentFiles.writeDue();
    assertThat(order(invoice, "status")).isEqualTo("FAILED");
    assertThat(order(invoice, "reason")).isEqualTo("Not debited on 2026-04-01: the payer has no active Autogiro "
        + "mandate");
    assertThat(events(invoice)).contains(InvoiceEventType.DIRECT_DEBIT_FAILED);
  }

  @Test
  void aPaidInvoiceIsWithdrawnBeforeItsFile_andCancelledByTk23InTheNextFileAfter() throws Exception {
    Invoice before = debitedInvoice(payerNumber(), "ACTIVE");
    String payer = payerNumber();
    Invoice after = debitedInvoice(payer, "ACTIVE");
    pay(before, "1250.00");
    executeDueJobs();
    assertThat(order(before, "status")).isEqualTo("WITHDRAWN");
    assertThat(events(before)).contains(InvoiceEventType.DIRECT_DEBIT_WITHDRAWN);

    advanceTo(LocalDate.of(2026, 3, 31), LocalTime.of(7, 0));
    List<Path> first = paymentFiles.writeDue();
    assertThat(first.stream().filter(f -> contains(f, before.paymentReference()))).isEmpty();
    assertThat(order(after, "status")).isEqualTo("IN_FILE");

    at(LocalDate.of(2026, 3, 31), LocalTime.of(10, 0));
    pay(after, "1250.00");
    executeDueJobs();
    assertThat(order(after, "status")).isEqualTo("CANCELLING");
    at(LocalDate.of(2026, 3, 31), LocalTime.of(11, 0));
    Path next = paymentFiles.writeDue().stream().filter(f -> contains(f, after.paymentReference())).findFirst()
        .orElseThrow();
    List<String> tk23 = lines(records(next), "23");
    assertThat(tk23).singleElement().isEqualTo("23" + "0009912346" + "0".repeat(16 - payer.length()) + payer
        + "20260401" + "000000125000" + "82" + " ".repeat(8) + String.format("%-16s", after.paymentReference())
        + " ".repeat(6));
    assertThat(order(after, "status")).isEqualTo("CANCELLED");
  }

  @Test
  void aResultForNoOrderIsKeptAsideAndOneForAPaidInvoiceIsAnOverpayment_neverLostNorBookedTwice() {
    String payer = payerNumber();
    Invoice invoice = debitedInvoice(payer, "ACTIVE");
    advanceTo(LocalDate.of(2026, 3, 31), LocalTime.of(7, 0));
    paymentFiles.writeDue();
    // Paid by bank transfer on the debit date itself: too late to cancel, the bank debits as well.
    at(LocalDate.of(2026, 4, 1), LocalTime.of(12, 0));
    pay(invoice, "1250.00");
    executeDueJobs();
    assertThat(order(invoice, "status")).isEqualTo("IN_FILE");

    advanceTo(LocalDate.of(2026, 4, 2), LocalTime.of(6, 30));
    PaymentFileSummary summary = receive(new PaymentSpecificationBuilder("4711", "9912346")
        .debit(payer, "1250.00", LocalDate.of(2026, 4, 1), invoice.paymentReference(), '0')
        .debit("999999999999", "80.00", LocalDate.of(2026, 4, 1), "4242", '2').build());

    assertThat(summary.remarks()).anySatisfy(r -> assertThat(r).contains("invoice " + invoice.invoiceNumber()
        + " was already paid; the debit is booked as an overpayment"));
    assertThat(summary.remarks()).anySatisfy(r -> assertThat(r).contains("Payer number 999999999999")
        .contains("no debit order was sent"));
    Invoice overpaid = reload(invoice);
    assertThat(overpaid.paidAmount()).isEqualByComparingTo("2500.00");
    assertThat(overpaid.creditBalance()).isEqualByComparingTo("1250.00");
    assertThat(events(invoice)).contains(InvoiceEventType.OVERPAYMENT);
    assertThat(order(invoice, "status")).isEqualTo("DEBITED");
  }

  abstract String outbox();

  private Invoice claimedInvoice(boolean bankNotifies) {
    String kid = payerNumber();
    CustomerRequest c = customer(CustomerType.PRIVATE, Country.NO, false, false);
    CustomerRequest customer = new CustomerRequest(c.customerNumber(), c.name(), c.type(), c.priority(), c.country(),
        c.organisationNumber(), c.email(), null, c.address(), c.reminderFeeAgreed(), Channel.DIRECT_DEBIT, null, null,
        null, null, kid, null);
    Invoice invoice = createInvoice(customer, Currency.NOK);
    jdbc.sql("DELETE FROM fordra_mandate WHERE scheme = 'AVTALEGIRO' AND payer_number = ?").param(kid).update();
    jdbc.sql("""
        INSERT INTO fordra_mandate (scheme, customer_number, payer_number, status, bank_notifies, origin, created_at,
                                    updated_at)
        VALUES ('AVTALEGIRO', ?, ?, 'ACTIVE', ?, 'BANK', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
        .params(customer.customerNumber(), kid, bankNotifies).update();
    executeDueJobs();
    assertThat(order(invoice, "status")).isEqualTo("REGISTERED");
    return invoice;
  }

  private static String kidField(Invoice invoice) {
    return String.format("%25s", invoice.paymentReference());
  }

  @Test
  void avtaleGiro_aClaimGoesFourWorkingDaysBeforeTheDueDateWithThePayersNotice_theKidPaymentDebitsIt()
      throws Exception {
    Invoice bankNotice = claimedInvoice(true);
    Invoice ownNotice = claimedInvoice(false);

    advanceTo(LocalDate.of(2026, 3, 25), LocalTime.of(7, 0)); // 5 Norwegian working days before 1 April
    assertThat(claimFiles.writeDue().stream().filter(f -> contains(f, bankNotice.paymentReference()))).isEmpty();
    advanceTo(LocalDate.of(2026, 3, 26), LocalTime.of(7, 0));
    Path file = claimFiles.writeDue().stream().filter(f -> contains(f, bankNotice.paymentReference())).findFirst()
        .orElseThrow();
    assertThat(file.getFileName().toString()).startsWith("AVTALEGIRO-KRAV-86011117947-");
    List<String> records = records(file);
    assertThat(records.get(0)).startsWith("NY00001000012345");
    assertThat(records.get(1)).startsWith("NY210020000000000").contains("86011117947");
    assertThat(records).anySatisfy(r -> assertThat(r).startsWith("NY212130").contains("010426")
        .contains("00000000000125000" + kidField(bankNotice)));
    assertThat(records).anySatisfy(r -> assertThat(r).startsWith("NY210230")
        .contains("00000000000125000" + kidField(ownNotice)));
    assertThat(order(bankNotice, "status")).isEqualTo("IN_FILE");

    // The own-notice invoice is paid by transfer before its due date: its claim is cancelled in the next file.
    at(LocalDate.of(2026, 3, 27), LocalTime.of(9, 0));
    pay(ownNotice, "1250.00");
    executeDueJobs();
    assertThat(order(ownNotice, "status")).isEqualTo("CANCELLING");
    Path cancellation = claimFiles.writeDue().stream().filter(f -> contains(f, ownNotice.paymentReference()))
        .findFirst().orElseThrow();
    assertThat(records(cancellation)).anySatisfy(r -> assertThat(r).startsWith("NY219330")
        .contains(kidField(ownNotice)));
    assertThat(order(ownNotice, "status")).isEqualTo("CANCELLED");

    // The debit comes back as a KID payment (OCR Giro) on the due date: the order is DEBITED, the invoice PAID.
    at(LocalDate.of(2026, 4, 1), LocalTime.of(9, 0));
    pay(bankNotice, "1250.00");
    executeDueJobs();
    assertThat(order(bankNotice, "status")).isEqualTo("DEBITED");
    assertThat(reload(bankNotice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(events(bankNotice)).contains(InvoiceEventType.DIRECT_DEBIT_DEBITED);
  }

  private static boolean contains(Path file, String text) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
