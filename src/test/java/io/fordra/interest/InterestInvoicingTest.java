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
 * surviving payment of the principal, with the Swedish förseningsersättning once; a missing rate is reported.
 */
@FordraTestContext
class InterestInvoicingTest extends ProcessTestSupport {

  @org.springframework.beans.factory.annotation.Autowired io.fordra.ledger.Ledger ledger;

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
