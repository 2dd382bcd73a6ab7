package io.fordra.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders and collection notices within the law, without Spring or the engine: invoices, customers and letters
 * are behind their services (mocks); the legal limits are the shipped ones of Sweden and Norway. (The review form's
 * context is left to the task-form work.)
 */
class DunningServiceTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
  private static final DunningLimit SWEDEN = limit(Country.SE, "60", true, 1, 0, "180", 8);
  private static final DunningLimit NORWAY = limit(Country.NO, "35", false, 2, 14, "0", 14);

  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final DocumentService documents = mock(DocumentService.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final DunningLimits limits = mock(DunningLimits.class);
  private final DunningService dunning = new DunningService(invoices, customers, documents, limits, clock,
      new io.fordra.seller.SellerProperties("Exempelbolaget AB", "556677-8899", "SE556677889901", "Storgatan 1",
          "111 22", "Stockholm", Country.SE, null, null, "5050-1055", null, null),
      new LateCompensationProperties(null));

  private final Invoice updated = invoice("F-1001", Currency.SEK, InvoiceStatus.REMINDED, 1, 1);
  private final StoredDocument letter = mock(StoredDocument.class);

  @BeforeEach
  void itIsTheThirdOfNovember() {
    when(clock.today()).thenReturn(TODAY);
    when(limits.inForce(Country.SE)).thenReturn(SWEDEN);
    when(limits.inForce(Country.NO)).thenReturn(NORWAY);
    when(invoices.applyDunningStep(any(), any(), anyInt(), anyInt(), any())).thenReturn(updated);
    when(documents.prepare(any(), any(), anyInt(), any(), any())).thenReturn(letter);
  }

  @Test
  void anUnpaidInvoiceBecomesOverdueAndAFinalOneStaysAsItIs() {
    Invoice sent = invoice("F-1001", Currency.SEK, InvoiceStatus.SENT, 0, 0);
    when(invoices.lock("F-1001")).thenReturn(sent);
    when(invoices.lock("F-1002")).thenReturn(invoice("F-1002", Currency.SEK, InvoiceStatus.PAID, 0, 0));

    assertThat(dunning.markOverdue("F-1002")).isEqualTo(InvoiceStatus.PAID);
    verify(invoices, never()).changeStatus(any(), any(), any());

    assertThat(dunning.markOverdue("F-1001")).isEqualTo(InvoiceStatus.OVERDUE);
    verify(invoices).changeStatus(sent, InvoiceStatus.OVERDUE, InvoiceEvent.of(InvoiceEventType.OVERDUE,
        "Not paid by the due date 2026-10-20; open 1,250.00 SEK"));
  }

  @Test
  void aReminderFeeAboveTheLegalMaximumIsCappedRecordedAndChargedWithTheNewDeadline() {
    Invoice overdue = invoice("F-1001", Currency.SEK, InvoiceStatus.OVERDUE, 0, 0);
    when(invoices.lock("F-1001")).thenReturn(overdue);
    when(customers.get("C-1")).thenReturn(customer(Country.SE, true));

    StoredDocument reminder = dunning.prepareReminder("F-1001", step("100", "P10D"));

    assertThat(reminder).isSameAs(letter);
    verify(invoices).record(overdue, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED,
        "The policy's reminder fee 100.00 SEK exceeds the legal maximum; 60.00 SEK charged"));
    verify(invoices).record(overdue, InvoiceEvent.of(InvoiceEventType.FEE_CHARGED, "reminder fee 60.00 SEK"));
    verify(invoices).applyDunningStep(overdue, new BigDecimal("60.00"), 1, 1, LocalDate.of(2026, 11, 13));
    verify(documents).prepare(updated, DocumentKind.REMINDER, 1, new BigDecimal("60.00"), LocalDate.of(2026, 11, 13));
  }

  @Test
  void noReminderFeeWithoutAnAgreementBeyondTheNumberAllowedTooEarlyOrInAForeignCurrency() {
    assertNoReminderFee(invoice("F-1", Currency.SEK, InvoiceStatus.OVERDUE, 0, 0), customer(Country.SE, false),
        "No reminder fee (policy asked 50.00 SEK): no reminder fee was agreed with the customer", 1);
    assertNoReminderFee(invoice("F-2", Currency.SEK, InvoiceStatus.REMINDED, 1, 1), customer(Country.SE, true),
        "No reminder fee (policy asked 50.00 SEK): at most 1 reminder fee(s) per invoice", 2);
    // Due 20 October: 14 days after it is 3 November, today; before then a Norwegian debtor owes no fee.
    when(clock.today()).thenReturn(LocalDate.of(2026, 11, 2));
    assertNoReminderFee(invoice("F-3", Currency.NOK, InvoiceStatus.OVERDUE, 0, 0), customer(Country.NO, false),
        "No reminder fee (policy asked 50.00 NOK): no reminder fee before 14 days after the due date", 1);
    when(clock.today()).thenReturn(TODAY);
    assertNoReminderFee(invoice("F-4", Currency.EUR, InvoiceStatus.OVERDUE, 0, 0), customer(Country.SE, true),
        "No reminder fee: the legal fee is in SEK, the invoice in EUR", 1);
  }

  @Test
  void aCollectionNoticeGivesAtLeastTheLegalTimeToPay() {
    Invoice reminded = invoice("F-1001", Currency.SEK, InvoiceStatus.REMINDED, 2, 1);
    when(invoices.lock("F-1001")).thenReturn(reminded);
    when(customers.get("C-1")).thenReturn(customer(Country.SE, true));

    dunning.prepareCollectionNotice("F-1001", step("180", "P5D"));

    verify(invoices).record(reminded, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED,
        "The policy's payment period P5D is shorter than the 8 days the law gives; 8 days used"));
    verify(invoices).record(reminded, InvoiceEvent.of(InvoiceEventType.FEE_CHARGED,
        "collection notice fee 180.00 SEK"));
    verify(invoices).applyDunningStep(reminded, new BigDecimal("180.00"), 2, 1, LocalDate.of(2026, 11, 11));
    verify(documents).prepare(updated, DocumentKind.COLLECTION_NOTICE, 1, new BigDecimal("180.00"),
        LocalDate.of(2026, 11, 11));
  }

  @Test
  void aDebtorCountryWithoutLegalLimitsStopsTheStepBeforeAnythingIsCharged() {
    when(limits.inForce(Country.NO)).thenThrow(new IllegalStateException("No dunning limits for NO are in force"));
    when(invoices.lock("F-1001")).thenReturn(invoice("F-1001", Currency.NOK, InvoiceStatus.OVERDUE, 0, 0));
    when(customers.get("C-1")).thenReturn(customer(Country.NO, false));

    assertThatThrownBy(() -> dunning.prepareReminder("F-1001", step("35", "P14D")))
        .isInstanceOf(IllegalStateException.class).hasMessage("No dunning limits for NO are in force");
    verify(invoices, never()).applyDunningStep(any(), any(), anyInt(), anyInt(), any());
    verify(invoices, never()).record(any(), any());
    verifyNoInteractions(documents);
  }

  @Test
  void aReviewIsRecordedWithWhoDecidedWhatAndWhy() {
    Invoice invoice = invoice("F-1001", Currency.SEK, InvoiceStatus.REMINDED, 1, 0);
    when(invoices.get("F-1001")).thenReturn(invoice);

    dunning.recordReview("F-1001", "CONTINUE", "Called the customer", "fia");
    dunning.recordReview("F-1001", "PAUSE", "  ", null);

    verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.REVIEWED,
        "Dunning reviewed by fia: CONTINUE — Called the customer"));
    verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.REVIEWED,
        "Dunning reviewed by a case handler: PAUSE"));
  }

  private void assertNoReminderFee(Invoice invoice, Customer customer, String why, int reminder) {
    when(invoices.lock(invoice.invoiceNumber())).thenReturn(invoice);
    when(customers.get("C-1")).thenReturn(customer);

    dunning.prepareReminder(invoice.invoiceNumber(), step("50", "P10D"));

    verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.FEE_LIMITED, why));
    verify(invoices).applyDunningStep(invoice, new BigDecimal("0.00"), reminder, invoice.reminderFeesCharged(),
        clock.today().plusDays(10));
  }

  private static DunningLimit limit(Country country, String maxReminderFee, boolean agreement, int maxFees,
                                    int daysAfterDue, String maxNoticeFee, int noticeDays) {
    return new DunningLimit(1, country, LocalDate.of(2000, 1, 1), new BigDecimal(maxReminderFee), agreement, maxFees,
        daysAfterDue, new BigDecimal(maxNoticeFee), noticeDays, "the law", "flyway", Instant.EPOCH);
  }

  private static DunningStep step(String fee, String period) {
    return DunningStep.from(Map.of("action", "REMIND", "fee", fee, "paymentPeriod", period));
  }

  private static Customer customer(Country country, boolean reminderFeeAgreed) {
    return new Customer("C-1", "Kund AB", CustomerType.BUSINESS, false, country, null, null, null, null,
        reminderFeeAgreed, null, country.language(), null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null,
        false);
  }

  private static Invoice invoice(String number, Currency currency, InvoiceStatus status, int remindersSent,
                                 int reminderFeesCharged) {
    BigDecimal zero = new BigDecimal("0.00");
    return new Invoice(1L, number, "C-1", status, LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 20), currency,
        new BigDecimal("1000.00"), new BigDecimal("250.00"), new BigDecimal("1250.00"), zero, zero, zero, zero, zero,
        zero, zero, null, remindersSent, remindersSent, reminderFeesCharged, null,
        Instant.parse("2026-09-20T00:00:00Z"));
  }
}
