package io.fordra.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceLine;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * interest-invoicing end to end: interest earned per day (hand-computed), invoiced once per month per customer,
 * surviving payment of the principal, with the Swedish förseningsersättning once; a missing rate is reported; a
 * payment plan without interest waives its days if kept.
 */
@FordraTestContext
class InterestInvoicingTest extends ProcessTestSupport {

  @org.springframework.beans.factory.annotation.Autowired io.fordra.ledger.Ledger ledger;
  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aSelectedBusinessCustomersLateInvoiceEarnsInterestInvoicedMonthByMonth() {
    CustomerRequest customer = selected(CustomerType.BUSINESS);
    Invoice invoice = createInvoice(customer, Currency.SEK);           // 1 250.00 due 2026-04-01
    Invoice notSelected = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, false), Currency.SEK);
    executeDueJobs();
    at(LocalDate.of(2026, 4, 11), LocalTime.of(12, 0));
    pay(invoice, "250.00");

    // April: 2-11 April, 10 days × 1 250.00 × 10 % / 365 = 3.4246… → 3.42;
    //        12-30 April, 19 days × 1 000.00 × 10 % / 365 = 5.2054… → 5.21; plus 450.00 förseningsersättning
    at(LocalDate.of(2026, 5, 2), LocalTime.of(9, 0));
    ProcessInstance april = run("2026-04");
    assertThat(april).isEnded().hasPassed(InterestInvoicingProcess.Elements.INVOICE_CHUNK);
    List<Invoice> interestInvoices = interestInvoicesOf(customer);
    assertThat(interestInvoices).singleElement().satisfies(i -> {
      assertThat(i.totalAmount()).isEqualByComparingTo("458.63");
      assertThat(i.vatAmount()).isEqualByComparingTo("0.00");
      assertThat(i.dueDate()).isEqualTo(LocalDate.of(2026, 6, 1));
      assertThat(invoices.lines(i)).extracting(InvoiceLine::description).containsExactly(
          "Dröjsmålsränta faktura " + invoice.invoiceNumber() + ", 2026-04-02–2026-04-11, " + sek("1250.00") + " SEK à 10 %",
          "Dröjsmålsränta faktura " + invoice.invoiceNumber() + ", 2026-04-12–2026-04-30, " + sek("1000.00") + " SEK à 10 %",
          "Förseningsersättning faktura " + invoice.invoiceNumber()
              + " (lag 1981:739 om ersättning för inkassokostnader 4 a §)");
      // Booked as interest income (8313) and as the compensation (3990), no VAT.
      assertThat(ledger.entriesOf(i)).singleElement().satisfies(entry -> assertThat(entry.lines())
          .extracting(l -> l.account() + " " + l.amount().toPlainString())
          .containsExactlyInAnyOrder("1510 458.63", "8313 -8.63", "3990 -450.00"));
    });
    assertThat(events(invoice, InvoiceEventType.INTEREST_INVOICED)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("8.63").contains("förseningsersättning"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(interestInvoices.get(0)
        .invoiceNumber()).count()).as("the interest invoice follows invoice-to-cash").isOne();
    assertThat(interestInvoicesOf(notSelectedCustomer(notSelected))).as("only selected customers").isEmpty();

    // April again: nothing is invoiced twice.
    run("2026-04");
    assertThat(interestInvoicesOf(customer)).hasSize(1);

    // The rest is paid on 10 May: 1-10 May, 10 days × 1 000.00 × 10 % / 365 = 2.7397… → 2.74; no second 450.
    at(LocalDate.of(2026, 5, 10), LocalTime.of(12, 0));
    pay(invoice, "1000.00");
    at(LocalDate.of(2026, 6, 2), LocalTime.of(9, 0));
    run("2026-05");
    assertThat(interestInvoicesOf(customer)).hasSize(2).filteredOn(i -> i.totalAmount().compareTo(
        new java.math.BigDecimal("2.74")) == 0).hasSize(1);
    // Paid in full: nothing more accrues, and June invoices nothing.
    run("2026-06");
    assertThat(interestInvoicesOf(customer)).hasSize(2);
  }

  @Test
  void aPrivateDebtorPaysInterestButNoFörseningsersättning_aDayWithoutARateIsReported() {
    CustomerRequest customer = selected(CustomerType.PRIVATE);
    Invoice invoice = createInvoice(customer, Currency.SEK, LocalDate.of(2026, 6, 20));
    executeDueJobs();
    at(LocalDate.of(2026, 7, 2), LocalTime.of(9, 0));
    // June: 21-30 June, 10 days × 1 250.00 × 10 % / 365 = 3.4246… → 3.42
    run("2026-06");
    assertThat(interestInvoicesOf(customer)).singleElement()
        .satisfies(i -> assertThat(i.totalAmount()).isEqualByComparingTo("3.42"));
    // July: no rate is known from 2026-07-01 until someone adds the row; nothing is guessed or invoiced.
    at(LocalDate.of(2026, 8, 2), LocalTime.of(9, 0));
    run("2026-07");
    assertThat(interestInvoicesOf(customer)).hasSize(1);
    assertThat(events(invoice, InvoiceEventType.INTEREST_NOT_INVOICED)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("2026-07-01").contains("POST /api/interest-rates"));
  }

  @Test
  void aKeptPlanWithoutInterestWaivesItsDays_aRunningOneHoldsThemBack_aBrokenOneChargesThem() {
    CustomerRequest keeps = selected(CustomerType.PRIVATE);
    CustomerRequest breaks = selected(CustomerType.PRIVATE);
    Invoice kept = createInvoice(keeps, Currency.SEK);                 // 1 250.00 due 2026-04-01
    Invoice broken = createInvoice(breaks, Currency.SEK);
    executeDueJobs();
    // Both in a plan without interest (fordra.payment-plan.interest-during-plan false), approved on 11 April.
    String keptPlan = plan(kept, "PAID", "2026-04-11T08:00:00+02:00", "2026-04-20T12:00:00+02:00");
    String brokenPlan = plan(broken, "RUNNING", "2026-04-11T08:00:00+02:00", null);
    at(LocalDate.of(2026, 4, 20), LocalTime.of(12, 0));
    pay(kept, "1250.00");

    // April. Kept (PAID): 2-10 April, 9 days × 1 250.00 × 10 % / 365 = 3.0821… → 3.08; 11-20 April nothing; paid.
    // Running: the same 2-10 April; its days from 11 April wait for the plan's end.
    at(LocalDate.of(2026, 5, 2), LocalTime.of(9, 0));
    run("2026-04");
    assertThat(interestInvoicesOf(keeps)).singleElement().satisfies(i -> {
      assertThat(i.totalAmount()).isEqualByComparingTo("3.08");
      assertThat(invoices.lines(i)).extracting(InvoiceLine::description).containsExactly("Dröjsmålsränta faktura "
          + kept.invoiceNumber() + ", 2026-04-02–2026-04-10, " + sek("1250.00") + " SEK à 10 %");
    });
    assertThat(events(kept, InvoiceEventType.INTEREST_INVOICED)).singleElement().satisfies(e -> assertThat(
        e.message()).contains("no interest for 2026-04-11–2026-04-20 (payment plan " + keptPlan + ")"));
    assertThat(interestInvoicesOf(breaks)).singleElement().satisfies(i -> {
      assertThat(i.totalAmount()).isEqualByComparingTo("3.08");
      assertThat(invoices.lines(i)).extracting(InvoiceLine::description).containsExactly("Dröjsmålsränta faktura "
          + broken.invoiceNumber() + ", 2026-04-02–2026-04-10, " + sek("1250.00") + " SEK à 10 %");
    });

    // The plan breaks on 5 May: the waiver lapses, and May's run charges 11 April-31 May as if there had been no
    // plan: 51 days × 1 250.00 × 10 % / 365 = 17.4657… → 17.47. The kept plan's invoice, paid, earns nothing more.
    jdbc.sql("UPDATE fordra_payment_plan SET status = 'BROKEN', ended_at = ? WHERE id = ?")
        .params(java.time.OffsetDateTime.parse("2026-05-05T12:00:00+02:00"), Long.parseLong(brokenPlan.substring(3)))
        .update();
    at(LocalDate.of(2026, 6, 2), LocalTime.of(9, 0));
    run("2026-05");
    assertThat(interestInvoicesOf(keeps)).hasSize(1);
    assertThat(interestInvoicesOf(breaks)).hasSize(2).anySatisfy(i -> {
      assertThat(i.totalAmount()).isEqualByComparingTo("17.47");
      assertThat(invoices.lines(i)).extracting(InvoiceLine::description).containsExactly("Dröjsmålsränta faktura "
          + broken.invoiceNumber() + ", 2026-04-11–2026-05-31, " + sek("1250.00") + " SEK à 10 %");
    });
  }

  /** A plan without interest over the invoice, written into V44/V45's tables as the plan's service leaves it. */
  private String plan(Invoice invoice, String status, String approvedAt, String endedAt) {
    jdbc.sql("""
            INSERT INTO fordra_payment_plan (customer_number, kind, status, fee, currency, created_at, decided_by,
              interest_runs, approved_at, ended_at)
            VALUES (?, 'INSTALMENTS', ?, 0, 'SEK', ?, 'test', FALSE, ?, ?)""")
        .params(invoice.customerNumber(), status, java.time.OffsetDateTime.parse(approvedAt),
            java.time.OffsetDateTime.parse(approvedAt),
            endedAt == null ? null : java.time.OffsetDateTime.parse(endedAt))
        .update();
    long id = jdbc.sql("SELECT MAX(id) FROM fordra_payment_plan WHERE customer_number = ?")
        .param(invoice.customerNumber()).query(Long.class).single();
    jdbc.sql("INSERT INTO fordra_payment_plan_invoice (plan_id, invoice_id) VALUES (?, ?)").params(id, invoice.id())
        .update();
    return "PP-" + id;
  }

  /** Amounts as Swedish letters print them (a narrow space between thousands). */
  private static String sek(String amount) {
    return io.fordra.invoice.Money.format(new java.math.BigDecimal(amount), "sv");
  }

  private ProcessInstance run(String month) {
    ProcessInstance instance = runtime.startProcessInstanceByMessage(InterestInvoicingProcess.RUN_BY_HAND,
        "interest-" + month, Variables.createVariables().putValue(InterestInvoicingProcess.MONTH.name(), month));
    assertThat(instance).isWaitingAt(InterestInvoicingProcess.Elements.INVOICE_CHUNK);
    executeDueJobs();
    return instance;
  }

  private static CustomerRequest selected(CustomerType type) {
    String number = "I-" + UUID.randomUUID().toString().substring(0, 8);
    return new CustomerRequest(number, type == CustomerType.BUSINESS ? "Sen Betalare AB" : "Sven Sen", type, false,
        Country.SE, type == CustomerType.BUSINESS ? "556036-0793" : null, number.toLowerCase() + "@late.example",
        null, new CustomerRequest.AddressRequest("Storgatan 1", "111 22", "Stockholm", null), false, Channel.EMAIL,
        null, null, null, null, null, true);
  }

  private List<Invoice> interestInvoicesOf(CustomerRequest customer) {
    return interestInvoicesOf(customer.customerNumber());
  }

  private List<Invoice> interestInvoicesOf(String customerNumber) {
    return invoices.search(customerNumber, null, null, null, 100).stream()
        .filter(i -> invoices.lines(i).stream().allMatch(l -> l.vatRate().signum() == 0)).toList();
  }

  private static String notSelectedCustomer(Invoice invoice) {
    return invoice.customerNumber();
  }

  private List<InvoiceEvent> events(Invoice invoice, InvoiceEventType type) {
    return invoices.events(reload(invoice)).stream().filter(e -> e.type() == type).toList();
  }
}
