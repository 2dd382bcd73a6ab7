package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.LedgerInvariant;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.Identifiers;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violation;
import io.fordra.ledger.LedgerAccounts;
import io.fordra.payment.PaymentRequest;
import io.fordra.payment.PaymentResult;
import io.fordra.payment.PaymentService;
import io.fordra.reference.PaymentReferences;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PaymentPlanService on the database: every reason a request is refused at the door, the fee caps, the instalments
 * with their own OCRs, payments counted towards the instalments (once), each lifecycle step, and two requests for one
 * invoice at the same moment. Today is 2026-03-02; the invoices are issued that day and due 2026-04-01.
 */
@RecordApplicationEvents
abstract class PaymentPlanServiceScenario {

  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final LocalDate DUE = LocalDate.of(2026, 4, 1);

  @Autowired PaymentPlanService service;
  @Autowired InvoiceService invoices;
  @Autowired PaymentService payments;
  @Autowired JdbcClient jdbc;
  @Autowired LedgerAccounts accounts;
  @Autowired RuntimeService runtime;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;
  @Autowired ApplicationEvents published;

  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant()));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    // The shared context's other tests run due jobs: these invoices' follow-ups are not theirs to run.
    for (String key : started) {
      runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceToCash.KEY).processInstanceBusinessKey(key)
          .list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test cleanup", true, true));
    }
  }

  // ------------------------------------------------------------------------------------------------ the door

  @Test
  void aRequestWithoutCustomerInvoicesKindOrRequesterListsEveryReason() {
    assertThatThrownBy(() -> service.request(new PlanRequest("NOPE-" + unique(), List.of(), null, null, null, null,
        "x".repeat(1001), null, null)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(
            Violation::field).containsExactlyInAnyOrder("customerNumber", "kind", "requestedBy", "note",
            "invoiceNumbers"));
  }

  @Test
  void invoicesThatAreNotTheCustomersOpenOnesInOneCurrencyAreEachNamed() {
    CustomerRequest customer = customer(Country.SE, CustomerType.BUSINESS);
    Invoice sek = invoice(customer, Currency.SEK, "1250.00");
    Invoice eur = invoice(customer, Currency.EUR, "1250.00");
    Invoice paid = invoice(customer, Currency.SEK, "1250.00");
    pay(paid, "1250.00");
    Invoice held = invoice(customer, Currency.SEK, "1250.00");
    PaymentPlanView other = service.request(instalments(customer, List.of(held.invoiceNumber()), 2, null));
    Invoice someoneElses = invoice(customer(Country.SE, CustomerType.PRIVATE), Currency.SEK, "1250.00");

    String unknown = "NO-SUCH-" + unique();

    assertThatThrownBy(() -> service.request(instalments(customer, List.of(sek.invoiceNumber(), eur.invoiceNumber(),
        paid.invoiceNumber(), held.invoiceNumber(), someoneElses.invoiceNumber(), unknown, sek.invoiceNumber(),
        "bad number!"), 2, null)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("invoiceNumbers[4]", "customer " + customer.customerNumber() + " has no invoice "
                + someoneElses.invoiceNumber()),
            new Violation("invoiceNumbers[5]", "customer " + customer.customerNumber() + " has no invoice "
                + unknown),
            new Violation("invoiceNumbers[6]", "invoice " + sek.invoiceNumber() + " is named twice"),
            new Violation("invoiceNumbers[7]", Identifiers.problem("bad number!")),
            new Violation("invoiceNumbers[2]", "invoice " + paid.invoiceNumber() + " is PAID: there is nothing to "
                + "plan"),
            new Violation("invoiceNumbers[3]", "invoice " + held.invoiceNumber() + " is already in payment plan "
                + other.planNumber() + " (REQUESTED)"),
            new Violation("invoiceNumbers", "the invoices are in EUR and SEK: a plan is in one currency")));
    assertThat(service.ofCustomer(customer.customerNumber())).extracting(PaymentPlanView::id)
        .containsExactly(other.id());
  }

  @Test
  void instalmentsOutsideTheLimitsAreRefusedWithTheirReasons() {
    CustomerRequest customer = customer(Country.SE, CustomerType.PRIVATE);
    List<String> invoice = List.of(invoice(customer, Currency.SEK, "1000.00").invoiceNumber());

    assertThat(reasons(instalments(customer, invoice, 0, null))).containsExactly(
        new Violation("instalments", "must be 1 or more, but was 0"));
    assertThat(reasons(instalments(customer, invoice, 13, null))).containsExactly(
        new Violation("instalments", "must be at most 12, but was 13"));
    assertThat(reasons(instalments(customer, invoice, 4, null))).containsExactly(
        new Violation("instalments", "4 instalments of 1000.00 SEK would be 250.00 each, below the minimum "
            + "instalment of 300.00 SEK"));
    assertThat(reasons(instalments(customer, invoice, null, null))).containsExactly(
        new Violation("instalments", "is required"));
    assertThat(reasons(instalments(customer, invoice, 2, TODAY.minusDays(1)))).containsExactly(
        new Violation("firstDueDate", "must be today (2026-03-02) or later, but was 2026-03-01"));
    assertThat(reasons(instalments(customer, invoice, 2, LocalDate.of(2026, 4, 3)))).containsExactly(
        new Violation("firstDueDate", "must be at most fordra.payment-plan.interval (P1M) from today, by 2026-04-02,"
            + " but was 2026-04-03"));
    assertThat(reasons(new PlanRequest(customer.customerNumber(), invoice, PlanKind.INSTALMENTS, 2, null,
        DUE.plusDays(5), null, PlanRequest.RequestedBy.CUSTOMER, null))).containsExactly(
        new Violation("deferTo", "is for a DEFERRAL only"));
    assertThat(service.ofCustomer(customer.customerNumber())).isEmpty();
  }

  @Test
  void aDeferralIsForOneInvoiceToALaterDateWithinMaxDeferral() {
    CustomerRequest customer = customer(Country.SE, CustomerType.PRIVATE);
    String one = invoice(customer, Currency.SEK, "1250.00").invoiceNumber();
    String two = invoice(customer, Currency.SEK, "1250.00").invoiceNumber();

    assertThat(reasons(deferral(customer, List.of(one, two), DUE.plusDays(5)))).containsExactly(
        new Violation("invoiceNumbers", "a deferral is for exactly one invoice, but 2 were named"));
    assertThat(reasons(deferral(customer, List.of(one), null))).containsExactly(
        new Violation("deferTo", "is required"));
    assertThat(reasons(deferral(customer, List.of(one), TODAY))).containsExactly(
        new Violation("deferTo", "must be after today (2026-03-02), but was 2026-03-02"),
        new Violation("deferTo", "must be after invoice " + one + "'s due date 2026-04-01, but was 2026-03-02"));
    assertThat(reasons(deferral(customer, List.of(one), DUE))).containsExactly(
        new Violation("deferTo", "must be after invoice " + one + "'s due date 2026-04-01, but was 2026-04-01"));
    assertThat(reasons(deferral(customer, List.of(one), DUE.plusDays(61)))).containsExactly(
        new Violation("deferTo", "must be at most fordra.payment-plan.max-deferral (P60D) from 2026-04-01, by "
            + "2026-05-31, but was 2026-06-01"));
    assertThat(reasons(new PlanRequest(customer.customerNumber(), List.of(one), PlanKind.DEFERRAL, 2, TODAY,
        DUE.plusDays(5), null, PlanRequest.RequestedBy.CUSTOMER, null))).containsExactly(
        new Violation("instalments", "is for INSTALMENTS only"),
        new Violation("firstDueDate", "is for INSTALMENTS only"));
    assertThat(service.ofCustomer(customer.customerNumber())).isEmpty();

    PaymentPlanView plan = service.request(deferral(customer, List.of(one), DUE.plusDays(60)));
    assertThat(plan.status()).isEqualTo(PlanStatus.REQUESTED);
    assertThat(plan.deferTo()).isEqualTo(LocalDate.of(2026, 5, 31));
  }

  @Test
  void aRequestIsStoredAsRequestedOnItsInvoicesAndHandedToTheProcess() {
    CustomerRequest customer = customer(Country.SE, CustomerType.BUSINESS);
    Invoice first = invoice(customer, Currency.SEK, "6000.00");
    Invoice second = invoice(customer, Currency.SEK, "3000.00");
    invoices.changeStatus(second, InvoiceStatus.REMINDED, InvoiceEvent.of(InvoiceEventType.REMINDER_SENT, "test"));

    PaymentPlanView plan = service.request(new PlanRequest(customer.customerNumber(),
        List.of(second.invoiceNumber(), first.invoiceNumber()), PlanKind.INSTALMENTS, 3, null, null,
        "Lost my job, can pay from April", PlanRequest.RequestedBy.CUSTOMER, "portal-user"));

    assertThat(plan.status()).isEqualTo(PlanStatus.REQUESTED);
    assertThat(plan.planNumber()).isEqualTo("PP-" + plan.id());
    assertThat(plan.invoiceNumbers()).containsExactly(second.invoiceNumber(), first.invoiceNumber());
    assertThat(plan.letterInvoice()).isEqualTo(second.invoiceNumber());
    assertThat(plan.openAmount()).isEqualByComparingTo("9000.00");
    assertThat(plan.currency()).isEqualTo("SEK");
    assertThat(plan.requestedInstalments()).isEqualTo(3);
    assertThat(plan.requestedFirstDueDate()).isEqualTo(LocalDate.of(2026, 4, 2));
    assertThat(plan.note()).isEqualTo("Lost my job, can pay from April");
    assertThat(plan.requestedBy()).isEqualTo(PlanRequest.RequestedBy.CUSTOMER);
    assertThat(plan.interestRuns()).isTrue();
    assertThat(plan.instalments()).isEmpty();
    assertThat(plan.totalAmount()).isNull();
    assertThat(published.stream(PaymentPlanRequested.class))
        .containsExactly(new PaymentPlanRequested(plan.id(), plan.planNumber()));
    assertThat(events(first)).contains(InvoiceEventType.PAYMENT_PLAN_REQUESTED);
    assertThat(events(second)).contains(InvoiceEventType.PAYMENT_PLAN_REQUESTED);
    assertThat(service.currentOf(first.invoiceNumber())).map(PaymentPlanView::id).contains(plan.id());
    assertThat(service.ofInvoice(second.invoiceNumber())).extracting(PaymentPlanView::id).containsExactly(plan.id());
    assertThat(service.find(plan.id())).contains(plan);

    assertThat(service.policyRequest(plan.id())).isEqualTo(new PaymentPlanPolicy.Request(PlanKind.INSTALMENTS,
        "BUSINESS", "SE", "REMINDED", new BigDecimal("9000.00"), 3, 31, 0));
  }

  @Test
  void twoRequestsForOneInvoiceAtOnce_oneIsStored_theOtherIsRefusedAtTheDoor() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        CustomerRequest customer = customer(Country.SE, CustomerType.PRIVATE);
        String invoice = invoice(customer, Currency.SEK, "3000.00").invoiceNumber();
        CountDownLatch go = new CountDownLatch(1);
        Callable<Object> request = () -> {
          go.await();
          try {
            return service.request(instalments(customer, List.of(invoice), 2, null));
          } catch (RuntimeException e) {
            return e;
          }
        };
        Future<Object> one = threads.submit(request);
        Future<Object> two = threads.submit(request);
        go.countDown();
        List<Object> results = List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));

        assertThat(results).filteredOn(PaymentPlanView.class::isInstance).hasSize(1);
        // A 4xx at the door (400 with the reason, or 409), never anything that would be a 500.
        assertThat(results).filteredOn(r -> !(r instanceof PaymentPlanView)).singleElement().satisfies(r -> {
          assertThat(r).isInstanceOfAny(InvalidRequestException.class, ConflictException.class);
          assertThat(((RuntimeException) r).getMessage()).contains("already in");
        });
        assertThat(service.ofCustomer(customer.customerNumber())).hasSize(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  // ------------------------------------------------------------------------------------------------ approval

  @Test
  void nineThousandSekInThreeForTheWholeDebtOfASwedishDebtor_threeOcrsAndTheFeeOnceInTheLedger() {
    CustomerRequest customer = customer(Country.SE, CustomerType.PRIVATE);
    Invoice invoice = invoice(customer, Currency.SEK, "9000.00");
    PaymentPlanView requested = service.request(instalments(customer, List.of(invoice.invoiceNumber()), 3,
        LocalDate.of(2026, 3, 20)));

    // The request started payment-plan, whose policy table approved it at once: approving again changes nothing.
    PaymentPlanView plan = service.approve(requested.id(), null, PaymentPlanPolicy.DECISION, "small plan");

    assertThat(plan.status()).isEqualTo(PlanStatus.RUNNING);
    assertThat(plan.decidedBy()).isEqualTo("payment-plan-policy");
    assertThat(plan.reason()).isEqualTo("A small plan within policy");
    assertThat(plan.fee()).isEqualByComparingTo("170.00");
    assertThat(plan.openAmount()).isEqualByComparingTo("9000.00");
    assertThat(plan.totalAmount()).isEqualByComparingTo("9170.00");
    assertThat(plan.instalments()).extracting(PaymentPlanView.InstalmentView::number,
            PaymentPlanView.InstalmentView::dueDate, PaymentPlanView.InstalmentView::amount,
            PaymentPlanView.InstalmentView::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2026, 3, 20), new BigDecimal("3056.66"), "OPEN"),
            org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2026, 4, 20), new BigDecimal("3056.66"), "OPEN"),
            org.assertj.core.groups.Tuple.tuple(3, LocalDate.of(2026, 5, 20), new BigDecimal("3056.68"), "OPEN"));
    assertThat(plan.instalments()).extracting(PaymentPlanView.InstalmentView::paymentReference)
        .doesNotHaveDuplicates().doesNotContain(invoice.paymentReference())
        .allSatisfy(ocr -> assertThat(PaymentReferences.isValidSwedishOcr(ocr)).as(ocr).isTrue());
    Invoice charged = invoices.get(invoice.invoiceNumber());
    assertThat(charged.feesAmount()).isEqualByComparingTo("170.00");
    assertThat(charged.openAmount()).isEqualByComparingTo(plan.totalAmount());
    assertThat(charged.dunningLevel()).isEqualTo(invoice.dunningLevel());
    assertThat(events(invoice)).contains(InvoiceEventType.FEE_CHARGED, InvoiceEventType.PAYMENT_PLAN_APPROVED);
    assertThat(LedgerInvariant.violations(jdbc, accounts)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM fordra_ledger_entry WHERE invoice_id = ? AND kind = 'FEE'")
        .param(invoice.id()).query(Long.class).single()).isOne();

    // A retried step: nothing is booked or numbered again.
    assertThat(service.approve(requested.id(), null, PaymentPlanPolicy.DECISION, "small plan")).isEqualTo(plan);
    assertThat(invoices.get(invoice.invoiceNumber()).feesAmount()).isEqualByComparingTo("170.00");
  }

  @Test
  void theSwedishFeeIsChargedOnceADebt_notAgainForAPlanThatFollowsABrokenOne() {
    CustomerRequest customer = customer(Country.SE, CustomerType.PRIVATE);
    Invoice invoice = invoice(customer, Currency.SEK, "3000.00");
    PaymentPlanView first = service.approve(service.request(instalments(customer, List.of(invoice.invoiceNumber()),
        2, null)).id(), null, "case-handler", null);
    assertThat(first.fee()).isEqualByComparingTo("170.00");
    service.breakPlan(first.id());

    PaymentPlanView second = service.approve(service.request(instalments(customer,
        List.of(invoice.invoiceNumber()), 2, null)).id(), null, "case-handler", null);

    assertThat(second.fee()).isEqualByComparingTo("0");
    assertThat(second.totalAmount()).isEqualByComparingTo("3170.00");
    assertThat(invoices.get(invoice.invoiceNumber()).feesAmount()).isEqualByComparingTo("170.00");
    assertThat(messages(invoice, InvoiceEventType.PAYMENT_PLAN_APPROVED)).last().asString()
        .contains("no plan fee: one was already charged for this debt");
  }

  @Test
  void noFeeForPartOfTheDebtForANorwegianDebtorOrForADeferral() {
    CustomerRequest swede = customer(Country.SE, CustomerType.PRIVATE);
    Invoice planned = invoice(swede, Currency.SEK, "3000.00");
    Invoice alsoOpen = invoice(swede, Currency.SEK, "500.00");
    PaymentPlanView part = service.approve(service.request(instalments(swede, List.of(planned.invoiceNumber()), 2,
        null)).id(), null, "case-handler", null);
    assertThat(part.fee()).isEqualByComparingTo("0");
    assertThat(messages(planned, InvoiceEventType.PAYMENT_PLAN_APPROVED)).last().asString()
        .contains("does not cover the whole debt (also open: " + alsoOpen.invoiceNumber() + ")");

    CustomerRequest norwegian = customer(Country.NO, CustomerType.PRIVATE);
    Invoice nok = invoice(norwegian, Currency.NOK, "9000.00");
    PaymentPlanView norway = service.approve(service.request(instalments(norwegian, List.of(nok.invoiceNumber()), 3,
        null)).id(), null, "case-handler", null);
    assertThat(norway.fee()).isEqualByComparingTo("0");
    assertThat(norway.instalments()).extracting(PaymentPlanView.InstalmentView::amount)
        .containsExactly(new BigDecimal("3000.00"), new BigDecimal("3000.00"), new BigDecimal("3000.00"));
    assertThat(norway.instalments()).extracting(PaymentPlanView.InstalmentView::paymentReference)
        .doesNotHaveDuplicates();

    CustomerRequest deferring = customer(Country.SE, CustomerType.PRIVATE);
    Invoice deferred = invoice(deferring, Currency.SEK, "1250.00");
    PaymentPlanView deferral = service.approve(service.request(deferral(deferring,
        List.of(deferred.invoiceNumber()), DUE.plusDays(10))).id(), null, PaymentPlanPolicy.DECISION, "short");
    assertThat(deferral.fee()).isEqualByComparingTo("0");
    assertThat(deferral.status()).isEqualTo(PlanStatus.RUNNING);
    assertThat(deferral.deferTo()).isEqualTo(LocalDate.of(2026, 4, 11));
    assertThat(deferral.instalments()).singleElement().satisfies(i -> {
      assertThat(i.dueDate()).isEqualTo(LocalDate.of(2026, 4, 11));
      assertThat(i.amount()).isEqualByComparingTo("1250.00");
      assertThat(i.paymentReference()).isEqualTo(deferred.paymentReference());
    });
    assertThat(events(deferred)).contains(InvoiceEventType.INVOICE_DEFERRED);
    assertThat(invoices.get(deferred.invoiceNumber()).feesAmount()).isEqualByComparingTo("0");
    assertThat(LedgerInvariant.violations(jdbc, accounts)).isEmpty();
  }

  @Test
  void aCaseHandlerMayChangeTheTerms_whichAreCheckedAgain() {
    CustomerRequest customer = customer(Country.NO, CustomerType.BUSINESS);
    Invoice invoice = invoice(customer, Currency.NOK, "1200.00");
    long id = service.request(instalments(customer, List.of(invoice.invoiceNumber()), 2, null)).id();

    assertThatThrownBy(() -> service.approve(id, new PlanLifecycle.Terms(5, TODAY.minusDays(1), null), "kim", null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("firstDueDate", "must be today (2026-03-02) or later, but was 2026-03-01")));
    assertThatThrownBy(() -> service.approve(id, new PlanLifecycle.Terms(5, null, null), "kim", null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("instalments", "5 instalments of 1200.00 NOK would be 240.00 each, below the minimum "
                + "instalment of 300.00 NOK")));
    assertThat(service.find(id).orElseThrow().status()).isEqualTo(PlanStatus.REQUESTED);

    PaymentPlanView plan = service.approve(id, new PlanLifecycle.Terms(4, TODAY.plusDays(14), null), "kim",
        "four parts");
    assertThat(plan.requestedInstalments()).isEqualTo(2);
    assertThat(plan.instalments()).extracting(PaymentPlanView.InstalmentView::dueDate).containsExactly(
        LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 16), LocalDate.of(2026, 5, 16), LocalDate.of(2026, 6, 16));
    assertThat(service.dueDate(id, 2)).isEqualTo(LocalDate.of(2026, 4, 16));
  }

  // ------------------------------------------------------------------------------------------------ the plan runs

  @Test
  void paymentsPayTheInstalmentsInOrder_eachPaymentOnce_untilThePlanIsPaid() {
    CustomerRequest customer = customer(Country.NO, CustomerType.PRIVATE);
    Invoice invoice = invoice(customer, Currency.NOK, "9000.00");
    PaymentPlanView plan = service.approve(service.request(instalments(customer, List.of(invoice.invoiceNumber()),
        3, null)).id(), null, "case-handler", null);
    published.clear();

    PaymentResult first = pay(invoice, "2000.00");
    assertThat(paid(plan)).containsExactly("2000.00 OPEN", "0.00 OPEN", "0.00 OPEN");
    assertThat(published.stream(PlanPaymentReceived.class))
        .containsExactly(new PlanPaymentReceived(plan.id(), plan.planNumber()));

    // The same event again (a redelivery): the payment is not counted twice.
    new TransactionTemplate(transactionManager).executeWithoutResult(s -> service.onPaymentBooked(
        new InvoiceFollowUp.PaymentBooked(invoice.invoiceNumber(), first.paymentId())));
    assertThat(paid(plan)).containsExactly("2000.00 OPEN", "0.00 OPEN", "0.00 OPEN");

    pay(invoice, "2500.00");
    assertThat(paid(plan)).containsExactly("3000.00 PAID", "1500.00 OPEN", "0.00 OPEN");
    assertThat(service.instalmentPaid(plan.id(), 1)).isTrue();
    assertThat(service.instalmentPaid(plan.id(), 2)).isFalse();
    assertThat(service.find(plan.id()).orElseThrow().paidAmount()).isEqualByComparingTo("4500.00");
    assertThatThrownBy(() -> service.complete(plan.id())).isInstanceOf(ConflictException.class)
        .hasMessageContaining("instalment 2 has 1500.00 of 3000.00 paid");

    service.markLate(plan.id(), 2);
    assertThat(paid(plan)).containsExactly("3000.00 PAID", "1500.00 LATE", "0.00 OPEN");
    assertThat(events(invoice)).contains(InvoiceEventType.INSTALMENT_LATE);

    pay(invoice, "4600.00");
    assertThat(paid(plan)).containsExactly("3000.00 PAID", "3000.00 PAID", "3000.00 PAID");
    assertThat(published.stream(PlanPaymentReceived.class)).hasSize(3);

    PaymentPlanView done = service.complete(plan.id());
    assertThat(done.status()).isEqualTo(PlanStatus.PAID);
    assertThat(done.paidAmount()).isEqualByComparingTo("9000.00");
    assertThat(service.currentOf(invoice.invoiceNumber())).isEmpty();
    assertThat(events(invoice)).contains(InvoiceEventType.PAYMENT_PLAN_PAID);
    assertThat(published.stream(PaymentPlanEnded.class)).containsExactly(new PaymentPlanEnded(plan.id(),
        plan.planNumber(), PlanStatus.PAID, List.of(invoice.invoiceNumber())));
    assertThat(service.complete(plan.id())).isEqualTo(done);
  }

  @Test
  void aPaymentBeforeTheApprovalIsNotTheInstalments_andOneToAnInvoiceInNoPlanIsIgnored() {
    CustomerRequest customer = customer(Country.NO, CustomerType.BUSINESS);
    Invoice invoice = invoice(customer, Currency.NOK, "3000.00");
    Invoice other = invoice(customer, Currency.NOK, "3000.00");
    long id = service.request(instalments(customer, List.of(invoice.invoiceNumber(), other.invoiceNumber()), 2,
        null)).id();
    pay(invoice, "1000.00");
    Invoice unplanned = invoice(customer(Country.NO, CustomerType.PRIVATE), Currency.NOK, "3000.00");
    pay(unplanned, "1000.00");
    assertThat(published.stream(PlanPaymentReceived.class)).isEmpty();

    PaymentPlanView plan = service.approve(id, null, "case-handler", null);
    assertThat(plan.openAmount()).isEqualByComparingTo("5000.00");
    assertThat(plan.instalments()).extracting(PaymentPlanView.InstalmentView::amount)
        .containsExactly(new BigDecimal("2500.00"), new BigDecimal("2500.00"));
    pay(other, "2600.00");
    assertThat(paid(plan)).containsExactly("2500.00 PAID", "100.00 OPEN");
  }

  @Test
  void refusedAndBrokenPlansEndAndFreeTheirInvoices() {
    CustomerRequest customer = customer(Country.SE, CustomerType.BUSINESS);
    Invoice invoice = invoice(customer, Currency.SEK, "3000.00");
    long refusedId = service.request(instalments(customer, List.of(invoice.invoiceNumber()), 2, null)).id();
    assertThatThrownBy(() -> service.refuse(refusedId, "kim", " ")).isInstanceOfSatisfying(
        InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("reason", "is required")));

    PaymentPlanView refused = service.refuse(refusedId, "kim", "Too many plans broken before");
    assertThat(refused.status()).isEqualTo(PlanStatus.REFUSED);
    assertThat(refused.reason()).isEqualTo("Too many plans broken before");
    assertThat(refused.decidedBy()).isEqualTo("kim");
    assertThat(service.refuse(refusedId, "kim", "again")).isEqualTo(refused);
    assertThatThrownBy(() -> service.approve(refusedId, null, "kim", null)).isInstanceOf(ConflictException.class);
    assertThat(events(invoice)).contains(InvoiceEventType.PAYMENT_PLAN_REFUSED);
    assertThat(service.currentOf(invoice.invoiceNumber())).isEmpty();

    PaymentPlanView running = service.approve(service.request(instalments(customer,
        List.of(invoice.invoiceNumber()), 2, null)).id(), null, "kim", null);
    assertThatThrownBy(() -> service.refuse(running.id(), "kim", "no")).isInstanceOf(ConflictException.class);
    PaymentPlanView broken = service.breakPlan(running.id());
    assertThat(broken.status()).isEqualTo(PlanStatus.BROKEN);
    assertThat(service.breakPlan(running.id())).isEqualTo(broken);
    assertThat(events(invoice)).contains(InvoiceEventType.PAYMENT_PLAN_BROKEN);
    assertThat(service.currentOf(invoice.invoiceNumber())).isEmpty();
    assertThat(service.ofInvoice(invoice.invoiceNumber())).extracting(PaymentPlanView::status)
        .containsExactly(PlanStatus.BROKEN, PlanStatus.REFUSED);
    assertThat(published.stream(PaymentPlanEnded.class)).extracting(PaymentPlanEnded::status)
        .containsExactly(PlanStatus.REFUSED, PlanStatus.BROKEN);
    // Paid after the plan broke: nothing to count, the plan stays as it ended.
    pay(invoice, "1000.00");
    assertThat(paid(broken)).containsOnly("0.00 OPEN");
    assertThat(LedgerInvariant.violations(jdbc, accounts)).isEmpty();
  }

  @Test
  void aDeferralPaidWithTheInvoicesOwnReferencePaysItsOneInstalment() {
    CustomerRequest customer = customer(Country.SE, CustomerType.PRIVATE);
    Invoice invoice = invoice(customer, Currency.SEK, "1250.00");
    PaymentPlanView plan = service.approve(service.request(deferral(customer, List.of(invoice.invoiceNumber()),
        DUE.plusDays(30))).id(), null, "kim", null);
    service.breakPlan(plan.id());
    PaymentPlanView again = service.approve(service.request(deferral(customer, List.of(invoice.invoiceNumber()),
        DUE.plusDays(20))).id(), null, "kim", null);
    assertThat(again.instalments()).extracting(PaymentPlanView.InstalmentView::paymentReference)
        .containsExactly(invoice.paymentReference());

    pay(invoice, "1250.00");
    assertThat(service.instalmentPaid(again.id(), 1)).isTrue();
    assertThat(service.complete(again.id()).status()).isEqualTo(PlanStatus.PAID);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private List<Violation> reasons(PlanRequest request) {
    try {
      service.request(request);
    } catch (InvalidRequestException e) {
      return e.violations();
    }
    throw new AssertionError("accepted: " + request);
  }

  private static PlanRequest instalments(CustomerRequest customer, List<String> invoiceNumbers, Integer count,
                                         LocalDate firstDueDate) {
    return new PlanRequest(customer.customerNumber(), invoiceNumbers, PlanKind.INSTALMENTS, count, firstDueDate,
        null, null, PlanRequest.RequestedBy.CASE_HANDLER, "kim");
  }

  private static PlanRequest deferral(CustomerRequest customer, List<String> invoiceNumbers, LocalDate deferTo) {
    return new PlanRequest(customer.customerNumber(), invoiceNumbers, PlanKind.DEFERRAL, null, null, deferTo,
        null, PlanRequest.RequestedBy.CUSTOMER, null);
  }

  private List<String> paid(PaymentPlanView plan) {
    return service.find(plan.id()).orElseThrow().instalments().stream()
        .map(i -> i.paidAmount().toPlainString() + " " + i.status()).toList();
  }

  private List<InvoiceEventType> events(Invoice invoice) {
    return invoices.events(invoice).stream().map(InvoiceEvent::type).toList();
  }

  private List<String> messages(Invoice invoice, InvoiceEventType type) {
    return invoices.events(invoice).stream().filter(e -> e.type() == type).map(InvoiceEvent::message).toList();
  }

  private PaymentResult pay(Invoice invoice, String amount) {
    return payments.register(new PaymentRequest(invoice.paymentReference(), null, new BigDecimal(amount),
        invoice.currency(), TODAY, "BANK-" + UUID.randomUUID()));
  }

  /**
   * A customer. The request starts payment-plan, whose policy approves a small plan of a private person at once: the
   * tests that follow a plan through the service's own steps ask for a business customer's, which waits for a case
   * handler (REQUESTED).
   */
  private static CustomerRequest customer(Country country, CustomerType type) {
    String number = "PC-" + unique();
    String organisationNumber = type == CustomerType.BUSINESS ? (country == Country.SE ? "556036-0793" : "923609016")
        : null;
    return new CustomerRequest(number, country == Country.SE ? "Svea Plansson" : "Nora Plansen", type, false,
        country, organisationNumber, number.toLowerCase() + "@customer.example", null,
        new CustomerRequest.AddressRequest("Storgatan 1", country == Country.SE ? "111 22" : "0150",
            country == Country.SE ? "Stockholm" : "Oslo", null),
        false, Channel.EMAIL, null, null);
  }

  /** An invoice of {@code gross} (net + 25 % VAT), issued today and due 2026-04-01. */
  private Invoice invoice(CustomerRequest customer, Currency currency, String gross) {
    String number = "PC-" + unique();
    started.add(number);
    BigDecimal net = new BigDecimal(gross).divide(new BigDecimal("1.25"), 2, java.math.RoundingMode.UNNECESSARY);
    return invoices.create(new InvoiceRequest(number, customer.customerNumber(), customer, TODAY, DUE, currency,
        List.of(new InvoiceRequest.LineRequest("Consulting", BigDecimal.ONE, net, new BigDecimal("25"), null,
            null)), null, null));
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }
}
