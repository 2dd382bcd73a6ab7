package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.Channel;
import io.fordra.customer.CustomerService;
import io.fordra.document.Delivery;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.kernel.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** Bounces without Spring or the engine: the follow-up is a port (does it still send?) and an event (send again). */
class DeviationServiceTest {

  private final DocumentService documents = mock(DocumentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final InvoiceFollowUp followUp = mock(InvoiceFollowUp.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final DistributionService distribution = mock(DistributionService.class);
  private final DeviationService service = new DeviationService(documents, invoices, mock(CustomerService.class),
      distribution, mock(DirectDebitRepository.class), followUp, events, null);
  private final Invoice invoice = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT);
  private final StoredDocument mailed = new StoredDocument(5L, 7L, DocumentKind.INVOICE, 1, "invoice-INV-7.pdf",
      "application/pdf", new byte[0], null, null, null, "<id>", Instant.parse("2026-03-01T08:00:00Z"),
      Instant.parse("2026-03-01T08:05:00Z"), "EMAIL", "anna@example.com", 1, "CREATED");

  private final Delivery emailed = new Delivery(1L, 5L, "EMAIL", "anna@example.com", mailed.sentAt());

  @BeforeEach
  void theInvoiceWasMailed() {
    when(invoices.lock("INV-7")).thenReturn(invoice);
    when(documents.lastDelivery(invoice, "EMAIL", null)).thenReturn(Optional.of(emailed));
    when(documents.get(5L)).thenReturn(mailed);
    when(documents.deliveries(mailed)).thenReturn(List.of(emailed));
  }

  @Test
  void aBouncedMailIsSentAgainByTheFollowUp() {
    when(followUp.sendsBouncedDocumentsAgain("INV-7")).thenReturn(true);
    when(documents.countAttempt(mailed)).thenReturn(2);

    var result = service.bounce("INV-7", new DeviationService.BounceRequest(Channel.EMAIL, null, " Mailbox full "));

    assertThat(result.rerouted()).isTrue();
    verify(events).publishEvent(new InvoiceFollowUp.DocumentBounced("INV-7", 5L, 2, "EMAIL", "Mailbox full"));
  }

  /** Issue 15: the letter already waits in the open print batch; the reserve channel would print it twice. */
  @Test
  void aBounceOfALetterWaitingInThePrintBatchIsRecordedAndNothingMoreIsSent() {
    when(followUp.sendsBouncedDocumentsAgain("INV-7")).thenReturn(true);
    when(distribution.waiting("INV-7", mailed)).thenReturn(Optional.of(
        "letter invoice-INV-7.pdf is already waiting in print batch print-batch-000003, closing at 2026-03-01T10:00Z"));

    var result = service.bounce("INV-7", new DeviationService.BounceRequest(Channel.EMAIL, null, "Mailbox full"));

    assertThat(result.rerouted()).isFalse();
    assertThat(result.message()).isEqualTo("Recorded; letter invoice-INV-7.pdf is already waiting in print batch "
        + "print-batch-000003, closing at 2026-03-01T10:00Z, so nothing more is sent");
    verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.NOT_SENT, "invoice-INV-7.pdf: "
        + result.message()));
    verify(documents, never()).countAttempt(any());
    verifyNoInteractions(events);
  }

  /** Found by the README walk: the e-mail bounces after the letter was also posted; the post is the reserve. */
  @Test
  void aBounceOfAnEarlierDeliveryIsRecordedAndNothingMoreIsSent() {
    when(followUp.sendsBouncedDocumentsAgain("INV-7")).thenReturn(true);
    when(documents.deliveries(mailed)).thenReturn(List.of(emailed,
        new Delivery(2L, 5L, "PRINT", "Storgatan 1, 111 22 Stockholm", Instant.parse("2026-03-02T10:00:00Z"))));

    var result = service.bounce("INV-7", new DeviationService.BounceRequest(Channel.EMAIL, null, "Mailbox full"));

    assertThat(result.rerouted()).isFalse();
    assertThat(result.message()).isEqualTo("Recorded; invoice-INV-7.pdf was sent again by PRINT to Storgatan 1, 111 22 "
        + "Stockholm after the delivery that bounced, so nothing more is sent");
    verify(documents, never()).countAttempt(any());
    verifyNoInteractions(events);
  }

  @Test
  void aBounceOfADocumentNeverSentThatWayIsAConflict() {
    when(documents.lastDelivery(invoice, "EMAIL", "other@example.com")).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.bounce("INV-7",
        new DeviationService.BounceRequest(Channel.EMAIL, "other@example.com", "Mailbox full")))
        .isInstanceOf(ConflictException.class).hasMessage("No document of invoice INV-7 was sent by EMAIL to "
            + "other@example.com");
    verifyNoInteractions(events);
  }

  @Test
  void aBounceAfterFollowUpEndedIsOnlyRecorded() {
    when(followUp.sendsBouncedDocumentsAgain("INV-7")).thenReturn(false);

    var result = service.bounce("INV-7", new DeviationService.BounceRequest(Channel.EMAIL, null, "Mailbox full"));

    assertThat(result.rerouted()).isFalse();
    assertThat(result.message()).contains("has ended");
    verify(documents, never()).countAttempt(any());
    verifyNoInteractions(events);
  }
}
