package io.fordra.ledger;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.collection.CollectionOutcome;
import io.fordra.collection.CollectionService;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.payment.PaymentRequest;
import io.fordra.payment.PaymentResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.HttpClientErrorException;

/** Each business event books one balanced entry on the BAS accounts; figures worked out by hand. */
@FordraTestContext
class LedgerBookingsTest extends ProcessTestSupport {

  @Autowired Ledger ledger;
  @Autowired CollectionService collection;

  @Test
  void invoiceOnThreeVatRatesThenPartCreditPaymentsOverpaymentAndRefund() {
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    // 10 000 at 25 %, 1 000 at 12 %, 500 at 6 %: VAT 2 500 + 120 + 30, total 14 150.00.
    Invoice invoice = invoices.create(new InvoiceRequest("L-" + UUID.randomUUID().toString().substring(0, 8),
        customer.customerNumber(), customer, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), Currency.SEK,
        List.of(line("Consulting", "10000.00", "25"), line("Food", "1000.00", "12"), line("Books", "500.00", "6")),
        null, null));
    assertThat(entry(invoice, 0).kind()).isEqualTo(EntryKind.INVOICE);
    assertThat(entry(invoice, 0).bookingDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(accounts(entry(invoice, 0))).isEqualTo(Map.of("1510", "14150.00", "3001", "-10000.00",
        "3002", "-1000.00", "3003", "-500.00", "2611", "-2500.00", "2621", "-120.00", "2631", "-30.00"));

    // A tenth credited: 1 250.00 / 112.00 / 53.00 gross per rate, net = gross / (1 + rate).
    invoices.credit(invoices.lock(invoice.invoiceNumber()), new BigDecimal("1415.00"), "10 % discount");
    assertThat(accounts(entry(invoice, 1))).isEqualTo(Map.of("3001", "1000.00", "2611", "250.00",
        "3002", "100.00", "2621", "12.00", "3003", "50.00", "2631", "3.00", "1510", "-1415.00"));

    pay(invoice, "10000.00");
    assertThat(accounts(entry(invoice, 2))).isEqualTo(Map.of("1930", "10000.00", "1510", "-10000.00"));
    assertThat(entry(invoice, 2).kind()).isEqualTo(EntryKind.PAYMENT);

    // 2 735.00 is open: a payment of 3 000.00 leaves 265.00 as the customer's credit.
    pay(invoice, "3000.00");
    assertThat(accounts(entry(invoice, 3))).isEqualTo(Map.of("1930", "3000.00", "1510", "-2735.00",
        "2420", "-265.00"));
    assertThat(ledger.receivableBalance(reload(invoice))).isEqualByComparingTo("0.00");
    assertThat(reload(invoice).refundableAmount()).isEqualByComparingTo("265.00");

    Invoice refunded = invoices.refund(invoice.invoiceNumber(), null, "Paid back to the customer's account");
    assertThat(accounts(entry(invoice, 4))).isEqualTo(Map.of("2420", "265.00", "1930", "-265.00"));
    assertThat(refunded.refundableAmount()).isEqualByComparingTo("0.00");
    assertThat(refunded.refundedAmount()).isEqualByComparingTo("265.00");
    assertThatThrownBy(() -> invoices.refund(invoice.invoiceNumber(), null, "again"))
        .hasMessageContaining("no credit balance to refund");
  }

  @Test
  void unmatchedPaymentWaitsOnItsOwnAccountUntilAPersonPlacesIt() {
    Invoice first = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    Invoice second = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    PaymentResult kept = payments.register(new PaymentRequest("99999999999", null, new BigDecimal("2000.00"),
        Currency.SEK, LocalDate.of(2026, 3, 5), "BANK-" + UUID.randomUUID()));
    assertThat(kept.status().name()).isEqualTo("UNMATCHED");
    assertThat(accounts(paymentEntries(kept.paymentId()).get(0))).isEqualTo(Map.of("1930", "2000.00",
        "2421", "-2000.00"));
    assertThat(paymentEntries(kept.paymentId()).get(0).bookingDate()).isEqualTo(LocalDate.of(2026, 3, 5));

    // Placed by hand on two invoices of 1 250.00: the first is paid, the rest (750.00) goes to the second.
    payments.matchByHand(kept.paymentId(), List.of(first.invoiceNumber(), second.invoiceNumber()), "finance-1");
    assertThat(accounts(entry(first, 1))).isEqualTo(Map.of("2421", "1250.00", "1510", "-1250.00"));
    assertThat(accounts(entry(second, 1))).isEqualTo(Map.of("2421", "750.00", "1510", "-750.00"));
    assertThat(ledger.receivableBalance(reload(second))).isEqualByComparingTo("500.00");

    PaymentResult prepayment = payments.register(new PaymentRequest(null, "NO-SUCH-INVOICE",
        new BigDecimal("300.00"), Currency.SEK, LocalDate.of(2026, 3, 6), "BANK-" + UUID.randomUUID()));
    payments.bookUnallocated(prepayment.paymentId(), "Prepayment for the next order", "finance-1");
    List<LedgerEntry> booked = paymentEntries(prepayment.paymentId());
    assertThat(booked).extracting(LedgerEntry::kind)
        .containsExactly(EntryKind.UNMATCHED_PAYMENT, EntryKind.UNALLOCATED_CREDIT);
    assertThat(accounts(booked.get(1))).isEqualTo(Map.of("2421", "300.00", "2420", "-300.00"));
  }

