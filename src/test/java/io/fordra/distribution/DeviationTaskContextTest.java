package io.fordra.distribution;

import static io.fordra.document.Letters.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Channel;
import io.fordra.customer.Customer;
import io.fordra.document.DocumentKind;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.process.InvoiceDistribution;
import io.fordra.task.Headings;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** What "Correct distribution deviation" shows about a document that did not arrive: no Spring, no engine. */
class DeviationTaskContextTest {

  private final DeviationService deviations = mock(DeviationService.class);
  private final DeviationTaskContext context = new DeviationTaskContext(deviations, new CorrectDeviationForm(),
      Headings.on(LocalDate.of(2026, 11, 6)));

  @Test
  void showsTheProblemAndHowTheCustomerIsReachedNow() {
    Customer anna = customer("Anna Berg");
    when(deviations.situation(42)).thenReturn(situation(anna));
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable(InvoiceDistribution.DOCUMENT_ID.name())).thenReturn(42L);
    when(task.getVariable(InvoiceDistribution.FAILED_CHANNEL.name())).thenReturn("EMAIL");
    when(task.getVariable(InvoiceDistribution.DEVIATION_REASON.name())).thenReturn("mailbox full");
    when(task.getName()).thenReturn("Correct distribution deviation");

    context.notify(task);

    verify(task).setVariablesLocal(Map.of(
        "customerName", "Anna Berg (C-1)",
        "documentName", "F-1.pdf, sent 1 of 3 times",
        "problem", "EMAIL: mailbox full",
        "currentEmail", "anna@example.se",
        "currentAddress", Recipient.of(anna, null).describe(Channel.PRINT),
        "preferredChannel", "EMAIL (active: [EMAIL, PRINT])"));
    verify(task).setName("Correct distribution deviation — F-1, Anna Berg, 1\u00a0000,00 SEK");
    verify(task).setDueDate(Headings.endOf(LocalDate.of(2026, 11, 10)));
  }

  @Test
  void saysSoWhereNothingIsKnown() {
    Customer anna = customer("Anna Berg");
    Customer unreachable = new Customer("C-2", "Bo Ek", anna.type(), false, anna.country(), null, null, null, null,
        false, Channel.PRINT, "sv", null, null, null, null, null, false);
    when(deviations.situation(42)).thenReturn(situation(unreachable));

    Map<String, Object> shown = context.values(42, null, null).asMap();

    assertThat(shown).containsEntry("problem", "no channel reaches the customer")
        .containsEntry("currentEmail", "(none)")
        .containsEntry("currentAddress", "(no postable address)");
  }

  private static DeviationService.Situation situation(Customer addressee) {
    StoredDocument document = Letters.letter(42, 1, DocumentKind.INVOICE, 1, "F-1.pdf", new byte[0]);
    return new DeviationService.Situation(Letters.invoice(1, "F-1", io.fordra.invoice.InvoiceStatus.SENT), document, addressee, Recipient.of(addressee, null),
        EnumSet.of(Channel.EMAIL, Channel.PRINT));
  }
}
