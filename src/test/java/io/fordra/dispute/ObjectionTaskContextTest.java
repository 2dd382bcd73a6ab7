package io.fordra.dispute;

import static io.fordra.document.Letters.customer;
import static io.fordra.document.Letters.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.CustomerService;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.task.Headings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the two objection tasks show, each only its own form's fields: no Spring, no engine. */
class ObjectionTaskContextTest {

  private static final Instant RECEIVED = Instant.parse("2026-04-02T09:30:00Z");
  private static final LocalDate DEADLINE = LocalDate.of(2026, 4, 16);

  private final DisputeService disputes = mock(DisputeService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final ObjectionTaskContext context = new ObjectionTaskContext(disputes, invoices, customers,
      Headings.on(LocalDate.of(2026, 4, 3)),
      new RespondToObjectionForm(), new DecideDisputedClaimForm());

  @BeforeEach
  void anInvoiceWithAnObjection() {
    Invoice invoice = invoice(7, "F-7", InvoiceStatus.SENT, "0.00", "0.00", "0.00", "250.00");
    when(invoices.get("F-7")).thenReturn(invoice);
    when(invoices.events(invoice)).thenReturn(List.of(
        new InvoiceEvent(Instant.parse("2026-03-01T08:00:00Z"), InvoiceEventType.SENT, null, null, "by e-mail"),
        new InvoiceEvent(RECEIVED, InvoiceEventType.OBJECTION_RAISED, null, null, "two hours not worked")));
    when(customers.get("C-1")).thenReturn(customer("Anna Berg"));
    when(disputes.latestDispute(invoice)).thenReturn(dispute(null));
  }

  @Test
  void respondToObjectionShowsTheObjectionAndIsDueOnTheReplyDeadline() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable(InvoiceToCash.INVOICE_NUMBER.name())).thenReturn("F-7");
    when(task.getTaskDefinitionKey()).thenReturn(InvoiceToCash.Elements.RESPOND_TO_OBJECTION);
    when(disputes.replyDeadline("F-7")).thenReturn(DEADLINE);
    when(task.getName()).thenReturn("Respond to objection");

    context.notify(task);

    verify(task).setVariablesLocal(Map.of(
        "invoiceNumber", "F-7",
        "customerName", "Anna Berg (C-1, PRIVATE, SE, anna@example.se)",
        "totalAmount", "1,000.00 SEK",
        "openAmount", "1,000.00 SEK",
        "disputedAmount", "250.00 SEK",
        "objectionReason", "two hours not worked",
        "raisedBy", "CUSTOMER",
        "receivedAt", "2026-04-02T09:30:00Z",
        "replyDeadline", "2026-04-16",
        "invoiceHistory", "2026-03-01T08:00:00Z  SENT  by e-mail\n"
            + "2026-04-02T09:30:00Z  OBJECTION_RAISED  two hours not worked"));
    verify(task).setName("Respond to objection — F-7, Anna Berg, 250,00 SEK");
    verify(task).setDueDate(Headings.endOf(DEADLINE));
  }

  @Test
  void decideDisputedClaimIsNamedAfterWhatIsOpenAndDueInTheConfiguredWorkingDays() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable(InvoiceToCash.INVOICE_NUMBER.name())).thenReturn("F-7");
    when(task.getTaskDefinitionKey()).thenReturn(InvoiceToCash.Elements.DECIDE_DISPUTED_CLAIM);
    when(task.getName()).thenReturn("Decide disputed claim");

    context.notify(task);

    verify(task).setName("Decide disputed claim — F-7, Anna Berg, 1\u00a0000,00 SEK");
    // Friday 3 April 2026 is Good Friday, Monday 6 April Easter Monday: two working days are 7 and 8 April.
    verify(task).setDueDate(Headings.endOf(LocalDate.of(2026, 4, 8)));
  }

  @Test
  void decideDisputedClaimShowsTheReplySentAndNothingItsFormDoesNotHave() {
    Invoice invoice = invoices.get("F-7");
    when(disputes.latestDispute(invoice)).thenReturn(dispute("The delivery was complete."));

    Map<String, Object> shown = context.values("F-7", false).asMap();

    assertThat(shown).containsEntry("replyText", "The delivery was complete.")
        .containsEntry("disputedAmount", "250.00 SEK")
        .doesNotContainKeys("totalAmount", "raisedBy", "receivedAt", "replyDeadline");
    assertThat(new DecideDisputedClaimForm().keys()).containsAll(shown.keySet());
  }

  private static Dispute dispute(String reply) {
    return new Dispute(3, 7, reply == null ? DisputeStatus.OPEN : DisputeStatus.REJECTED, new BigDecimal("250.00"),
        "two hours not worked", RaisedBy.CUSTOMER, RECEIVED, DEADLINE, null, null, reply, null, null, 0);
  }
}
