package io.fordra.distribution;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.ProcessPaths;
import io.fordra.customer.Channel;
import io.fordra.distribution.mailbox.DigitalMailboxDistribution;
import io.fordra.distribution.mailbox.SendToDigitalMailbox;
import io.fordra.distribution.efaktura.EFakturaService;
import io.fordra.distribution.efaktura.SendEFaktura;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.process.InvoiceDistribution;
import io.fordra.process.InvoiceDistribution.Elements;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * invoice-distribution alone, with the real channel table (distribution-channel.dmn) and the real ChannelChoice,
 * RegisterDirectDebit and SendEInvoice over mocked services: every channel to its end event, and the deviations.
 */
@Deployment(resources = {InvoiceDistribution.RESOURCE, "processes/distribution-channel.dmn"})
public class InvoiceDistributionPathsTest extends ProcessPaths {

  private final DistributionService distribution = mock(DistributionService.class);
  private final EInvoiceDistribution einvoice = mock(EInvoiceDistribution.class);
  private final DistributionSchedule schedule = mock(DistributionSchedule.class);
  private final DigitalMailboxDistribution mailbox = mock(DigitalMailboxDistribution.class);
  private final EFakturaService efaktura = mock(EFakturaService.class);

  @BeforeEach
  void mockTheServices() {
    when(schedule.undoWindowEnd(any())).thenReturn(new Date(4_102_444_800_000L));
    Mocks.register("distributionSchedule", schedule);
    Mocks.register("channelChoice", new ChannelChoice(distribution));
    Mocks.register("registerDirectDebit", new RegisterDirectDebit(distribution));
    Mocks.register("bringLetterUpToDate", new BringLetterUpToDate(distribution));
    Mocks.register("sendEInvoice", new SendEInvoice(einvoice));
    when(einvoice.send(anyLong(), anyInt())).thenReturn(new EInvoiceDistribution.Outcome(InvoiceStatus.SENT, null));
    Mocks.register("sendToDigitalMailbox", new SendToDigitalMailbox(mailbox));
    when(mailbox.send(anyLong(), anyInt())).thenReturn(new DigitalMailboxDistribution.Outcome(InvoiceStatus.SENT, null));
    Mocks.register("sendEFaktura", new SendEFaktura(efaktura));
    when(efaktura.issue(anyLong(), anyInt())).thenReturn(new EFakturaService.Outcome(null));
  }

  @Test
  void byEmail() {
    ProcessInstance sending = send(Channel.EMAIL, true, true);
    assertThat(sending).hasPassed(Elements.CHOOSE_CHANNEL).isWaitingAt(Elements.SEND_EMAIL);
    run(sending, Elements.SEND_EMAIL);
    reached(sending, Elements.END_SENT);
    assertThat(sending).isEnded();
  }

  @Test
  void afterTheUndoWindowTheLetterIsBroughtUpToDateBeforeAnyChannelHasIt() {
    ProcessInstance sending = send(Channel.EMAIL, true, true);
    assertThat(sending).hasPassed(Elements.BRING_LETTER_UP_TO_DATE, Elements.CHOOSE_CHANNEL)
        .isWaitingAt(Elements.SEND_EMAIL);
    verify(distribution).bringUpToDate(7L);
  }

  @Test
  void aCreditNoteGoesAtOnceAsItWasMade() {
    facts(Channel.EMAIL, true, true);
    when(schedule.sendsAtOnce(any())).thenReturn(true); // skipUndoWindow
    ProcessInstance sending = runtimeService().startProcessInstanceByKey(InvoiceDistribution.KEY, "T-1",
        Variables.createVariables()
            .putValue(InvoiceDistribution.INVOICE_NUMBER.name(), "T-1")
            .putValue(InvoiceDistribution.DOCUMENT_ID.name(), 8L)
            .putValue(InvoiceDistribution.SKIP_UNDO_WINDOW.name(), true));
    assertThat(sending).hasNotPassed(Elements.UNDO_WINDOW, Elements.BRING_LETTER_UP_TO_DATE)
        .isWaitingAt(Elements.SEND_EMAIL);
    verify(distribution, never()).bringUpToDate(anyLong());
  }

