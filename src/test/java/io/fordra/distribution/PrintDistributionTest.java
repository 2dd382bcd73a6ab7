package io.fordra.distribution;

import static io.fordra.document.Letters.NOW;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.Channel;
import io.fordra.customer.Customer;
import io.fordra.distribution.print.HandedOverItem;
import io.fordra.distribution.print.PrintBatchHandedOver;
import io.fordra.distribution.print.PrintBatchService;
import io.fordra.distribution.print.PrintItem;
import io.fordra.distribution.print.PrintRecipient;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The PRINT channel alone: no Spring, no engine. The print batches, the distribution rules and the registers are
 * mocks; what is asserted is what joins the batch, what the invoice's history says, and what counts as sent.
 */
class PrintDistributionTest {

  private static final PrintRecipient TO_KUND_AB = new PrintRecipient("Kund AB", "Ekonomiavdelningen", "Kundvägen 3",
      "222 33", "Lund", "SE");
  private static final String POSTAL_LINE = "Kund AB, att. Ekonomiavdelningen, Kundvägen 3, 222 33 Lund, SE";

  private final PrintBatchService batches = mock(PrintBatchService.class);
  private final DistributionService distribution = mock(DistributionService.class);
  private final DocumentService documents = mock(DocumentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final PrintDistribution channel = new PrintDistribution(batches, distribution, documents, invoices);

  private final StoredDocument letter = letter(16L, "invoice-F-2026-1.pdf");
  private final Invoice invoice = Letters.invoice(5L, "F-2026-1", InvoiceStatus.WAITING_TO_BE_SENT);

  @BeforeEach
  void theLetterOfInvoiceF1() {
    when(documents.get(16L)).thenReturn(letter);
    when(invoices.byId(5L)).thenReturn(invoice);
    when(distribution.numberOf(letter)).thenReturn("F-2026-1");
    when(invoices.lock("F-2026-1")).thenReturn(invoice);
  }

  @Test
  void aLetterJoinsTheOpenBatchForItsPostalRecipientAndTheHistorySaysWhich() {
    when(distribution.recipientOf(invoice)).thenReturn(recipient(new Recipient.Postal("Kund AB",
        "Ekonomiavdelningen", new Customer.Address("Kundvägen 3", "222 33", "Lund", "SE"))));
    when(batches.add(16L, 2, TO_KUND_AB)).thenReturn(new PrintItem(40L, 3L, 16L, 2, TO_KUND_AB, null, 1, NOW));

    channel.addToBatch(16L, 2, true);

    // The batch row before the invoice: closing a batch takes the locks in the same order.
    InOrder locks = inOrder(batches, invoices);
    locks.verify(batches).add(16L, 2, TO_KUND_AB);
    locks.verify(invoices).lock("F-2026-1");
    locks.verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.IN_PRINT_BATCH,
        "invoice-F-2026-1.pdf (direct-debit notice) is in print batch 3, to be handed to the print service")
        .via("PRINT", POSTAL_LINE));
    verify(distribution, never()).delivered(any(), any(), any(), anyString(), anyInt(),
        anyString());
  }

  /** Issue 15: a bounce's reserve channel finds the letter still waiting; it joins it, and the history says so. */
  @Test
  void anotherAttemptOfALetterStillWaitingJoinsItAndTheHistorySaysItIsNotAddedTwice() {
    addAnnasLetter(3, 2);

    verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.IN_PRINT_BATCH,
        "invoice-F-2026-1.pdf was already waiting in print batch 4 (sending 2); it is not added twice")
        .via("PRINT", "Anna Svensson, Byvägen 1, 123 45 Byn, SE"));
  }

  @Test
  void aLetterWithoutAttentionLineIsAnOrdinaryLetter() {
    addAnnasLetter(1, 1);

    verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.IN_PRINT_BATCH,
        "invoice-F-2026-1.pdf is in print batch 4, to be handed to the print service")
        .via("PRINT", "Anna Svensson, Byvägen 1, 123 45 Byn, SE"));
  }

  /** Anna's letter (no attention line) handed over as attempt; batch 4 answers with its item of itemAttempt. */
  private void addAnnasLetter(int attempt, int itemAttempt) {
    PrintRecipient toAnna = new PrintRecipient("Anna Svensson", null, "Byvägen 1", "123 45", "Byn", "SE");
    when(distribution.recipientOf(invoice)).thenReturn(recipient(new Recipient.Postal("Anna Svensson", null,
        new Customer.Address("Byvägen 1", "123 45", "Byn", "SE"))));
    when(batches.add(16L, attempt, toAnna)).thenReturn(new PrintItem(41L, 4L, 16L, itemAttempt, toAnna, null, 1,
        NOW));

    channel.addToBatch(16L, attempt, false);
  }

  @Test
  void aCustomerWhoseAddressIsNoLongerPostableIsRefusedBeforeTheBatchIsTouched() {
    when(distribution.recipientOf(invoice)).thenReturn(recipient(null));

    assertThatThrownBy(() -> channel.addToBatch(16L, 1, false)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Invoice F-2026-1 has no postable address any more");
    verifyNoInteractions(batches);
    verify(invoices, never()).record(any(), any());
  }

  @Test
  void aHandedOverBatchSendsEachOfItsLettersToItsRecipient() {
    StoredDocument reminder = letter(17L, "reminder-F-2026-1-1.pdf");
    when(documents.get(17L)).thenReturn(reminder);
    when(distribution.numberOf(reminder)).thenReturn("F-2026-1");
    PrintRecipient toAnna = new PrintRecipient("Anna Svensson", null, "Byvägen 1", "123 45", "Byn", "SE");

    channel.handedOver(new PrintBatchHandedOver(3L, "print-batch-000003", NOW, List.of(
        new HandedOverItem(16L, 1, TO_KUND_AB, "print-batch-000003"),
        new HandedOverItem(17L, 2, toAnna, "print-batch-000003"))));

    verify(distribution).delivered(letter, invoice, Channel.PRINT, POSTAL_LINE, 1,
        "to the print service in print-batch-000003");
    verify(distribution).delivered(reminder, invoice, Channel.PRINT, "Anna Svensson, Byvägen 1, 123 45 Byn, SE", 2,
        "to the print service in print-batch-000003");
  }

  private static Recipient recipient(Recipient.Postal postal) {
    return new Recipient(Channel.PRINT, null, postal, null, null, null);
  }

  private static StoredDocument letter(long id, String fileName) {
    return Letters.letter(id, 5L, DocumentKind.INVOICE, 1, fileName, new byte[] {1});
  }
}
