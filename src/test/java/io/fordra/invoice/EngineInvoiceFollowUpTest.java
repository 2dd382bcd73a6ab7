package io.fordra.invoice;

import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.Test;

/** Each domain event becomes its invoice-to-cash message, by business key, with the variables the model reads. */
class EngineInvoiceFollowUpTest {

  private final RuntimeService runtime = mock(RuntimeService.class);
  private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
  private final EngineInvoiceFollowUp followUp = new EngineInvoiceFollowUp(runtime);

  @Test
  void aBookedPaymentIsPaymentReceivedWithItsIdLocalToItsEventSubprocess() {
    when(runtime.createMessageCorrelation(InvoiceToCash.Messages.PAYMENT_RECEIVED)).thenReturn(correlation);

    followUp.on(new InvoiceFollowUp.PaymentBooked("INV-7", 42L));

    verify(correlation).processInstanceBusinessKey("INV-7");
    verify(correlation).setVariablesLocal(Map.of(InvoiceToCash.PAYMENT_ID.name(), 42L));
    verify(correlation).correlateAllWithResult();
  }

  @Test
  void anObjectionIsObjectionRaisedWithWhetherItHoldsFollowUp() {
    when(runtime.createMessageCorrelation(InvoiceToCash.Messages.OBJECTION_RAISED)).thenReturn(correlation);

    followUp.on(new InvoiceFollowUp.ObjectionRaised("INV-7", true));

    verify(correlation).processInstanceBusinessKey("INV-7");
    verify(correlation).setVariables(Map.of(InvoiceToCash.FOLLOW_UP_ON_HOLD.name(), true));
  }

  @Test
  void theAgencysReportIsCollectionCaseClosedWithAnEmptyNoteForNone() {
    when(runtime.createMessageCorrelation(InvoiceToCash.Messages.COLLECTION_CASE_CLOSED)).thenReturn(correlation);

    followUp.on(new InvoiceFollowUp.CollectionCaseClosed("INV-7", "COLLECTED", null));

    verify(correlation).setVariables(Map.of(InvoiceToCash.COLLECTION_OUTCOME.name(), "COLLECTED",
        InvoiceToCash.COLLECTION_NOTE.name(), ""));
  }

  @Test
  void theEndOfAPaymentPlanIsPaymentPlanEndedForTheInvoice() {
    when(runtime.createMessageCorrelation(InvoiceToCash.Messages.PAYMENT_PLAN_ENDED)).thenReturn(correlation);

    followUp.on(new InvoiceFollowUp.PaymentPlanOver("INV-7"));

    verify(correlation).processInstanceBusinessKey("INV-7");
    verify(correlation).correlateAllWithResult();
  }
}
