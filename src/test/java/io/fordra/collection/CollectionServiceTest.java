package io.fordra.collection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.CustomerService;
import io.fordra.distribution.MailComposer;
import io.fordra.document.DocumentService;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.kernel.ConflictException;
import io.fordra.payment.PaymentService;
import io.fordra.process.FordraClock;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** The collection service alone: no Spring, no engine; the invoice's follow-up is a port and an event publisher. */
class CollectionServiceTest {

  private final InvoiceFollowUp followUp = mock(InvoiceFollowUp.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final CollectionService service = new CollectionService(mock(InvoiceService.class),
      mock(CustomerService.class), mock(DocumentService.class), mock(PaymentService.class), mock(MailComposer.class),
      null, null, followUp, events, mock(FordraClock.class));

  @Test
  void theAgencysReportGoesToTheFollowUpThatWaitsForIt() {
    when(followUp.waitsForAgencyReport("INV-7")).thenReturn(true);

    service.reportOutcome("INV-7", CollectionOutcome.UNCOLLECTIBLE, "Debtor bankrupt");

    verify(events).publishEvent(new InvoiceFollowUp.CollectionCaseClosed("INV-7", "UNCOLLECTIBLE",
        "Debtor bankrupt"));
  }

  @Test
  void aReportWithoutACaseAtTheAgencyIsAConflictAndNothingIsTold() {
    when(followUp.waitsForAgencyReport("INV-7")).thenReturn(false);

    assertThatThrownBy(() -> service.reportOutcome("INV-7", CollectionOutcome.COLLECTED, null))
        .isInstanceOf(ConflictException.class).hasMessage("Invoice INV-7 has no open case with the collection agency");
    verifyNoInteractions(events);
  }
}