  @Test
  void inThePrintBatch() {
    ProcessInstance sending = send(Channel.PRINT, true, true);
    reached(sending, Elements.END_IN_PRINT_BATCH);
    assertThat(sending).hasPassed(Elements.ADD_TO_PRINT_BATCH).isEnded();
  }

  @Test
  void asAnEInvoice() {
    ProcessInstance sending = send(Channel.EINVOICE, true, true);
    run(sending, Elements.SEND_EINVOICE);
    reached(sending, Elements.END_EINVOICE_SENT);
    assertThat(sending).isEnded();
  }

  @Test
  void aRejectedEInvoiceGoesByTheReserveChannel() {
    when(einvoice.send(anyLong(), anyInt()))
        .thenReturn(new EInvoiceDistribution.Outcome(null, "[BR-CO-15] totals do not add up"));
    ProcessInstance sending = send(Channel.EINVOICE, true, true);
    run(sending, Elements.SEND_EINVOICE);
    assertThat(sending).hasPassed(Elements.EINVOICE_REJECTED).hasNotPassed(Elements.END_EINVOICE_SENT)
        .variables().containsEntry(InvoiceDistribution.FAILED_CHANNEL.name(), Channel.EINVOICE.name());
    reached(sending, Elements.END_IN_PRINT_BATCH);
    assertThat(sending).isEnded();
  }

  @Test
  void toTheDigitalMailbox() {
    ProcessInstance sending = send(Channel.DIGITAL_MAILBOX, true, true);
    assertThat(sending).isWaitingAt(Elements.SEND_TO_DIGITAL_MAILBOX);
    run(sending, Elements.SEND_TO_DIGITAL_MAILBOX);
    reached(sending, Elements.END_IN_DIGITAL_MAILBOX);
    assertThat(sending).hasNotPassed(Elements.NO_DIGITAL_MAILBOX).isEnded();
    verify(mailbox).send(7L, 1);
  }

  @Test
  void aReminderGoesToTheDigitalMailboxToo() {
    when(distribution.facts(anyLong(), any())).thenReturn(new DistributionService.ChannelFacts("REMINDER",
        Channel.DIGITAL_MAILBOX, true, Channel.EMAIL, Channel.PRINT, true, true, false, false));
    ProcessInstance sending = runtimeService().startProcessInstanceByKey(InvoiceDistribution.KEY, "T-1",
        Variables.createVariables()
            .putValue(InvoiceDistribution.INVOICE_NUMBER.name(), "T-1")
            .putValue(InvoiceDistribution.DOCUMENT_ID.name(), 9L));
    run(sending, Elements.UNDO_WINDOW);
    assertThat(sending).isWaitingAt(Elements.SEND_TO_DIGITAL_MAILBOX);
  }

  @Test
  void aPersonWithoutADigitalMailboxGetsTheReserveChannel() {
    when(mailbox.send(anyLong(), anyInt())).thenReturn(new DigitalMailboxDistribution.Outcome(null,
        "the person has no digital mailbox that accepts content from Exempelbolaget AB (Kivra user matching)"));
    ProcessInstance sending = send(Channel.DIGITAL_MAILBOX, true, true);
    run(sending, Elements.SEND_TO_DIGITAL_MAILBOX);
    assertThat(sending).hasPassed(Elements.NO_DIGITAL_MAILBOX).hasNotPassed(Elements.END_IN_DIGITAL_MAILBOX)
        .variables().containsEntry(InvoiceDistribution.FAILED_CHANNEL.name(), Channel.DIGITAL_MAILBOX.name())
        .containsEntry(InvoiceDistribution.DEVIATION.name(), true);
    reached(sending, Elements.END_IN_PRINT_BATCH); // the reserve channel (PRINT)
    assertThat(sending).isEnded();
  }

  @Test
  void asAnEFaktura() {
    ProcessInstance sending = send(Channel.EFAKTURA, true, true);
    assertThat(sending).isWaitingAt(Elements.SEND_EFAKTURA);
    run(sending, Elements.SEND_EFAKTURA);
    reached(sending, Elements.END_EFAKTURA_SENT);
    assertThat(sending).hasNotPassed(Elements.EFAKTURA_NOT_ACCEPTED).isEnded();
    verify(efaktura).issue(7L, 1);
  }

