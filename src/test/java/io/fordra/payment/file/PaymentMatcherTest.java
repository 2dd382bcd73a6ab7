package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.ledger.ClosedPeriods;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentRequest;
import io.fordra.payment.PaymentResult;
import io.fordra.payment.PaymentService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

/**
 * How a bank payment finds its invoices (issue 16, items 8 and 9): references listing several, invoice numbers and
 * OCR numbers in the payer's text as payers write them, amount and payer despite an unknown reference, and dates
 * that cannot be right. Without Spring or a database: the invoices are made here, the services answer for them.
 */
class PaymentMatcherTest {

  private static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
  private static final LocalDate PAID = LocalDate.of(2026, 11, 24);
  private static final long FILE = 7L;

  private final PaymentService payments = mock(PaymentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final ClosedPeriods closedPeriods = mock(ClosedPeriods.class);
  private final PaymentMatcher matcher = new PaymentMatcher(payments, invoices, customers, closedPeriods);
  private final List<PaymentRequest> registered = new ArrayList<>();

  @BeforeEach
  void services() {
    when(closedPeriods.firstOpenDay(any())).thenAnswer(call -> call.getArgument(0));
    when(payments.register(any())).thenAnswer(call -> {
      PaymentRequest r = call.getArgument(0);
      registered.add(r);
      return result(r, Payment.PaymentStatus.MATCHED);
    });
    when(payments.keep(any(), anyString())).thenAnswer(call -> result(call.getArgument(0),
        Payment.PaymentStatus.UNMATCHED));
    when(payments.keepToCheckTheDate(any(), anyString())).thenAnswer(call -> result(call.getArgument(0),
        Payment.PaymentStatus.UNMATCHED));
  }

  @Test
  void aPaymentWhoseIdAddsItsDeposit_readBeforeFromAFileWhereItWasAlone_isADuplicate() {
    LocalDate day = LocalDate.of(2004, 5, 25);
    when(payments.byTransaction("BG9912346-000000000016")).thenReturn(Optional.of(new Payment(3,
        "BG9912346-000000000016", null, null, null, new BigDecimal("700.00"), "SEK", day,
        Payment.PaymentStatus.UNMATCHED, BigDecimal.ZERO, null)));

    assertThat(matcher.book(payment("700.00", List.of(), null, null, "BG9912346-000000000016-20040525-00075", day),
        FILE)).isEqualTo(PaymentFileSummary.Outcome.DUPLICATE);
    // the other payment that shares the serial number is another payment: kept, not a duplicate
    assertThat(matcher.book(payment("5000.00", List.of(), null, null, "BG9912346-000000000016-20040525-00075-2",
        day), FILE)).isEqualTo(PaymentFileSummary.Outcome.UNMATCHED);
    assertThat(BgMaxReader.idAlone("BG9912346-000000000016")).isEmpty();
    assertThat(BgMaxReader.idAlone("CAMT-REF-20040525-00075")).isEmpty();
  }

  @Test
  void anUnknownReferenceDoesNotStopAmountAndPayer() {
    Invoice open = invoice("10023", "C-1", "410.00", "7000000001");
    Customer payer = mock(Customer.class);
    when(payer.customerNumber()).thenReturn("C-1");
    when(customers.byOrganisationNumber("556036-0793")).thenReturn(List.of(payer));
    when(invoices.search("C-1", null, null, null, 1000)).thenReturn(List.of(open));

    PaymentFileSummary.Outcome outcome = matcher.book(payment("410.00", List.of("99999999999"), null,
        "556036-0793"), FILE);

    assertThat(outcome).isEqualTo(PaymentFileSummary.Outcome.MATCHED);
    assertThat(registered).containsExactly(new PaymentRequest(null, "10023", new BigDecimal("410.00"), Currency.SEK,
        PAID, "BG-1"));
    verify(payments).describe(0L, FILE, null, null, "Matched by amount and payer (unknown reference 99999999999)");
  }

  @Test
  void aReferenceFieldListingSeveralInvoicesIsSplitOnCommas_andTheAmountSharedOverThem() {
    invoice("65896", "C-1", "100.00", "1111111116");
    invoice("65862", "C-1", "200.00", "2222222222");
    invoice("65763", "C-1", "300.00", "3333333338");

    PaymentFileSummary.Outcome outcome = matcher.book(payment("600.00", List.of("65896,65862,65763"), null, null),
        FILE);

    assertThat(outcome).isEqualTo(PaymentFileSummary.Outcome.MATCHED);
    assertThat(registered).extracting(PaymentRequest::invoiceNumber, r -> r.amount().toPlainString(),
        PaymentRequest::bankTransactionId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("65896", "100.00", "BG-1#1"),
        org.assertj.core.groups.Tuple.tuple("65862", "200.00", "BG-1#2"),
        org.assertj.core.groups.Tuple.tuple("65763", "300.00", "BG-1#3"));
  }

  @Test
  void anInstalmentReferencePaysItsPlansInvoicesInTheirOrder_theLastTakesTheExcess() {
    Invoice older = invoice("F-1", "C-1", "1250.00", "1000000009");
    Invoice later = invoice("F-2", "C-1", "1250.00", "2000000007");
    when(payments.invoicesOfInstalment("9000000016")).thenReturn(Optional.of(new PaymentService.InstalmentInvoices(
        new io.fordra.payment.PlanInstalments.Instalment("PP-4", 2, List.of("F-1", "F-2")), List.of(older, later))));

    PaymentFileSummary.Outcome outcome = matcher.book(payment("3000.00", List.of("9000000016"), null, null), FILE);

    assertThat(outcome).isEqualTo(PaymentFileSummary.Outcome.MATCHED);
    assertThat(registered).extracting(PaymentRequest::invoiceNumber, r -> r.amount().toPlainString(),
        PaymentRequest::bankTransactionId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("F-1", "1250.00", "BG-1#1"),
        org.assertj.core.groups.Tuple.tuple("F-2", "1750.00", "BG-1#2"));
    verify(payments).describe(0L, FILE, null, null, "Part 2 of BG-1 (3000.00), matched by reference, instalment 2 "
        + "of payment plan PP-4 (reference 9000000016)");
  }

  @Test
  void anOcrNumberInTheTextIsTriedAsAReference_aWordWithoutDigitsIsNotAnUnknownReference() {
    // 00040147: Luhn check digit 7 is right
    invoice("10023", "C-1", "500.00", "00040147");

    matcher.book(payment("500.00", List.of(), "Minerva 00040147", null), FILE);
    matcher.book(payment("500.00", List.of("Minerva", "00040147"), null, null, "BG-2"), FILE);

    assertThat(registered).extracting(PaymentRequest::invoiceNumber, PaymentRequest::bankTransactionId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("10023", "BG-1"),
            org.assertj.core.groups.Tuple.tuple("10023", "BG-2"));
  }

  @Test
  void anInstalmentReferenceInTheTextPaysItsPlansInvoices() {
    // 900000000126: the first instalment reference (9 000 000 001, length digit 2, Luhn check digit 6)
    Invoice older = invoice("F-1", "C-1", "1250.00", "1000000009");
    Invoice later = invoice("F-2", "C-1", "1250.00", "2000000007");
    when(payments.invoicesOfInstalment("900000000126")).thenReturn(Optional.of(new PaymentService.InstalmentInvoices(
        new io.fordra.payment.PlanInstalments.Instalment("PP-4", 1, List.of("F-1", "F-2")), List.of(older, later))));

    matcher.book(payment("1500.00", List.of(), "Avbetalning 900000000126", null), FILE);

    assertThat(registered).extracting(PaymentRequest::invoiceNumber, r -> r.amount().toPlainString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("F-1", "1250.00"),
            org.assertj.core.groups.Tuple.tuple("F-2", "250.00"));
  }

  @Test
  void anOcrNumberInTheTextDoesNotOverruleAnUnknownStructuredReference_aPersonDecides() {
    invoice("10023", "C-1", "500.00", "00040147");

    matcher.book(payment("500.00", List.of("00040174"), "OCR 00040147", null), FILE);

    assertThat(registered).isEmpty();
    verify(payments).keep(any(), eq("Unknown reference 00040174"));
  }

  @Test
  void aReferenceWithoutDigitsThatIsThePaymentsOnlyOneIsStillAnUnknownReference() {
    matcher.book(payment("500.00", List.of("ABC"), null, null), FILE);

    verify(payments).keep(any(), eq("Unknown reference ABC"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Faktnr: 63600", "Fakt.nr 63600", "Faktura nr 63600", "INV 63600", "Faktura63600",
      "KUNDNR 4325 FAKTURA 63600", "Kundnr 4325, fakturanr 63600", "Kundnr4325 Faktura63600", "Inv# 63600/tack"})
  void anInvoiceNumberInTheTextAsPayersWriteIt_neverTheCustomerNumber(String text) {
    invoice("63600", "C-1", "800.00", "6360000001");
    // the customer number is also the number of another customer's invoice: it must not be taken
    invoice("4325", "C-9", "800.00", "4325000001");

    PaymentFileSummary.Outcome outcome = matcher.book(payment("800.00", List.of(), text, null), FILE);

    assertThat(outcome).isEqualTo(PaymentFileSummary.Outcome.MATCHED);
    assertThat(registered).extracting(PaymentRequest::invoiceNumber).containsExactly("63600");
  }

  @Test
  void theNumbersAfterAnInvoiceKeywordArePreferredToOtherNumbersInTheText() {
    invoice("63890", "C-1", "800.00", "6389000001");
    invoice("2026", "C-9", "800.00", "2026000001");

    matcher.book(payment("800.00", List.of(), "Order 2026 Faktura 63890", null), FILE);

    assertThat(registered).extracting(PaymentRequest::invoiceNumber).containsExactly("63890");
  }

  @Test
  void aLongTextIsNotSearchedPastItsFirstWords() {
    invoice("63600", "C-1", "800.00", "6360000001");
    String letter = "Hej vi betalar nu den har fakturan som vi fick for en tid sedan efter att ha pratat med er"
        + " om den 63600";

    matcher.book(payment("800.00", List.of(), letter, null), FILE);

    assertThat(registered).isEmpty();
    verify(payments).keep(any(), eq("No reference, invoice number or amount identifies an invoice"));
  }

  @Test
  void aPaymentDatedBeforeItsInvoiceWasIssuedIsKeptForAPersonToCheckTheDate() {
    Invoice invoice = invoice("10023", "C-1", "500.00", "7000000001");
    when(invoice.issueDate()).thenReturn(LocalDate.of(2026, 12, 1));

    PaymentFileSummary.Outcome outcome = matcher.book(payment("500.00", List.of("7000000001"), null, null,
        "BG-1", LocalDate.of(2004, 3, 12)), FILE);

    assertThat(outcome).isEqualTo(PaymentFileSummary.Outcome.UNMATCHED);
    assertThat(registered).isEmpty();
    String reason = "Paid 2004-03-12, before invoice 10023 was issued (2026-12-01): check the date";
    ArgumentCaptor<PaymentRequest> kept = ArgumentCaptor.forClass(PaymentRequest.class);
    verify(payments).keepToCheckTheDate(kept.capture(), eq(reason));
    assertThat(kept.getValue()).isEqualTo(new PaymentRequest("7000000001", null, new BigDecimal("500.00"),
        Currency.SEK, LocalDate.of(2004, 3, 12), "BG-1"));
    verify(payments).describe(0L, FILE, null, null, reason);
  }

  @Test
  void aPaymentDatedInAClosedMonthIsKeptForAPersonToCheckTheDate() {
    Invoice invoice = invoice("10023", "C-1", "500.00", "7000000001");
    LocalDate lastOctober = LocalDate.of(2026, 10, 30);
    when(invoice.issueDate()).thenReturn(LocalDate.of(2026, 10, 1));
    when(closedPeriods.firstOpenDay(lastOctober)).thenReturn(LocalDate.of(2026, 11, 1));

    PaymentFileSummary.Outcome outcome = matcher.book(payment("500.00", List.of("7000000001"), null, null,
        "BG-1", lastOctober), FILE);

    assertThat(outcome).isEqualTo(PaymentFileSummary.Outcome.UNMATCHED);
    assertThat(registered).isEmpty();
    verify(payments).keepToCheckTheDate(any(), eq("Paid 2026-10-30, in " + YearMonth.of(2026, 10)
        + ", a month the month-end close has closed: check the date (booked by hand, it goes on the first open day)"
        + " for invoice 10023"));
    verify(payments, never()).keep(any(), anyString());
  }

  @Test
  void aPaymentOnOrAfterTheIssueDateInAnOpenMonthIsBooked() {
    Invoice invoice = invoice("10023", "C-1", "500.00", "7000000001");
    when(invoice.issueDate()).thenReturn(PAID);

    assertThat(matcher.book(payment("500.00", List.of("7000000001"), null, null), FILE))
        .isEqualTo(PaymentFileSummary.Outcome.MATCHED);
    verify(payments, never()).keepToCheckTheDate(any(), anyString());
    assertThat(registered).extracting(PaymentRequest::invoiceNumber).containsExactly("10023");
  }

  private static BankPayment payment(String amount, List<String> references, String text, String organisation) {
    return payment(amount, references, text, organisation, "BG-1");
  }

  private static BankPayment payment(String amount, List<String> references, String text, String organisation,
                                     String id) {
    return payment(amount, references, text, organisation, id, PAID);
  }

  private static BankPayment payment(String amount, List<String> references, String text, String organisation,
                                     String id, LocalDate paid) {
    return new BankPayment(id, new BigDecimal(amount), "SEK", paid, references, text, null, organisation, "line 3");
  }

  /** An open SEK invoice issued {@link #ISSUED}, found by its number and by its OCR reference. */
  private Invoice invoice(String number, String customer, String open, String reference) {
    Invoice invoice = mock(Invoice.class);
    when(invoice.invoiceNumber()).thenReturn(number);
    when(invoice.customerNumber()).thenReturn(customer);
    when(invoice.openAmount()).thenReturn(new BigDecimal(open));
    when(invoice.currency()).thenReturn(Currency.SEK);
    when(invoice.status()).thenReturn(InvoiceStatus.SENT);
    when(invoice.issueDate()).thenReturn(ISSUED);
    when(invoice.paymentReference()).thenReturn(reference);
    when(invoices.find(number)).thenReturn(Optional.of(invoice));
    when(invoices.findByReference(reference)).thenReturn(Optional.of(invoice));
    return invoice;
  }

  private static PaymentResult result(PaymentRequest r, Payment.PaymentStatus status) {
    return new PaymentResult(0L, r.bankTransactionId(), status, r.invoiceNumber(), r.amount(), r.currency().name(),
        r.paidAt(), BigDecimal.ZERO, BigDecimal.ZERO, null, null, false);
  }
}
