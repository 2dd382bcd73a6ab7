package io.fordra.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.collection.CollectionAgencyProperties;
import io.fordra.customer.CustomerService;
import io.fordra.distribution.MailComposer;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.kernel.ConflictException;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The objection service alone: no Spring, no engine. It tells the invoice's follow-up what happened by publishing
 * domain events (a mock here); how its answer continues in the process is the model's business, so answering
 * publishes nothing.
 */
class DisputeServiceTest {

  private static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");
  private static final String NUMBER = "INV-7";

  private final DisputeRepository disputes = mock(DisputeRepository.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final DisputeService service = new DisputeService(disputes, mock(DocumentService.class), invoices,
      mock(CustomerService.class), events, mock(MailComposer.class),
      new DisputeProperties(Period.ofDays(14), Period.ofDays(3), Period.ofDays(2), null),
      new CollectionAgencyProperties("Inkasso AB", "agency@example.com", BigDecimal.TEN), null, clock);

  @BeforeEach
  void itIsTheTwentiethOfMarch() {
    when(clock.now()).thenReturn(NOW);
    when(clock.zone()).thenReturn(ZoneId.of("Europe/Stockholm"));
  }

  /** An objection to all that is owed holds follow-up; one to a part leaves the rest followed up. */
  @ParameterizedTest
  @CsvSource({"1000.00, true", "250.00, false"})
  void anObjectionIsStoredAndToldToTheFollowUpWithWhetherItHoldsIt(String amount, boolean onHold) {
    Invoice invoice = invoice("0.00", "0.00");
    givenInvoice(invoice);
    BigDecimal disputed = new BigDecimal(amount);
    when(invoices.setDisputedAmount(invoice, disputed)).thenReturn(invoice("0.00", amount));
    when(disputes.latest(7L)).thenReturn(Optional.empty(), Optional.of(open(amount)));

    service.raise(NUMBER, new ObjectionRequest(onHold ? null : disputed, "Damaged on delivery", RaisedBy.CUSTOMER,
        null));

    verify(disputes).insert(7L, disputed, "Damaged on delivery", RaisedBy.CUSTOMER, NOW, LocalDate.of(2026, 4, 3));
    verify(events).publishEvent(new InvoiceFollowUp.ObjectionRaised(NUMBER, onHold));
  }

  @Test
  void aSecondOpenObjectionIsRefusedAndNothingIsTold() {
    givenInvoice(invoice("0.00", "1000.00"));
    when(disputes.latest(7L)).thenReturn(Optional.of(open("1000.00")));

    assertThatThrownBy(() -> service.raise(NUMBER, new ObjectionRequest(null, "Again", RaisedBy.CUSTOMER, null)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("already has an open objection");
    verify(disputes, never()).insert(anyLong(), any(), any(), any(), any(), any());
    verifyNoInteractions(events);
  }

  @Test
  void aWithdrawalReleasesTheHold() {
    Invoice invoice = invoice("0.00", "1000.00");
    givenInvoice(invoice);
    when(invoices.setDisputedAmount(invoice, BigDecimal.ZERO)).thenReturn(invoice("0.00", "0.00"));
    when(disputes.latest(7L)).thenReturn(Optional.of(open("1000.00")));

    service.withdraw(NUMBER);

    verify(disputes).updateStatus(1L, DisputeStatus.WITHDRAWN);
    verify(events).publishEvent(new InvoiceFollowUp.ObjectionWithdrawn(NUMBER));
  }

  @Test
  void aCreditInPartIsReturnedToTheModelAndNotCorrelatedBack() {
    Invoice invoice = invoice("0.00", "1000.00");
    Invoice credited = invoice("250.00", "1000.00");
    givenInvoice(invoice);
    when(disputes.latest(7L)).thenReturn(Optional.of(open("1000.00")));
    when(invoices.credit(eq(invoice), eq(new BigDecimal("250.00")), any())).thenReturn(credited);
    when(invoices.setDisputedAmount(credited, BigDecimal.ZERO)).thenReturn(invoice("250.00", "0.00"));

    ObjectionCredit credit = service.answer(NUMBER, "ACCEPT_PARTIAL", 250.0, "We credit the damaged part.", "fia");

    assertThat(credit).isEqualTo(ObjectionCredit.IN_PART);
    verify(disputes).answer(1L, DisputeStatus.ACCEPTED, ObjectionDecision.ACCEPT_PARTIAL,
        new BigDecimal("250.00"), "We credit the damaged part.", "fia", NOW);
    verifyNoInteractions(events);
  }

  @Test
  void acceptingEverythingOwedCreditsInFull() {
    Invoice invoice = invoice("0.00", "1000.00");
    Invoice credited = invoice("1000.00", "0.00");
    givenInvoice(invoice);
    when(disputes.latest(7L)).thenReturn(Optional.of(open("1000.00")));
    when(invoices.credit(eq(invoice), eq(new BigDecimal("1000.00")), any())).thenReturn(credited);
    when(invoices.setDisputedAmount(credited, BigDecimal.ZERO)).thenReturn(credited);

    assertThat(service.answer(NUMBER, "ACCEPT_FULL", null, "You are right.", null)).isEqualTo(ObjectionCredit.IN_FULL);
    verifyNoInteractions(events);
  }

  @Test
  void aRejectionCreditsNothingAndTheDisputeStays() {
    givenInvoice(invoice("0.00", "1000.00"));
    when(disputes.latest(7L)).thenReturn(Optional.of(open("1000.00")));

    assertThat(service.answer(NUMBER, "REJECT", null, "Delivered as ordered.", "fia"))
        .isEqualTo(ObjectionCredit.NONE);
    verify(disputes).answer(1L, DisputeStatus.REJECTED, ObjectionDecision.REJECT, null, "Delivered as ordered.",
        "fia", NOW);
    verify(invoices, never()).credit(any(), any(), any());
    verify(invoices, never()).setDisputedAmount(any(), any());
  }

  @Test
  void anAnswerThatDoesNotFitListsEveryProblemAndChangesNothing() {
    givenInvoice(invoice("0.00", "1000.00"));
    when(disputes.latest(7L)).thenReturn(Optional.of(open("1000.00")));

    assertThatThrownBy(() -> service.answer(NUMBER, "ACCEPT_PARTIAL", 1000.0, " ", "fia"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The answer cannot be saved: write the answer to the customer; a partial credit must be more "
            + "than 0 and less than the disputed 1,000.00 SEK, with at most 2 decimals.");
    verify(disputes, never()).answer(anyLong(), any(), any(), any(), any(), any(), any());
    verifyNoInteractions(events);
  }

  @Test
  void aDisputedClaimIsNotDecidedWithoutAComment() {
    assertThatThrownBy(() -> service.decideDisputedClaim(NUMBER, "CLOSE", " ", "fia"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write why in the comment");
    assertThatThrownBy(() -> service.decideDisputedClaim(NUMBER, "MAYBE", "because", "fia"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose CONCILIATION_BOARD or CLOSE");
    verifyNoInteractions(invoices, disputes);
  }

  private void givenInvoice(Invoice invoice) {
    when(invoices.get(NUMBER)).thenReturn(invoice);
    when(invoices.lock(NUMBER)).thenReturn(invoice);
  }

  /** Invoice 7 of 1,000.00 SEK, sent, with what was credited and is disputed. */
  private static Invoice invoice(String credited, String disputed) {
    return Letters.invoice(7L, NUMBER, InvoiceStatus.SENT, "0.00", "0.00", credited, disputed);
  }

  private static Dispute open(String disputed) {
    return new Dispute(1L, 7L, DisputeStatus.OPEN, new BigDecimal(disputed), "Damaged on delivery",
        RaisedBy.CUSTOMER, NOW, LocalDate.of(2026, 4, 3), null, null, null, null, null, 0);
  }
}
