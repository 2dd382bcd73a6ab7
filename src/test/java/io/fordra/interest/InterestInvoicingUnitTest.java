package io.fordra.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.ledger.LedgerAccounts;
import io.fordra.ledger.LedgerProperties;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interest invoicing alone: no Spring, no engine, no database. What it reads and marks is behind
 * {@link InterestRepository} and {@link InterestRates}, invoices and customers behind their services (all mocks);
 * the interest itself is the real {@link InterestCalculator}, the accounts the real Swedish chart.
 */
class InterestInvoicingUnitTest {

  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  private static final LocalDate OCTOBER_31 = LocalDate.of(2026, 10, 31);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
  private static final SellerProperties SELLER = new SellerProperties("Exempelbolaget AB", "556677-8899", null, null,
      null, null, Country.SE, null, null, null, null, null);
  /** The Swedish reference rate + 8: 10 % the whole autumn. */
  private static final List<InterestCalculator.Rate> TEN_PERCENT = List.of(new InterestCalculator.Rate(
      LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), new BigDecimal("10.00")));

  private final InterestRepository repository = mock(InterestRepository.class);
  private final InterestRates rates = mock(InterestRates.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final InterestInvoicing interest = new InterestInvoicing(repository, rates, invoices, customers, SELLER,
      new InterestProperties(null, null, null, 2, null), clock,
      new LedgerAccounts(new LedgerProperties(null, null, null, null), SELLER), invoiceId -> List.of());

  @BeforeEach
  void itIsTheThirdOfNovember() {
    when(clock.today()).thenReturn(TODAY);
    when(clock.zone()).thenReturn(ZoneId.of("Europe/Stockholm"));
  }

  @Test
  void aSwedishBusinessGetsOneInterestInvoicePerPeriodOfPrincipalAndTheCompensationOnce() {
    when(repository.selectedCustomers("", 2)).thenReturn(List.of("C-1"));
    Invoice source = overdueOnTheLastOfSeptember("C-1", CustomerType.BUSINESS, "sv", 7L, "F-1001", "10000.00");
    when(repository.payments(7L)).thenReturn(List.of(
        new InterestCalculator.Paid(LocalDate.of(2026, 10, 16), money("4000.00"))));
    when(rates.between(Country.SE, LocalDate.of(2026, 10, 1), OCTOBER_31)).thenReturn(TEN_PERCENT);
    Invoice interestInvoice = invoice(70L, "F-1070");
    when(invoices.create(any(InvoiceRequest.class), any())).thenReturn(interestInvoice);

    InterestInvoicing.Chunk chunk = interest.invoiceChunk(OCTOBER, null);

    assertThat(chunk).isEqualTo(new InterestInvoicing.Chunk("C-1", false, 1));
    // 10 000.00 for 16 days at 10 % = 43.84; after the payment 6 000.00 for 15 days = 24.66; together 68.50.
    verify(invoices).create(new InvoiceRequest(null, "C-1", null, TODAY, LocalDate.of(2026, 12, 3), Currency.SEK,
            List.of(
                line("Dröjsmålsränta faktura F-1001, 2026-10-01–2026-10-16, 10\u00a0000,00 SEK à 10 %", "43.84"),
                line("Dröjsmålsränta faktura F-1001, 2026-10-17–2026-10-31, 6\u00a0000,00 SEK à 10 %", "24.66"),
                line("Förseningsersättning faktura F-1001 (lag 1981:739 om ersättning för inkassokostnader 4 a §)",
                    "450.00")),
            null, null),
        List.of("8313", "8313", "3990"));
    verify(repository).markInterestInvoice(70L);
    verify(repository).invoicedThrough(7L, OCTOBER_31, false, true);
    verify(invoices).record(source, InvoiceEvent.of(InvoiceEventType.INTEREST_INVOICED, "Interest of 68.50 SEK up to "
        + "2026-10-31 invoiced on interest invoice F-1070, with the förseningsersättning of 450.00 SEK"));
  }

  @Test
  void aPrivateCustomerPaidInFullIsChargedNoCompensationAndTheInvoiceIsDoneAFullChunkAsksForMore() {
    when(repository.selectedCustomers("C-0", 2)).thenReturn(List.of("C-1", "C-2"));
    Invoice source = overdueOnTheLastOfSeptember("C-1", CustomerType.PRIVATE, "en", 8L, "F-1002", "1000.00");
    when(customers.get("C-2")).thenReturn(customer("C-2", CustomerType.PRIVATE, "en"));
    when(repository.payments(8L)).thenReturn(List.of(
        new InterestCalculator.Paid(LocalDate.of(2026, 10, 10), money("1000.00"))));
    when(rates.between(Country.SE, LocalDate.of(2026, 10, 1), OCTOBER_31)).thenReturn(TEN_PERCENT);
    when(invoices.create(any(InvoiceRequest.class), any())).thenReturn(invoice(71L, "F-1071"));

    InterestInvoicing.Chunk chunk = interest.invoiceChunk(OCTOBER, "C-0");

    assertThat(chunk).isEqualTo(new InterestInvoicing.Chunk("C-2", true, 1));
    verify(invoices).create(new InvoiceRequest(null, "C-1", null, TODAY, LocalDate.of(2026, 12, 3), Currency.SEK,
            List.of(line("Late-payment interest, invoice F-1002, 2026-10-01–2026-10-10, 1,000.00 SEK at 10 %",
                "2.74")),
            null, null),
        List.of("8313"));
    verify(repository).invoicedThrough(8L, OCTOBER_31, true, false);
    verify(invoices).record(source, InvoiceEvent.of(InvoiceEventType.INTEREST_INVOICED,
        "Interest of 2.74 SEK up to 2026-10-31 invoiced on interest invoice F-1071"));
  }

  @Test
  void withoutARateForADayTheInvoiceIsNotInvoicedNorMarkedAndItsHistorySaysWhy() {
    when(repository.selectedCustomers("", 2)).thenReturn(List.of("C-1"));
    Invoice source = overdueOnTheLastOfSeptember("C-1", CustomerType.BUSINESS, "sv", 7L, "F-1001", "10000.00");
    when(rates.between(Country.SE, LocalDate.of(2026, 10, 1), OCTOBER_31)).thenReturn(List.of());

    InterestInvoicing.Chunk chunk = interest.invoiceChunk(OCTOBER, "");

    assertThat(chunk).isEqualTo(new InterestInvoicing.Chunk("C-1", false, 0));
    verify(invoices).record(source, InvoiceEvent.of(InvoiceEventType.INTEREST_NOT_INVOICED, "Interest up to "
        + "2026-10-31 not invoiced: No late-payment interest rate for 2026-10-01: finance adds it (POST "
        + "/api/interest-rates or the task \"Enter the reference rate\"), and the interest is invoiced then"));
    verify(invoices, never()).create(any(InvoiceRequest.class), any());
    verify(repository, never()).invoicedThrough(anyLong(), any(), anyBoolean(), anyBoolean());
    verify(repository, never()).markInterestInvoice(anyLong());
  }

  @Test
  void aRunWithNoCustomerLeftEndsWhereItWas() {
    when(repository.selectedCustomers("C-9", 2)).thenReturn(List.of());

    assertThat(interest.invoiceChunk(OCTOBER, "C-9")).isEqualTo(new InterestInvoicing.Chunk("C-9", false, 0));
  }

  /** The customer's one invoice that may earn interest: due 30 September, no interest invoiced yet. */
  private Invoice overdueOnTheLastOfSeptember(String customer, CustomerType type, String language, long id,
                                              String number, String total) {
    when(customers.get(customer)).thenReturn(customer(customer, type, language));
    when(repository.candidates(customer, OCTOBER_31)).thenReturn(List.of(new InterestRepository.Candidate(id, number,
        LocalDate.of(2026, 9, 30), money(total), "SEK", null, false)));
    Invoice source = invoice(id, number);
    when(invoices.byId(id)).thenReturn(source);
    return source;
  }

  private static InvoiceRequest.LineRequest line(String description, String amount) {
    return new InvoiceRequest.LineRequest(description, BigDecimal.ONE, money(amount), BigDecimal.ZERO, null, null);
  }

  private static Customer customer(String number, CustomerType type, String language) {
    return new Customer(number, "Customer " + number, type, false, Country.SE, null, null, null, null, false, null,
        language, null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null, true);
  }

  private static Invoice invoice(long id, String number) {
    BigDecimal zero = money("0.00");
    return new Invoice(id, number, "C-1", InvoiceStatus.SENT, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30),
        Currency.SEK, zero, zero, money("1000.00"), zero, zero, zero, zero, zero, zero, zero, null, 0, 0, 0, null,
        Instant.parse("2026-09-01T00:00:00Z"));
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