  @Test
  void feeThenPartPaymentThenTheAgencyCannotCollectWritesOffTheRestWithItsVat() {
    Invoice invoice = createInvoice(customer(CustomerType.BUSINESS, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    advanceTo(LocalDate.of(2026, 4, 2));
    advanceTo(LocalDate.of(2026, 4, 15), LocalTime.of(7, 0));
    assertThat(entries(invoice)).extracting(LedgerEntry::kind).containsExactly(EntryKind.INVOICE, EntryKind.FEE);
    assertThat(accounts(entry(invoice, 1))).isEqualTo(Map.of("1510", "60.00", "3990", "-60.00"));
    advanceTo(LocalDate.of(2026, 4, 26));
    advanceTo(LocalDate.of(2026, 5, 7));
    assertThat(processOf(invoice)).isWaitingAt(io.fordra.invoice.InvoiceToCash.Elements.WAIT_FOR_AGENCY);
    pay(invoice, "300.00");
    executeDueJobs();

    // 1 250.00 + 60.00 fee − 300.00 paid (fee first) = 1 010.00 of principal: net 808.00, VAT 202.00.
    collection.reportOutcome(invoice.invoiceNumber(), CollectionOutcome.UNCOLLECTIBLE, "debtor insolvent");
    Invoice closed = reload(invoice);
    assertThat(closed.status()).isEqualTo(InvoiceStatus.CLOSED);
    assertThat(closed.openAmount()).isEqualByComparingTo("0.00");
    assertThat(closed.writtenOffAmount()).isEqualByComparingTo("1010.00");
    LedgerEntry writeOff = entries(invoice).get(entries(invoice).size() - 1);
    assertThat(writeOff.kind()).isEqualTo(EntryKind.WRITE_OFF);
    assertThat(accounts(writeOff)).isEqualTo(Map.of("6351", "808.00", "2611", "202.00", "1510", "-1010.00"));
  }

  @Test
  void refundsAndWriteOffsRefuseWhatCannotBeDone() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    assertThat(status(() -> api().post().uri("/api/invoices/{n}/refunds", invoice.invoiceNumber())
        .body(Map.of("reason", "x")).retrieve().toBodilessEntity())).isEqualTo(400);
    assertThat(status(() -> api().post().uri("/api/invoices/{n}/write-offs", invoice.invoiceNumber())
        .body(Map.of("reason", "bankrupt")).retrieve().toBodilessEntity())).isEqualTo(409);
    assertThat(status(() -> api().post().uri("/api/invoices/{n}/write-offs", invoice.invoiceNumber())
        .body(Map.of()).retrieve().toBodilessEntity())).isEqualTo(400);
    pay(invoice, "1300.00");
    assertThat(status(() -> api().post().uri("/api/invoices/{n}/refunds", invoice.invoiceNumber())
        .body(Map.of("amount", "50.01", "reason", "x")).retrieve().toBodilessEntity())).isEqualTo(400);
    var result = api().post().uri("/api/invoices/{n}/refunds", invoice.invoiceNumber())
        .body(Map.of("amount", "50.00", "reason", "Paid back")).retrieve().toEntity(Map.class);
    assertThat(result.getStatusCode().value()).isEqualTo(201);
    assertThat(result.getBody()).containsEntry("creditBalance", 0.0).containsEntry("refundedAmount", 50.0);
    Map<?, ?> view = api().get().uri("/api/invoices/{n}/ledger", invoice.invoiceNumber()).retrieve()
        .body(Map.class);
    assertThat((List<?>) view.get("entries")).hasSize(3);
    assertThat(view.get("receivablesBalance")).isEqualTo(0.0);
  }

  private static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (HttpClientErrorException e) {
      return e.getStatusCode().value();
    }
  }

  private static InvoiceRequest.LineRequest line(String description, String price, String rate) {
    return new InvoiceRequest.LineRequest(description, BigDecimal.ONE, new BigDecimal(price), new BigDecimal(rate),
        null, null);
  }

  private List<LedgerEntry> entries(Invoice invoice) {
    return ledger.entriesOf(invoice);
  }

  private LedgerEntry entry(Invoice invoice, int index) {
    return entries(invoice).get(index);
  }

  private List<LedgerEntry> paymentEntries(long paymentId) {
    return repository.ofPayment(paymentId);
  }

  @Autowired LedgerRepository repository;

  /** An entry's lines as account → signed amount (a test's entries use each account once). */
  private static Map<String, String> accounts(LedgerEntry entry) {
    Map<String, String> byAccount = new TreeMap<>();
    entry.lines().forEach(l -> byAccount.merge(l.account(), l.amount().toPlainString(),
        (a, b) -> new BigDecimal(a).add(new BigDecimal(b)).toPlainString()));
    assertThat(entry.sum()).isEqualByComparingTo("0");
    return byAccount;
  }
}