  @Test
  void anEFakturaRecipientWhoDoesNotAcceptGetsTheReserveChannel() {
    when(efaktura.issue(anyLong(), anyInt())).thenReturn(new EFakturaService.Outcome(
        "the eFaktura register: the recipient has stopped eFaktura from this issuer in the online bank"));
    ProcessInstance sending = send(Channel.EFAKTURA, true, true);
    run(sending, Elements.SEND_EFAKTURA);
    assertThat(sending).hasPassed(Elements.EFAKTURA_NOT_ACCEPTED).hasNotPassed(Elements.END_EFAKTURA_SENT)
        .variables().containsEntry(InvoiceDistribution.FAILED_CHANNEL.name(), Channel.EFAKTURA.name())
        .containsEntry(InvoiceDistribution.DEVIATION.name(), true)
        .containsEntry(InvoiceDistribution.DEVIATION_REASON.name(),
            "the eFaktura register: the recipient has stopped eFaktura from this issuer in the online bank");
    // The reserve channel of the facts below is PRINT.
    reached(sending, Elements.END_IN_PRINT_BATCH);
    assertThat(sending).isEnded();
    verify(distribution).recordChoice(7L, Channel.PRINT.name(), "reserve channel", true);
  }

  @Test
  void directDebitSendsItsNoticeByEmail() {
    ProcessInstance sending = send(Channel.DIRECT_DEBIT, true, true);
    assertThat(sending).hasPassed(Elements.REGISTER_DIRECT_DEBIT).isWaitingAt(Elements.SEND_EMAIL);
    run(sending, Elements.SEND_EMAIL);
    reached(sending, Elements.END_SENT);
  }

  @Test
  void noChannelReachesTheCustomerAndACaseHandlerDecidesNotToSend() {
    ProcessInstance sending = send(Channel.EMAIL, false, false);
    assertThat(sending).isWaitingAt(Elements.CORRECT_DEVIATION);
    complete(task(sending), withVariables(InvoiceDistribution.DEVIATION_ACTION.name(),
        InvoiceDistribution.DeviationAction.DO_NOT_SEND.name()));
    reached(sending, Elements.END_NOT_SENT);
    assertThat(sending).hasPassed(Elements.RECORD_NOT_SENT).isEnded();
  }

  @Test
  void aCorrectedAddressIsSentTo() {
    ProcessInstance sending = send(Channel.EMAIL, false, false);
    facts(Channel.EMAIL, true, false);
    complete(task(sending), withVariables(InvoiceDistribution.DEVIATION_ACTION.name(),
        InvoiceDistribution.DeviationAction.SEND.name()));
    run(sending, Elements.SEND_EMAIL);
    reached(sending, Elements.END_SENT);
  }

  /** Sends an invoice to a customer who prefers the channel, after the undo window. */
  private ProcessInstance send(Channel preferred, boolean hasEmail, boolean hasPostalAddress) {
    facts(preferred, hasEmail, hasPostalAddress);
    ProcessInstance sending = runtimeService().startProcessInstanceByKey(InvoiceDistribution.KEY, "T-1",
        Variables.createVariables()
            .putValue(InvoiceDistribution.INVOICE_NUMBER.name(), "T-1")
            .putValue(InvoiceDistribution.DOCUMENT_ID.name(), 7L)
            .putValue(InvoiceDistribution.SEND_ATTEMPT.name(), 1));
    assertThat(sending).isWaitingAt(Elements.UNDO_WINDOW);
    run(sending, Elements.UNDO_WINDOW);
    return sending;
  }

  private void facts(Channel preferred, boolean hasEmail, boolean hasPostalAddress) {
    when(distribution.facts(anyLong(), any())).thenReturn(new DistributionService.ChannelFacts("INVOICE", preferred, true,
        Channel.EMAIL, Channel.PRINT, hasEmail, hasPostalAddress, true, true));
  }
}
