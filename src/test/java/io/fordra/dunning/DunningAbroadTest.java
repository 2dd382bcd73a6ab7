package io.fordra.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders to debtors abroad, without Spring: the law of the claim is the seller's (its limits and currency), the fixed
 * compensation is charged from business debtors only, once, in the invoice currency's configured amount.
 */
class DunningAbroadTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
  private static final DunningLimit SWEDEN = new DunningLimit(1, Country.SE, LocalDate.of(2000, 1, 1),
      new BigDecimal("60"), true, 1, 0, new BigDecimal("180"), 8, "the law", "flyway", Instant.EPOCH);
  private static final DunningLimit NORWAY = new DunningLimit(2, Country.NO, LocalDate.of(2000, 1, 1),
      new BigDecimal("35"), false, 2, 14, new BigDecimal("0"), 14, "the law", "flyway", Instant.EPOCH);

  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final DocumentService documents = mock(DocumentService.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final DunningLimits limits = mock(DunningLimits.class);
  private final StoredDocument letter = mock(StoredDocument.class);

  private DunningService dunning(Country sellerCountry) {
    return new DunningService(invoices, customers, documents, limits, clock,
        new SellerProperties("Seller", "556677-8899", null, "Street 1", "111 22", "Town", sellerCountry, null, null,
            null, null, null),
        new LateCompensationProperties(null));
  }

  @BeforeEach
  void itIsTheThirdOfNovember() {
    when(clock.today()).thenReturn(TODAY);
    when(limits.inForce(Country.SE)).thenReturn(SWEDEN);
    when(limits.inForce(Country.NO)).thenReturn(NORWAY);
    when(invoices.applyDunningStep(any(), any(), anyInt(), anyInt(), any())).thenAnswer(a -> a.getArgument(0));
    when(documents.prepare(any(), any(), anyInt(), any(), any())).thenReturn(letter);
    when(invoices.claimLateCompensation(any())).thenReturn(true);
  }

  @Test
  void aGermanBusinessOwesTheEur40CompensationUnderSwedishLawAndNoReminderFee() {
    Invoice overdue = overdue(Currency.EUR);
    when(customers.get("C-1")).thenReturn(customer(Country.DE, CustomerType.BUSINESS));

    dunning(Country.SE).prepareReminder("F-1", step("0", true));

    verify(limits).inForce(Country.SE);
    verify(invoices).record(overdue, InvoiceEvent.of(InvoiceEventType.FEE_CHARGED,
        "fixed compensation for recovery costs (directive 2011/7/EU art. 6) 40.00 EUR"));
    verify(invoices).applyDunningStep(overdue, new BigDecimal("40.00"), 1, 0, TODAY.plusDays(14));
    verify(documents).prepare(overdue, DocumentKind.REMINDER, 1, new BigDecimal("40.00"), TODAY.plusDays(14));
  }

  @Test
  void inSekTheCompensationIsTheSwedish450() {
    Invoice overdue = overdue(Currency.SEK);
    when(customers.get("C-1")).thenReturn(customer(Country.US, CustomerType.BUSINESS));

    dunning(Country.SE).prepareReminder("F-1", step("0", true));

    verify(invoices).applyDunningStep(overdue, new BigDecimal("450.00"), 1, 0, TODAY.plusDays(14));
  }

  @Test
  void aPrivatePersonAbroadOwesNoCompensationEvenIfThePolicyAsks() {
    Invoice overdue = overdue(Currency.EUR);
    when(customers.get("C-1")).thenReturn(customer(Country.FI, CustomerType.PRIVATE));

    dunning(Country.SE).prepareReminder("F-1", step("0", true));

    verify(invoices).record(overdue, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED, "No fixed compensation for "
        + "recovery costs: the debtor is not a business (the late-payment directive applies between businesses)"));
    verify(invoices, never()).claimLateCompensation(any());
    verify(invoices).applyDunningStep(overdue, new BigDecimal("0.00"), 1, 0, TODAY.plusDays(14));
  }

  @Test
  void theCompensationIsOwedOncePerInvoice() {
    Invoice overdue = overdue(Currency.EUR);
    when(customers.get("C-1")).thenReturn(customer(Country.DE, CustomerType.BUSINESS));
    when(invoices.claimLateCompensation(overdue)).thenReturn(false);

    dunning(Country.SE).prepareReminder("F-1", step("0", true));

    verify(invoices).record(overdue, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED,
        "No fixed compensation for recovery costs: it was already charged on this invoice"));
    verify(invoices).applyDunningStep(overdue, new BigDecimal("0.00"), 1, 0, TODAY.plusDays(14));
  }

  @Test
  void aNorwegianSellersStatutoryFeeIsNotChargedInEurAndNoCompensationInNok() {
    Invoice eur = overdue(Currency.EUR);
    when(customers.get("C-1")).thenReturn(customer(Country.DE, CustomerType.BUSINESS));

    dunning(Country.NO).prepareReminder("F-1", step("35", false));

    verify(limits).inForce(Country.NO);
    verify(invoices).record(eur, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED,
        "No reminder fee: the legal fee is in NOK, the invoice in EUR"));
    verify(invoices).applyDunningStep(eur, new BigDecimal("0.00"), 1, 0, TODAY.plusDays(14));

    Invoice nok = overdue(Currency.NOK);
    dunning(Country.NO).prepareReminder("F-1", step("0", true));
    verify(invoices).record(nok, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED, "No fixed compensation for "
        + "recovery costs: no amount for NOK in fordra.dunning.late-compensation.amounts"));
  }

  @Test
  void aCollectionNoticeAbroadFollowsTheSellersMinimumTimeToPay() {
    Invoice reminded = overdue(Currency.EUR);
    when(customers.get("C-1")).thenReturn(customer(Country.US, CustomerType.BUSINESS));

    dunning(Country.SE).prepareCollectionNotice("F-1", step("0", false));

    verify(invoices).applyDunningStep(reminded, new BigDecimal("0.00"), 0, 0, TODAY.plusDays(14));
    assertThat(DunningStep.from(Map.of("action", "REMINDER")).compensation()).isFalse();
  }

  private Invoice overdue(Currency currency) {
    BigDecimal zero = new BigDecimal("0.00");
    Invoice invoice = new Invoice(1L, "F-1", "C-1", InvoiceStatus.OVERDUE, LocalDate.of(2026, 9, 20),
        LocalDate.of(2026, 10, 20), currency, new BigDecimal("1000.00"), zero, new BigDecimal("1000.00"), zero, zero,
        zero, zero, zero, zero, zero, null, 0, 0, 0, null, Instant.parse("2026-09-20T00:00:00Z"));
    when(invoices.lock("F-1")).thenReturn(invoice);
    return invoice;
  }

  private static Customer customer(Country country, CustomerType type) {
    return new Customer("C-1", "Kunde", type, false, country, null, null, null, null, true, null,
        country.language(), null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null, false);
  }

  private static DunningStep step(String fee, boolean compensation) {
    return DunningStep.from(Map.of("action", "REMINDER", "fee", fee, "paymentPeriod", "P14D",
        "compensation", compensation));
  }
}
