package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.LedgerInvariant;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.ledger.LedgerAccounts;
import io.fordra.paymentplan.InstalmentReferences;
import io.fordra.paymentplan.PlanRows;
import io.fordra.paymentplan.PlanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue 20: a payment by a payment plan's instalment reference (OCR/KID) pays the plan's invoices, oldest due date
 * first, each up to its open amount, through the booking every payment takes (POST /api/payments and payment files);
 * the same bank transaction again books nothing, also when it was split. The plans are written into V44's tables.
 */
abstract class InstalmentPaymentsScenario extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcClient jdbc;
  @Autowired InstalmentReferences references;
  @Autowired LedgerAccounts accounts;

  @Test
  void aPaymentByAnInstalmentReferenceIsSharedOverThePlansInvoicesOldestFirst_theSameTransactionAgainBooksNothing()
      throws Exception {
    List<Invoice> covered = twoInvoicesOfOneCustomer();
    Invoice older = covered.get(0);
    Invoice later = covered.get(1);
    // the plan lists them newest first: the payment still fills the older first
    PlanRows.Plan plan = new PlanRows(jdbc, references).insert(PlanStatus.RUNNING, LocalDate.of(2026, 4, 30),
        List.of(later, older), "1000.00", "1500.00");
    String transaction = "PLAN-" + UUID.randomUUID();
    Map<String, String> payment = Map.of("paymentReference", plan.references().get(1), "amount", "1500.00",
        "currency", "SEK", "paidAt", "2026-03-02", "bankTransactionId", transaction);

    ResponseEntity<String> booked = call(HttpMethod.POST, "/api/payments", payment);

    assertThat(booked.getStatusCode().value()).as(booked.getBody()).isEqualTo(201);
    JsonNode answer = JSON.readTree(booked.getBody());
    assertThat(answer.get("status").asText()).isEqualTo("MATCHED");
    assertThat(answer.get("invoiceNumber").asText()).as("the first part").isEqualTo(older.invoiceNumber());
    assertThat(answer.get("message").asText()).contains("instalment 2 of payment plan " + plan.planNumber())
        .contains(older.invoiceNumber() + " (1,250.00 SEK)").contains(later.invoiceNumber() + " (250.00 SEK)");
    assertThat(reload(older).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(older).paidAmount()).isEqualByComparingTo("1250.00");
    assertThat(reload(later).paidAmount()).isEqualByComparingTo("250.00");
    assertThat(reload(later).openAmount()).isEqualByComparingTo("1000.00");
    assertThat(parts(transaction)).containsExactly(
        transaction + "#1 " + older.id() + " 1250.00 " + plan.references().get(1),
        transaction + "#2 " + later.id() + " 250.00 " + plan.references().get(1));
    assertThat(invoices.events(reload(later))).filteredOn(e -> e.type() == InvoiceEventType.PAYMENT_RECEIVED)
        .extracting(InvoiceEvent::message).singleElement().asString()
        .contains("by instalment 2 of payment plan " + plan.planNumber());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(older.invoiceNumber()).count())
        .as("paid in full: its follow-up ended").isZero();
    assertThat(processOf(later)).isNotNull();
    assertThat(LedgerInvariant.violations(jdbc, accounts)).isEmpty();
    assertThat(bankDebits(transaction)).as("the bank took the payment once, in two entries")
        .isEqualByComparingTo("1500.00");

    ResponseEntity<String> again = call(HttpMethod.POST, "/api/payments", payment);

    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(JSON.readTree(again.getBody()).get("duplicate").asBoolean()).isTrue();
    assertThat(parts(transaction)).hasSize(2);
    assertThat(reload(older).paidAmount()).isEqualByComparingTo("1250.00");
    assertThat(reload(later).paidAmount()).isEqualByComparingTo("250.00");
    assertThat(bankDebits(transaction)).isEqualByComparingTo("1500.00");
  }

  @Test
  void aLatePaymentAfterThePlanBrokeStillLandsOnItsInvoices_whatExceedsThemIsTheLastOnesCreditBalance() {
    List<Invoice> covered = twoInvoicesOfOneCustomer();
    Invoice older = covered.get(0);
    Invoice later = covered.get(1);
    PlanRows.Plan plan = new PlanRows(jdbc, references).insert(PlanStatus.BROKEN, LocalDate.of(2026, 4, 30),
        List.of(older, later), "1250.00", "1250.00");
    String transaction = "PLAN-" + UUID.randomUUID();

    var result = payments.registerOne(new io.fordra.payment.PaymentRequest(plan.references().get(0), null,
        new BigDecimal("3000.00"), Currency.SEK, LocalDate.of(2026, 3, 2), transaction));

    assertThat(result.status().name()).isEqualTo("MATCHED");
    assertThat(reload(older).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(later).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(older).creditBalance()).isEqualByComparingTo("0.00");
    assertThat(reload(later).creditBalance()).as("the overpayment, on the last invoice").isEqualByComparingTo("500.00");
    assertThat(invoices.events(reload(later))).extracting(InvoiceEvent::type).contains(InvoiceEventType.OVERPAYMENT);
    assertThat(parts(transaction)).containsExactly(
        transaction + "#1 " + older.id() + " 1250.00 " + plan.references().get(0),
        transaction + "#2 " + later.id() + " 1750.00 " + plan.references().get(0));
    assertThat(LedgerInvariant.violations(jdbc, accounts)).isEmpty();
  }

  @Test
  void aPaymentFileWithAnInstalmentReferenceSplitsItOverThePlan_theSameTransactionInAnotherFileIsADuplicate()
      throws Exception {
    List<Invoice> covered = twoInvoicesOfOneCustomer();
    Invoice older = covered.get(0);
    Invoice later = covered.get(1);
    Invoice other = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    PlanRows.Plan plan = new PlanRows(jdbc, references).insert(PlanStatus.RUNNING, LocalDate.of(2026, 4, 30),
        List.of(older, later), "1000.00", "1500.00");
    String serial = "%012d".formatted(Math.floorMod(System.nanoTime(), 1_000_000_000_000L));
    String otherSerial = "%012d".formatted(Math.floorMod(System.nanoTime() + 7, 1_000_000_000_000L));

    byte[] file = new PaymentFileImportScenario.BgMax().payment(plan.references().get(0), "1400.00", serial, '2')
        .build("20260302");
    JsonNode summary = importFile("BGMAX-PLAN-1.txt", file);

    assertThat(summary.get("status").asText()).isEqualTo("DONE");
    assertThat(summary.at("/tally/matched/count").asInt()).isEqualTo(1);
    assertThat(reload(older).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(reload(later).paidAmount()).isEqualByComparingTo("150.00");
    String transaction = "BG50501055-" + serial;
    assertThat(parts(transaction)).extracting(p -> p.substring(0, p.lastIndexOf(' '))).containsExactly(
        transaction + "#1 " + older.id() + " 1250.00", transaction + "#2 " + later.id() + " 150.00");
    assertThat(jdbc.sql("SELECT note FROM fordra_payment WHERE bank_transaction_id = :t")
        .param("t", transaction + "#2").query(String.class).single())
        .contains("instalment 1 of payment plan " + plan.planNumber());

    byte[] another = new PaymentFileImportScenario.BgMax().payment(plan.references().get(0), "1400.00", serial, '2')
        .payment(other.paymentReference(), "1250.00", otherSerial, '2').build("20260302");
    JsonNode second = importFile("BGMAX-PLAN-2.txt", another);

    assertThat(second.at("/tally/duplicates/count").asInt()).isEqualTo(1);
    assertThat(second.at("/tally/matched/count").asInt()).isEqualTo(1);
    assertThat(reload(older).paidAmount()).isEqualByComparingTo("1250.00");
    assertThat(reload(later).paidAmount()).as("booked once").isEqualByComparingTo("150.00");
    assertThat(reload(other).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(LedgerInvariant.violations(jdbc, accounts)).isEmpty();
  }

  /** A customer's two invoices of 1 250.00, sent: the older due on 1 April, the later on 15 April. */
  private List<Invoice> twoInvoicesOfOneCustomer() {
    CustomerRequest customer = customer(CustomerType.PRIVATE, Country.SE, false, true);
    Invoice later = createInvoice(customer, Currency.SEK, LocalDate.of(2026, 4, 15));
    Invoice older = createInvoice(customer, Currency.SEK, LocalDate.of(2026, 4, 1));
    executeDueJobs();
    return List.of(older, later);
  }

  /** Each stored part of the bank transaction: "id invoiceId amount reference", in id order. */
  private List<String> parts(String transaction) {
    return jdbc.sql("""
            SELECT bank_transaction_id, invoice_id, amount, payment_reference FROM fordra_payment
            WHERE bank_transaction_id = :t OR bank_transaction_id LIKE :parts ORDER BY bank_transaction_id""")
        .param("t", transaction).param("parts", transaction + "#%")
        .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBigDecimal(3).setScale(2) + " "
            + rs.getString(4))
        .list();
  }

  /** What the bank account took in the ledger for the transaction's payments. */
  private BigDecimal bankDebits(String transaction) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(l.amount), 0) FROM fordra_ledger_line l
            JOIN fordra_ledger_entry e ON e.id = l.entry_id
            JOIN fordra_payment p ON p.id = e.payment_id
            WHERE l.account = :bank AND (p.bank_transaction_id = :t OR p.bank_transaction_id LIKE :parts)""")
        .param("bank", accounts.account(LedgerAccounts.Role.BANK)).param("t", transaction)
        .param("parts", transaction + "#%").query(BigDecimal.class).single();
  }

  /** Uploads the file, books it (the import's jobs) and answers its summary. */
  private JsonNode importFile(String name, byte[] content) throws Exception {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    ResponseEntity<String> received = api().post().uri("/api/payment-files").contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    assertThat(received.getStatusCode().value()).as(received.getBody()).isEqualTo(202);
    long id = JSON.readTree(received.getBody()).get("id").asLong();
    executeDueJobs();
    return JSON.readTree(call(HttpMethod.GET, "/api/payment-files/" + id, null).getBody());
  }
}
