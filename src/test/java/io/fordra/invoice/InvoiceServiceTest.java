package io.fordra.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.article.ArticleService;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.database.NaturalKeys;
import io.fordra.document.Letters;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The invoice hub alone: no Spring, no engine, no database. The table is a mocked repository, the ledger, the customer
 * register and the follow-up's port are mocks; the calculator, the article lines (over a mocked, never consulted
 * article register) and NaturalKeys (over a mocked transaction manager) are the real ones.
 */
class InvoiceServiceTest {

  private static final Customer CUSTOMER = Letters.customer("Anna Svensson");
  /** Invoice INV-7 (id 7) of 1,000.00 SEK, sent, nothing paid. */
  private static final Invoice SENT = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT);
  /** Sales accounts per VAT rate, as the BAS chart of application.yaml has them. */
  private static final Map<Integer, String> SALES = Map.of(25, "3001", 12, "3002", 6, "3003");

  private final InvoiceRepository invoices = mock(InvoiceRepository.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final InvoiceFollowUp followUp = mock(InvoiceFollowUp.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final Bookkeeping ledger = mock(Bookkeeping.class);
  private final ArticleService articles = mock(ArticleService.class);
  private final InvoiceService service = new InvoiceService(invoices, customers, followUp, Letters.SELLER, clock,
      events, ledger, new ArticleLines(articles, Letters.SELLER),
      new NaturalKeys(mock(PlatformTransactionManager.class)));

  @BeforeEach
  void customerC1CanBeInvoicedInAllSwedishRates() {
    when(clock.now()).thenReturn(Letters.NOW);
    when(clock.today()).thenReturn(Letters.ISSUED);
    // No month is closed: everything is booked on its own day.
    when(ledger.invoiceIssued(any(), any())).thenAnswer(a -> a.<Invoice>getArgument(0).issueDate());
    when(ledger.feeCharged(any(), any())).thenReturn(Letters.ISSUED);
    when(ledger.credited(any(), any(), any(), org.mockito.ArgumentMatchers.anyInt())).thenReturn(Letters.ISSUED);
    when(ledger.writtenOff(any(), any(), any(), any())).thenReturn(Letters.ISSUED);
    when(ledger.refunded(any(), any())).thenReturn(Letters.ISSUED);
    when(customers.findLocked("C-1")).thenReturn(Optional.of(CUSTOMER));
    when(customers.get("C-1")).thenReturn(CUSTOMER);
    when(ledger.canBook(any())).thenReturn(true);
    when(ledger.salesAccount(any())).thenAnswer(call -> Optional.ofNullable(
        SALES.get(call.<BigDecimal>getArgument(0).intValue())));
  }

  // --- create ---

  /**
   * Each line's net and VAT are rounded half-up to öre before the invoice sums them: 1.5 × 33.31 = 49.965 gives
   * 49.97 and 6 % of 10.75 = 0.645 gives 0.65 (half-even would give 49.96 and 0.64).
   */
  @Test
  void anInvoiceIsStoredWithItsTotalsBookedAndItsFollowUpStarted() {
    when(invoices.nextId()).thenReturn(42L);

    Invoice invoice = service.create(request("INV-100", null, null));

    assertThat(invoice).isEqualTo(new Invoice(42L, "INV-100", "C-1", InvoiceStatus.CREATED, Letters.ISSUED,
        Letters.DUE, Currency.SEK, new BigDecimal("1060.71"), new BigDecimal("256.65"), new BigDecimal("1317.36"),
        zero(), zero(), zero(), zero(), zero(), zero(), zero(), "4242", 0, 0, 0, Letters.DUE, Letters.NOW));
    List<InvoiceLine> lines = insertedLines(invoice);
    assertThat(lines).extracting(InvoiceLine::lineNumber, InvoiceLine::description, InvoiceLine::vatRate,
            InvoiceLine::netAmount, InvoiceLine::vatAmount, InvoiceLine::revenueAccount)
        .containsExactly(
            tuple(1, "Consulting", new BigDecimal("25"), new BigDecimal("999.99"), new BigDecimal("250.00"), "3001"),
            tuple(2, "Handbook", new BigDecimal("6"), new BigDecimal("10.75"), new BigDecimal("0.65"), "3003"),
            tuple(3, "Lunch", new BigDecimal("12"), new BigDecimal("49.97"), new BigDecimal("6.00"), "3002"));
    verify(ledger).invoiceIssued(invoice, lines);
    verify(invoices).insertEvent(42L, Letters.NOW, InvoiceEvent.of(InvoiceEventType.CREATED,
        "Invoice created: 1317.36 SEK due 2026-10-31, payment reference 4242"));
    verify(followUp).start("INV-100", "PRIVATE", true, "SE");
    verify(customers, never()).createValidated(any());
    verifyNoInteractions(events, articles);
  }

  /** Without a number the invoice takes its id, skipping an id a client already used as an invoice number. */
  @Test
  void anInvoiceWithoutANumberTakesTheNextFreeIdAndItsPaymentReference() {
    when(invoices.nextId()).thenReturn(42L, 43L);
    when(invoices.numberExists("42")).thenReturn(true);

    Invoice invoice = service.create(request(null, null, null));

    assertThat(invoice.id()).isEqualTo(43L);
    assertThat(invoice.invoiceNumber()).isEqualTo("43");
    assertThat(invoice.paymentReference()).isEqualTo("4341");
    verify(followUp).start("43", "PRIVATE", true, "SE");
  }

  /** The totals a client sends are checked, not taken: a wrong total is refused with the sum of the lines. */
  @Test
  void aTotalThatIsNotTheSumOfTheLinesIsRefused() {
    assertThatThrownBy(() -> service.create(request("INV-100", "1300.00", "256.65")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message")
            .containsExactly(tuple("totalAmount", "1300.00 is not the sum of the lines (1317.36)")));
    assertNothingStored();
  }

  @Test
  void aBadRequestIsRefusedWithEveryProblemAndNothingIsStored() {
    InvoiceRequest bad = new InvoiceRequest("INV-100", null, null, Letters.DUE, Letters.ISSUED, null,
        java.util.Arrays.asList(new InvoiceRequest.LineRequest(" ", BigDecimal.ZERO, new BigDecimal("1.234"),
            new BigDecimal("20"), null, null), null), null, null);

    assertThatThrownBy(() -> service.create(bad))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message")
            .containsExactly(
                tuple("customerNumber", "is required"),
                tuple("dueDate", "is before the issue date 2026-10-31"),
                tuple("currency", "is required"),
                tuple("lines[0].description", "is required"),
                tuple("lines[0].quantity", "is zero"),
                tuple("lines[0].unitPrice", "has more than 2 decimals"),
                tuple("lines[0].vatRate", "20 % is not a VAT rate in SE (allowed: [25, 12, 6, 0])"),
                tuple("lines[1]", "is empty")));
    assertNothingStored();
    verify(invoices, never()).numberExists(anyString());
  }

  /** The date of supply or the period is kept beside the invoice, for its document to print. */
  @Test
  void aDeliveryDateOrAPeriodIsStoredBesideTheInvoice() {
    when(invoices.nextId()).thenReturn(42L, 43L);
    LocalDate lastOfSeptember = LocalDate.of(2026, 9, 30);

    service.create(withSupply(request("INV-100", null, null), lastOfSeptember, null));
    service.create(withSupply(request("INV-101", null, null), null,
        new InvoiceRequest.Period(LocalDate.of(2026, 9, 1), lastOfSeptember)));
    service.create(request("INV-102", null, null));

    verify(invoices).insertSupply(42L, new Supply(lastOfSeptember, null, null));
    verify(invoices).insertSupply(43L, new Supply(null, LocalDate.of(2026, 9, 1), lastOfSeptember));
    verify(invoices, times(2)).insertSupply(anyLong(), any());
  }

  @Test
  void aDeliveryDateAndAPeriodTogetherOrAPeriodBackwardsOrHalfGivenIsRefused() {
    LocalDate first = LocalDate.of(2026, 9, 1);
    LocalDate last = LocalDate.of(2026, 9, 30);

    assertThatThrownBy(() -> service.create(withSupply(request("INV-100", null, null), last,
        new InvoiceRequest.Period(first, last))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message")
            .containsExactly(tuple("period", "give either deliveryDate or period, not both")));
    assertThatThrownBy(() -> service.create(withSupply(request("INV-100", null, null), null,
        new InvoiceRequest.Period(last, first))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message")
            .containsExactly(tuple("period.to", "is before period.from 2026-09-30")));
    assertThatThrownBy(() -> service.create(withSupply(request("INV-100", null, null), null,
        new InvoiceRequest.Period(first, null))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message")
            .containsExactly(tuple("period.to", "is required")));
    assertNothingStored();
    verify(invoices, never()).insertSupply(anyLong(), any());
  }

  @Test
  void aCustomerNumberNotInTheRegisterNeedsTheCustomerInline() {
    when(customers.findLocked("C-9")).thenReturn(Optional.empty());
    InvoiceRequest request = request("INV-100", null, null);
    InvoiceRequest unknown = new InvoiceRequest("INV-100", "C-9", null, request.issueDate(), request.dueDate(),
        request.currency(), request.lines(), null, null);

    assertThatThrownBy(() -> service.create(unknown))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message")
            .containsExactly(tuple("customerNumber", "no customer C-9; send the customer inline to create it")));
    assertNothingStored();
  }

  @Test
  void aTakenInvoiceNumberIsAConflictBeforeAnythingIsStored() {
    when(invoices.numberExists("INV-100")).thenReturn(true);

    assertThatThrownBy(() -> service.create(request("INV-100", null, null)))
        .isInstanceOf(ConflictException.class).hasMessage("Invoice number INV-100 already exists");
    verify(invoices, never()).nextId();
    assertNothingStored();
  }

  /** Two requests with the same number at once: the second insert hits the unique key and gets the same 409. */
  @Test
  void aNumberTakenConcurrentlyIsAConflictAndNeitherBookedNorFollowedUp() {
    when(invoices.nextId()).thenReturn(42L);
    doThrow(new DuplicateKeyException("invoice_number")).when(invoices).insert(any(), any());

    assertThatThrownBy(() -> service.create(request("INV-100", null, null)))
        .isInstanceOf(ConflictException.class).hasMessage("Invoice number INV-100 already exists");
    verify(ledger, never()).invoiceIssued(any(), any());
    verify(invoices, never()).insertEvent(anyLong(), any(), any());
    verifyNoInteractions(followUp);
  }

  /** Revenue accounts given by the caller (interest, fees) replace the sales accounts of the VAT rates. */
  @Test
  void givenRevenueAccountsAreBookedInsteadOfTheSalesAccounts() {
    when(invoices.nextId()).thenReturn(42L);

    Invoice invoice = service.create(request("INV-100", null, null), List.of("3590", "3591", "3592"));

    assertThat(insertedLines(invoice)).extracting(InvoiceLine::revenueAccount)
        .containsExactly("3590", "3591", "3592");
    verify(ledger, never()).salesAccount(any());
  }

  // --- tryCreate (the invoice file's way in) ---

  @Test
  void aFileInvoiceIsCheckedWithoutBeingStored() {
    InvoiceService.Attempt attempt = service.tryCreate(request("INV-100", null, null), false, "invoice file 7");

    assertThat(attempt).isEqualTo(new InvoiceService.Attempt(null, new BigDecimal("1317.36"), List.of()));
    verify(invoices, never()).nextId();
    assertNothingStored();
  }

  @Test
  void aFileInvoiceWithProblemsReturnsThemInsteadOfThrowing() {
    InvoiceRequest request = request("INV-100", null, null);
    InvoiceRequest late = new InvoiceRequest("INV-100", "C-1", null, Letters.ISSUED, Letters.ISSUED.plusDays(366),
        Currency.SEK, request.lines(), null, null);

    InvoiceService.Attempt attempt = service.tryCreate(late, true, "invoice file 7");

    assertThat(attempt.invoice()).isNull();
    assertThat(attempt.total()).isNull();
    assertThat(attempt.problems()).extracting("field", "message")
        .containsExactly(tuple("dueDate", "is more than 365 days after the issue date"));
    assertNothingStored();
  }

  @Test
  void aStoredFileInvoiceSaysWhereItCameFrom() {
    when(invoices.nextId()).thenReturn(42L);

    InvoiceService.Attempt attempt = service.tryCreate(request("INV-100", null, null), true,
        "invoice file 7, lines 2-4");

    assertThat(attempt.total()).isEqualTo(new BigDecimal("1317.36"));
    assertThat(attempt.invoice().invoiceNumber()).isEqualTo("INV-100");
    verify(invoices).insertEvent(42L, Letters.NOW, InvoiceEvent.of(InvoiceEventType.CREATED,
        "Invoice created: 1317.36 SEK due 2026-10-31, payment reference 4242 (from invoice file 7, lines 2-4)"));
    verify(followUp).start("INV-100", "PRIVATE", true, "SE");
  }

  // --- credit notes, write-off, refund ---

  /**
   * A credit note lowers what is owed and what is disputed. It publishes nothing: InvoiceCredited is published by
   * CreditNoteController (see CreditNoteControllerTest), an objection's credit continues in its own model.
   */
  @Test
  void aCreditNoteLowersWhatIsOwedAndWhatIsDisputed() {
    Invoice invoice = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT, "0.00", "0.00", "100.00", "300.00");
    Invoice credited = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT, "0.00", "0.00", "350.00", "50.00");
    List<InvoiceLine> lines = List.of(line());
    when(invoices.lines(7L)).thenReturn(lines);
    when(invoices.creditNotes(7L)).thenReturn(List.of(creditNote(11L, 1, "100.00"), creditNote(12L, 2, "250.00")));
    when(invoices.findById(7L)).thenReturn(Optional.of(credited));

    assertThat(service.credit(invoice, new BigDecimal("250.00"), "Damaged on delivery")).isEqualTo(credited);

    assertThat(credited.openAmount()).isEqualTo(new BigDecimal("650.00"));
    verify(invoices).insertCreditNote(7L, new BigDecimal("250.00"), "Damaged on delivery", Letters.NOW);
    verify(invoices).updateCredited(7L, new BigDecimal("350.00"));
    verify(ledger).credited(invoice, lines, new BigDecimal("250.00"), 2);
    verify(invoices).updateDisputedAmount(7L, new BigDecimal("50.00"));
    verify(invoices).insertEvent(7L, Letters.NOW, InvoiceEvent.of(InvoiceEventType.CREDIT_NOTE,
        "Credit note of 250.00 SEK: Damaged on delivery"));
    verifyNoInteractions(events);
  }

  @Test
  void aCreditBeyondTheDisputeLeavesNothingDisputed() {
    Invoice invoice = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT, "0.00", "0.00", "0.00", "100.00");
    when(invoices.findById(7L)).thenReturn(Optional.of(invoice));

    service.credit(invoice, new BigDecimal("250.00"), "Goodwill");

    verify(invoices).updateDisputedAmount(7L, BigDecimal.ZERO);
  }

  @Test
  void aCreditNoteOfMoreThanIsOpenIsRefusedAndNothingIsBooked() {
    Invoice invoice = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT, "400.00", "0.00", "0.00", "0.00");

    assertThatThrownBy(() -> service.credit(invoice, new BigDecimal("600.01"), "Too much"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A credit note must be more than 0 and at most the open amount 600.00");
    assertThatThrownBy(() -> service.credit(invoice, new BigDecimal("0.00"), "Nothing"))
        .isInstanceOf(IllegalArgumentException.class);
    verify(invoices, never()).insertCreditNote(anyLong(), any(), any(), any());
    verifyNoInteractions(ledger);
  }

  @Test
  void aWriteOffBooksWhatIsStillOpenAsALoss() {
    Invoice invoice = Letters.invoice(7L, "INV-7", InvoiceStatus.COLLECTION_NOTICE_SENT, "400.00", "60.00",
        "0.00", "0.00");
    List<InvoiceLine> lines = List.of(line());
    when(invoices.lines(7L)).thenReturn(lines);
    when(invoices.findById(7L)).thenReturn(Optional.of(invoice));

    service.writeOff(invoice, "Debtor bankrupt");

    verify(invoices).updateWrittenOff(7L, new BigDecimal("660.00"));
    verify(ledger).writtenOff(invoice, lines, new BigDecimal("660.00"), "Debtor bankrupt");
    verify(invoices).insertEvent(7L, Letters.NOW, InvoiceEvent.of(InvoiceEventType.WRITTEN_OFF,
        "Written off as a loss: 660.00 SEK (Debtor bankrupt)"));
  }

  @Test
  void aSettledInvoiceHasNothingToWriteOff() {
    Invoice paid = Letters.invoice(7L, "INV-7", InvoiceStatus.PAID, "1000.00", "0.00", "0.00", "0.00");

    assertThat(service.writeOff(paid, "Cleanup")).isSameAs(paid);
    verifyNoInteractions(invoices, ledger);
  }

  @Test
  void theWholeCreditBalanceIsRefundedWhenNoAmountIsGiven() {
    Invoice overpaid = Letters.overpaid(7L, "INV-7", "1150.00", "150.00", "0.00");
    when(invoices.lockByNumber("INV-7")).thenReturn(Optional.of(overpaid));
    when(invoices.findById(7L)).thenReturn(Optional.of(overpaid));

    service.refund("INV-7", null, " Paid twice ");

    verify(invoices).updateRefunded(7L, new BigDecimal("150.00"));
    verify(ledger).refunded(overpaid, new BigDecimal("150.00"));
    verify(invoices).insertEvent(7L, Letters.NOW, InvoiceEvent.of(InvoiceEventType.REFUNDED,
        "Refunded 150.00 SEK of the credit balance: Paid twice"));
  }

  @Test
  void aRefundBeyondWhatIsLeftOfTheCreditBalanceIsRefusedWithEveryProblem() {
    when(invoices.lockByNumber("INV-7")).thenReturn(Optional.of(Letters.overpaid(7L, "INV-7", "1150.00", "150.00",
        "100.00")));

    assertThatThrownBy(() -> service.refund("INV-7", new BigDecimal("50.01"), " "))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message")
            .containsExactly(tuple("amount", "must be more than 0 and at most the credit balance 50.00"),
                tuple("reason", "is required")));
    verify(invoices, never()).updateRefunded(anyLong(), any());
    verifyNoInteractions(ledger);
  }

  @Test
  void anInvoiceWithoutACreditBalanceHasNothingToRefund() {
    when(invoices.lockByNumber("INV-7")).thenReturn(Optional.of(SENT));

    assertThatThrownBy(() -> service.refund("INV-7", null, "Asked for"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .extracting("field", "message")
            .containsExactly(tuple("amount", "invoice INV-7 has no credit balance to refund")));
    verifyNoInteractions(ledger);
  }

  // --- payments, dunning, status ---

  @Test
  void aPaymentIsBookedRecordedAndTheInvoiceReadBack() {
    Invoice paid = readBack(InvoiceStatus.SENT, "1000.00", "0.00", "0.00", "0.00");
    InvoiceEvent event = InvoiceEvent.of(InvoiceEventType.OVERPAYMENT,
        "Paid 1,020.00 SEK, 20.00 SEK beyond what is owed");

    Invoice now = service.applyPayment(SENT, new BigDecimal("1000.00"), new BigDecimal("20.00"), event);

    assertThat(now).isEqualTo(paid);
    assertThat(now.isSettled()).isTrue();
    verify(invoices).updatePayment(7L, new BigDecimal("1000.00"), new BigDecimal("20.00"));
    verify(invoices).insertEvent(7L, Letters.NOW, event);
  }

  /** Paid in full (fees too) or credited in full: the invoice closes and the others hear it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1060.00 | 60.00 | 0.00    | PAID     | Paid in full (1,060.00 SEK); follow-up ended",
      "0.00    | 0.00  | 1000.00 | CREDITED | Credited (1,000.00 SEK in credit notes); follow-up ended"})
  void aSettledInvoiceClosesAndTellsTheOthers(String paid, String fees, String credited, InvoiceStatus status,
                                              String message) {
    Invoice invoice = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT, paid, fees, credited, "0.00");
    when(invoices.lockByNumber("INV-7")).thenReturn(Optional.of(invoice));

    assertThat(status == InvoiceStatus.PAID ? service.closeAsPaid("INV-7") : service.closeAsCredited("INV-7"))
        .isEqualTo(status);

    verify(invoices).updateStatus(7L, status);
    verify(invoices).insertEvent(7L, Letters.NOW, InvoiceEvent.of(InvoiceEventType.valueOf(status.name()), message));
    verify(events).publishEvent(new InvoiceClosed(invoice, status));
  }

  @Test
  void anInvoiceWithSomethingOpenDoesNotCloseAsPaid() {
    when(invoices.lockByNumber("INV-7")).thenReturn(Optional.of(Letters.invoice(7L, "INV-7", InvoiceStatus.SENT,
        "600.00", "0.00", "0.00", "0.00")));

    assertThatThrownBy(() -> service.closeAsPaid("INV-7"))
        .isInstanceOf(IllegalStateException.class).hasMessage("Invoice INV-7 still has 400.00 open");
    verify(invoices, never()).updateStatus(anyLong(), any());
    verifyNoInteractions(events);
  }

  /** Only a final status ends the invoice for the others; a step on the way is recorded and nothing more. */
  @Test
  void aStatusOnTheWayIsRecordedButNotPublished() {
    InvoiceEvent reminded = InvoiceEvent.of(InvoiceEventType.REMINDER_SENT, "Reminder 1 sent");

    service.changeStatus(SENT, InvoiceStatus.REMINDED, reminded);

    verify(invoices).updateStatus(7L, InvoiceStatus.REMINDED);
    verify(invoices).insertEvent(7L, Letters.NOW, reminded);
    verifyNoInteractions(events);
  }

  @Test
  void aDunningStepAddsItsFeeRaisesTheLevelAndBooksTheFee() {
    Invoice reminded = Letters.invoice(7L, "INV-7", InvoiceStatus.REMINDED, "0.00", "60.00", "0.00", "0.00");
    Invoice after = readBack(InvoiceStatus.REMINDED, "0.00", "240.00", "0.00", "0.00");
    LocalDate payBy = LocalDate.of(2026, 11, 20);

    assertThat(service.applyDunningStep(reminded, new BigDecimal("180.00"), 1, 1, payBy)).isEqualTo(after);

    verify(invoices).updateDunning(7L, new BigDecimal("240.00"), 1, 1, 1, payBy);
    verify(ledger).feeCharged(reminded, new BigDecimal("180.00"));
  }

  @Test
  void aDunningStepWithoutAFeeBooksNothing() {
    readBack(InvoiceStatus.SENT, "0.00", "0.00", "0.00", "0.00");
    LocalDate payBy = LocalDate.of(2026, 11, 20);

    service.applyDunningStep(SENT, new BigDecimal("0.00"), 1, 0, payBy);

    verify(invoices).updateDunning(7L, new BigDecimal("0.00"), 1, 1, 0, payBy);
    verifyNoInteractions(ledger);
  }

  @Test
  void theDisputedAmountIsSetAndTheInvoiceReadBack() {
    readBack(InvoiceStatus.SENT, "0.00", "0.00", "0.00", "300.00");

    Invoice now = service.setDisputedAmount(SENT, new BigDecimal("300.00"));

    assertThat(now.undisputedAmount()).isEqualTo(new BigDecimal("700.00"));
    verify(invoices).updateDisputedAmount(7L, new BigDecimal("300.00"));
  }

  // --- lookups ---

  @Test
  void anInvoiceThatIsNotThereIsNotFound() {
    when(invoices.findByNumber("INV-404")).thenReturn(Optional.empty());
    when(invoices.lockByNumber("INV-404")).thenReturn(Optional.empty());
    when(invoices.findById(404L)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.get("INV-404"))
        .isInstanceOf(NotFoundException.class).hasMessage("No invoice INV-404");
    assertThatThrownBy(() -> service.lock("INV-404"))
        .isInstanceOf(NotFoundException.class).hasMessage("No invoice INV-404");
    assertThatThrownBy(() -> service.byId(404L))
        .isInstanceOf(NotFoundException.class).hasMessage("No invoice with id 404");
    assertThatThrownBy(() -> service.closeAsPaid("INV-404")).isInstanceOf(NotFoundException.class);
    assertThat(service.find("INV-404")).isEmpty();
  }

  @Test
  void anInvoiceIsFoundByNumberIdAndPaymentReference() {
    when(invoices.findByNumber("INV-7")).thenReturn(Optional.of(SENT));
    when(invoices.findById(7L)).thenReturn(Optional.of(SENT));
    when(invoices.findByReference("10000180")).thenReturn(Optional.of(SENT));

    assertThat(service.get("INV-7")).isSameAs(SENT);
    assertThat(service.byId(7L)).isSameAs(SENT);
    assertThat(service.findByReference("10000180")).contains(SENT);
  }

  /** A credit note of another invoice is as absent as one that does not exist. */
  @Test
  void aCreditNoteIsFoundOnlyOnItsOwnInvoice() {
    CreditNote first = creditNote(11L, 1, "100.00");
    when(invoices.creditNotes(7L)).thenReturn(List.of(first, creditNote(12L, 2, "250.00")));

    assertThat(service.creditNote(SENT, 11L)).isEqualTo(first);
    assertThatThrownBy(() -> service.creditNote(SENT, 99L))
        .isInstanceOf(NotFoundException.class).hasMessage("Invoice INV-7 has no credit note 99");
  }

  @Test
  void noInvoicesHaveNoOrderReferencesWithoutAsking() {
    assertThat(service.orderReferences(List.of())).isEmpty();
    verifyNoInteractions(invoices);
  }

  // --- fixtures ---

  /**
   * C-1's invoice of three lines in the three Swedish rates: 3 × 333.33 at 25 %, 1 × 10.75 at 6 %, 1.5 × 33.31 at
   * 12 %; net 1,060.71, VAT 256.65, total 1,317.36.
   */
  private static InvoiceRequest request(String invoiceNumber, String totalAmount, String vatAmount) {
    return new InvoiceRequest(invoiceNumber, "C-1", null, Letters.ISSUED, Letters.DUE, Currency.SEK, List.of(
        new InvoiceRequest.LineRequest("Consulting ", new BigDecimal("3"), new BigDecimal("333.33"),
            new BigDecimal("25"), null, null),
        new InvoiceRequest.LineRequest("Handbook", BigDecimal.ONE, new BigDecimal("10.75"), new BigDecimal("6"),
            null, null),
        new InvoiceRequest.LineRequest("Lunch", new BigDecimal("1.5"), new BigDecimal("33.31"),
            new BigDecimal("12"), null, null)),
        totalAmount == null ? null : new BigDecimal(totalAmount), vatAmount == null ? null : new BigDecimal(vatAmount));
  }

  private static InvoiceRequest withSupply(InvoiceRequest r, LocalDate deliveryDate, InvoiceRequest.Period period) {
    return new InvoiceRequest(r.invoiceNumber(), r.customerNumber(), r.customer(), r.issueDate(), r.dueDate(),
        r.currency(), r.lines(), r.totalAmount(), r.vatAmount(), deliveryDate, period);
  }

  @SuppressWarnings("unchecked")
  private List<InvoiceLine> insertedLines(Invoice invoice) {
    ArgumentCaptor<List<InvoiceLine>> lines = ArgumentCaptor.forClass(List.class);
    verify(invoices).insert(org.mockito.ArgumentMatchers.eq(invoice), lines.capture());
    return lines.getValue();
  }

  private void assertNothingStored() {
    verify(invoices, never()).insert(any(), any());
    verify(invoices, never()).insertEvent(anyLong(), any(), any());
    verify(ledger, never()).invoiceIssued(any(), any());
    verify(customers, never()).createValidated(any());
    verifyNoInteractions(followUp, events);
  }

  /** Invoice 7 as the repository reads it back after a change. */
  private Invoice readBack(InvoiceStatus status, String paid, String fees, String credited, String disputed) {
    Invoice now = Letters.invoice(7L, "INV-7", status, paid, fees, credited, disputed);
    when(invoices.findById(7L)).thenReturn(Optional.of(now));
    return now;
  }

  private static InvoiceLine line() {
    return new InvoiceLine(1, "Goods", BigDecimal.ONE, new BigDecimal("800.00"), new BigDecimal("25"),
        new BigDecimal("800.00"), new BigDecimal("200.00"), null, null, "3001");
  }

  private static CreditNote creditNote(long id, int ordinal, String amount) {
    return new CreditNote(id, 7L, ordinal, new BigDecimal(amount), "Damaged on delivery", Letters.NOW);
  }

  private static BigDecimal zero() {
    return new BigDecimal("0.00");
  }
}
