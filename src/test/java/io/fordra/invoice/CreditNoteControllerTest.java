package io.fordra.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.document.Letters;
import io.fordra.kernel.ConflictException;
import io.fordra.process.ProcessConflicts;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** A credit note over REST, without Spring or the engine: booked, then the follow-up hears InvoiceCredited. */
class CreditNoteControllerTest {

  private final InvoiceService invoices = mock(InvoiceService.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final ProcessConflicts conflicts = mock(ProcessConflicts.class);
  private final CreditNoteController controller = new CreditNoteController(invoices, events, conflicts);

  @BeforeEach
  @SuppressWarnings("unchecked")
  void conflictsRunTheWorkOnce() {
    when(conflicts.retrying(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
  }

  @Test
  void aCreditNoteIsBookedAndThenToldToTheFollowUp() {
    Invoice invoice = Letters.invoice(7L, "INV-7", InvoiceStatus.SENT);
    when(invoices.lock("INV-7")).thenReturn(invoice);
    when(invoices.get("INV-7")).thenReturn(Letters.invoice(7L, "INV-7", InvoiceStatus.SENT, "0.00", "0.00", "250.00", "0.00"));

    var response = controller.credit("INV-7", new CreditNoteController.CreditNoteRequest(new BigDecimal("250"),
        " Damaged "));

    assertThat(response.getBody().openAmount()).isEqualByComparingTo("750.00");
    var order = inOrder(invoices, events);
    order.verify(invoices).credit(invoice, new BigDecimal("250.00"), "Damaged");
    order.verify(events).publishEvent(new InvoiceFollowUp.InvoiceCredited("INV-7"));
  }

  @Test
  void aFinalInvoiceIsNotCreditedAndNothingIsTold() {
    Invoice paid = mock(Invoice.class);
    when(paid.status()).thenReturn(InvoiceStatus.PAID);
    when(invoices.lock("INV-7")).thenReturn(paid);

    assertThatThrownBy(() -> controller.credit("INV-7", new CreditNoteController.CreditNoteRequest(null, "x")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("is PAID");
    verifyNoInteractions(events);
  }
}
