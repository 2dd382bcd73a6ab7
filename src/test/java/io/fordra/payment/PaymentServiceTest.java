package io.fordra.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.document.Letters;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.kernel.BusinessDates;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violation;
import io.fordra.ledger.Ledger;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The payment service alone: no Spring, no engine (the "Match payment" process is behind PaymentMatchings, the
 * invoice's follow-up hears the PaymentBooked event).
 */
class PaymentServiceTest {

  private final PaymentRepository payments = mock(PaymentRepository.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final PaymentMatchings matchings = mock(PaymentMatchings.class);
  private final Ledger ledger = mock(Ledger.class);
  private final PlanInstalments instalments = mock(PlanInstalments.class);
  private final PaymentService service = new PaymentService(payments, invoices, events, clock, matchings, ledger,
      new BusinessDates(clock, Period.ofDays(1)), instalments);

  @Test
  void aPaymentDatedAfterTomorrowIsRefusedBeforeAnythingIsBookedOrAsked() {
    when(clock.today()).thenReturn(LocalDate.of(2026, 11, 3));
    PaymentRequest future = new PaymentRequest("10000180", null, new BigDecimal("100.00"), Currency.SEK,
        LocalDate.of(2026, 11, 5), "BANK-1");

    assertThatThrownBy(() -> service.registerOne(future)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.violations()).containsExactly(new Violation("paidAt", "2026-11-05 is in the future: a "
            + "payment is dated at the latest 2026-11-04 (today 2026-11-03 + fordra.payments.max-ahead P1D)")));
    verifyNoInteractions(payments, invoices, events, matchings, ledger);
  }

  @Test
  void aPaymentOnItsInvoiceIsBookedAndToldToTheFollowUp() {
    Invoice invoice = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT);
    PaymentRequest request = new PaymentRequest(null, "INV-7", new BigDecimal("500.00"), Currency.SEK,
        LocalDate.of(2026, 3, 20), "BANK-2");
    when(payments.findByTransaction("BANK-2")).thenReturn(Optional.empty());
    when(invoices.find("INV-7")).thenReturn(Optional.of(invoice));
    when(invoices.lock("INV-7")).thenReturn(invoice);
    when(invoices.byId(7L)).thenReturn(invoice);
    when(invoices.applyPayment(any(), any(), any(), any())).thenReturn(invoice);
    when(payments.insert(any())).thenReturn(42L);
    when(payments.find(42L)).thenReturn(Optional.of(new Payment(42L, "BANK-2", 7L, null, "INV-7",
        new BigDecimal("500.00"), "SEK", LocalDate.of(2026, 3, 20), Payment.PaymentStatus.MATCHED, BigDecimal.ZERO,
        null)));

    PaymentResult result = service.register(request);

    assertThat(result.status()).isEqualTo(Payment.PaymentStatus.MATCHED);
    verify(invoices).applyPayment(any(), any(), any(), any());
    verify(events).publishEvent(new InvoiceFollowUp.PaymentBooked("INV-7", 42L));
  }

  @Test
  void aPaymentByAnInstalmentReferenceIsBookedInPartsOnThePlansInvoicesInTheirOrder() {
    Invoice first = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT);
    Invoice second = Letters.invoice(8L, "INV-8", InvoiceStatus.SENT);
    when(payments.findByTransaction(any())).thenReturn(Optional.empty());
    when(invoices.findByReference("9000000016")).thenReturn(Optional.empty());
    when(instalments.byReference("9000000016")).thenReturn(Optional.of(
        new PlanInstalments.Instalment("PP-4", 1, java.util.List.of("INV-7", "INV-8"))));
    when(invoices.find("INV-7")).thenReturn(Optional.of(first));
    when(invoices.find("INV-8")).thenReturn(Optional.of(second));
    when(invoices.lock("INV-7")).thenReturn(first);
    when(invoices.lock("INV-8")).thenReturn(second);
    when(invoices.byId(7L)).thenReturn(first);
    when(invoices.applyPayment(any(), any(), any(), any())).thenAnswer(call -> call.getArgument(0));
    org.mockito.ArgumentCaptor<Payment> stored = org.mockito.ArgumentCaptor.forClass(Payment.class);
    when(payments.insert(stored.capture())).thenReturn(42L, 43L);
    when(payments.find(42L)).thenReturn(Optional.of(new Payment(42L, "BANK-3#1", 7L, "9000000016", null,
        new BigDecimal("1000.00"), "SEK", LocalDate.of(2026, 3, 20), Payment.PaymentStatus.MATCHED, BigDecimal.ZERO,
        null)));

    PaymentResult result = service.register(new PaymentRequest("9000 000016", null, new BigDecimal("1200.00"),
        Currency.SEK, LocalDate.of(2026, 3, 20), "BANK-3"));

    assertThat(stored.getAllValues()).extracting(Payment::bankTransactionId, Payment::invoiceId,
        p -> p.amount().toPlainString()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("BANK-3#1", 7L, "1000.00"),
        org.assertj.core.groups.Tuple.tuple("BANK-3#2", 8L, "200.00"));
    verify(events).publishEvent(new InvoiceFollowUp.PaymentBooked("INV-7", 42L));
    verify(events).publishEvent(new InvoiceFollowUp.PaymentBooked("INV-8", 43L));
    assertThat(result.message()).isEqualTo("Booked by instalment 1 of payment plan PP-4 (reference 9000 000016) on "
        + "INV-7 (1,000.00 SEK), INV-8 (200.00 SEK)");
  }

  @Test
  void theSameTransactionBookedInPartsBeforeIsADuplicate() {
    when(payments.findByTransaction("BANK-4")).thenReturn(Optional.empty());
    when(invoices.byId(7L)).thenReturn(Letters.invoice(7L, "INV-7", InvoiceStatus.SENT));
    when(payments.findByTransaction("BANK-4#1")).thenReturn(Optional.of(new Payment(44L, "BANK-4#1", 7L,
        "9000000016", null, new BigDecimal("1000.00"), "SEK", LocalDate.of(2026, 3, 20),
        Payment.PaymentStatus.MATCHED, BigDecimal.ZERO, null)));

    PaymentResult result = service.register(new PaymentRequest("9000000016", null, new BigDecimal("1200.00"),
        Currency.SEK, LocalDate.of(2026, 3, 20), "BANK-4"));

    assertThat(result.duplicate()).isTrue();
    verify(payments, org.mockito.Mockito.never()).insert(any());
    verifyNoInteractions(instalments, ledger, events);
  }
}
