package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import io.fordra.payment.Remitter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the suggestions for "Match payment" are found and ranked, without Spring or a database. */
class PaymentCandidatesTest {

  private final PaymentService payments = mock(PaymentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final PaymentCandidates candidates = new PaymentCandidates(payments, invoices, customers);

  @Test
  void aNumberInTheMessageAReferenceOneDigitOffThePayerAndTheAmountEachCount_theStrongestFirst() {
    payment("1250.00", "12345682", new Remitter("Kund AB", "556036-0793", "Bankgiro 5050-1055",
        "Avser faktura F-7 och F-8"));
    Invoice named = invoice("F-7", "C-1", "900.00", "11111111");
    Invoice offByOne = invoice("F-9", "C-2", "1250.00", "12345628");
    Invoice payersSameAmount = invoice("F-3", "C-1", "1250.00", "33333333");
    Invoice payersOther = invoice("F-4", "C-1", "75.00", "44444444");
    Invoice nearAmount = invoice("F-5", "C-3", "1260.00", "55555555");
    when(invoices.openByNumbersOrReferences(Set.of("Avser", "faktura", "F-7", "och", "F-8"), Set.of()))
        .thenReturn(List.of(named));
    when(invoices.openByNumbersOrReferences(eq(Set.of()), any())).thenAnswer(call -> {
      Set<String> variants = call.getArgument(1);
      return variants.contains("12345628") ? List.of(offByOne) : List.of();
    });
    Customer payer = customer("C-1");
    when(customers.byOrganisationNumber("556036-0793")).thenReturn(List.of(payer));
    when(invoices.openOfCustomers(List.of("C-1"), Currency.SEK, 30)).thenReturn(List.of(payersSameAmount,
        named, payersOther));
    when(invoices.openWithTotalBetween(new BigDecimal("1187.50"), new BigDecimal("1312.50"),
        new BigDecimal("1250.00"), Currency.SEK, 30)).thenReturn(List.of(offByOne, payersSameAmount, nearAmount));

    List<PaymentCandidates.Candidate> found = candidates.forPayment(9L);

    assertThat(found).extracting(PaymentCandidates.Candidate::invoiceNumber)
        .containsExactly("F-7", "F-9", "F-3", "F-4", "F-5");
    assertThat(found.get(0).reasons()).containsExactly("invoice number in the message", "same organisation number");
    assertThat(found.get(1).reasons()).containsExactly("reference 12345628 is one digit off 12345682", "same amount");
    assertThat(found.get(2).reasons()).containsExactly("same organisation number", "same amount");
    assertThat(found.get(3).reasons()).containsExactly("same organisation number");
    assertThat(found.get(4).reasons()).containsExactly("near amount");
    assertThat(found.get(4).customerName()).isEqualTo("Kund C-3");
    assertThat(found.get(4).openAmount()).isEqualByComparingTo("1260.00");
  }

  @Test
  void atMostTenBestFirst_andAReversalGetsNone() {
    payment("500.00", null, new Remitter(null, null, null, null));
    List<Invoice> many = new java.util.ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      many.add(invoice("F-" + n, "C-" + n, n == 17 ? "500.00" : "510.00", "9" + n));
    }
    when(invoices.openWithTotalBetween(any(), any(), any(), eq(Currency.SEK), anyInt())).thenReturn(many);

    List<PaymentCandidates.Candidate> found = candidates.forPayment(9L);

    assertThat(found).hasSize(PaymentCandidates.LIMIT);
    assertThat(found.get(0).invoiceNumber()).isEqualTo("F-17");
    assertThat(found.get(0).reasons()).containsExactly("same amount");

    when(payments.get(10L)).thenReturn(new Payment(10, "BANK-10", null, null, null, new BigDecimal("-50.00"), "SEK",
        LocalDate.of(2026, 5, 4), Payment.PaymentStatus.UNMATCHED, BigDecimal.ZERO, null));
    when(payments.remitter(10L)).thenReturn(new Remitter(null, null, null, null));
    assertThat(candidates.forPayment(10L)).isEmpty();
  }

  @Test
  void theReferencesOneDigitOffAreEveryDigitChangedAndEveryAdjacentPairSwapped() {
    Set<String> variants = PaymentCandidates.oneDigitOff("123");

    assertThat(variants).hasSize(3 * 9 + 2).contains("023", "923", "193", "129", "213", "132")
        .doesNotContain("123", "321");
    assertThat(PaymentCandidates.oneDigitOff("11")).containsExactlyInAnyOrder("01", "21", "31", "41", "51", "61",
        "71", "81", "91", "10", "12", "13", "14", "15", "16", "17", "18", "19");
  }

  @Test
  void withoutPayerOrMessageOnlyTheAmountIsAsked() {
    payment("100.00", "ABC", new Remitter(null, null, null, null));
    when(invoices.openWithTotalBetween(any(), any(), any(), any(), anyInt())).thenReturn(List.of());

    assertThat(candidates.forPayment(9L)).isEmpty();

    verify(invoices).openWithTotalBetween(new BigDecimal("95.00"), new BigDecimal("105.00"), new BigDecimal("100.00"),
        Currency.SEK, 30);
    verify(invoices).openByNumbersOrReferences(Set.of(), Set.of());
    verifyNoInteractions(customers);
  }

  private void payment(String amount, String reference, Remitter remitter) {
    when(payments.get(9L)).thenReturn(new Payment(9, "BANK-9", null, reference, null, new BigDecimal(amount), "SEK",
        LocalDate.of(2026, 5, 4), Payment.PaymentStatus.UNMATCHED, BigDecimal.ZERO, null));
    when(payments.remitter(9L)).thenReturn(remitter);
  }

  private Invoice invoice(String number, String customer, String open, String reference) {
    Invoice invoice = mock(Invoice.class);
    when(invoice.invoiceNumber()).thenReturn(number);
    when(invoice.customerNumber()).thenReturn(customer);
    when(invoice.openAmount()).thenReturn(new BigDecimal(open));
    when(invoice.currency()).thenReturn(Currency.SEK);
    when(invoice.paymentReference()).thenReturn(reference);
    when(invoice.dueDate()).thenReturn(LocalDate.of(2026, 6, 1));
    Customer registered = customer(customer);
    when(customers.find(customer)).thenReturn(Optional.of(registered));
    return invoice;
  }

  private static Customer customer(String number) {
    Customer customer = mock(Customer.class);
    when(customer.customerNumber()).thenReturn(number);
    when(customer.name()).thenReturn("Kund " + number);
    return customer;
  }
}
