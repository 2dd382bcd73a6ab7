package io.fordra.distribution.print;

import static io.fordra.document.Letters.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Central print alone: no Spring context, no engine, no database. The batch table, the invoice hotel and the event
 * publisher are mocks; the PDFs are real, merged by the real PdfMerger into a real print outbox (a folder of the
 * test's own), and the transaction's end is played by hand through Spring's synchronizations.
 */
class PrintBatchServiceTest {

  private static final Instant OPENED = Instant.parse("2026-11-02T15:00:00Z");
  private static final PrintRecipient KUND_AB = new PrintRecipient("Kund AB", "Ekonomiavdelningen", "Kundvägen 3",
      "222 33", "Lund", "SE");
  private static final PrintRecipient ANNA = new PrintRecipient("Anna Svensson", null, "Byvägen 1", "123 45", "Byn",
      "SE");
  private static final PrintBatch OPEN = new PrintBatch(3L, "print-batch-000003", PrintBatchStatus.OPEN, OPENED, null,
      0, 0, null, null, List.of());

  @TempDir Path temp;
  private Path outboxFolder;

  private final PrintBatchRepository batches = mock(PrintBatchRepository.class);
  private final DocumentService documents = mock(DocumentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private PrintBatchService service;

  @BeforeEach
  void anEmptyOutboxInATransaction() {
    outboxFolder = temp.resolve("print-outbox");
    service = new PrintBatchService(batches, documents, invoices, new PrintOutbox(new PrintProperties(
        outboxFolder.toString())), json, events, clock, transactions);
    when(clock.now()).thenReturn(NOW);
    TransactionSynchronizationManager.initSynchronization();
  }

  @AfterEach
  void theTransactionIsOver() {
    TransactionSynchronizationManager.clearSynchronization();
  }

  @Test
  void theFirstLetterOpensABatchInASavepointAndCountsItsPages() {
    when(documents.get(16L)).thenReturn(letter(16L, 5L, "invoice-F-2026-1.pdf", pdf(2)));
    when(batches.findItem(16L, 1)).thenReturn(Optional.empty());
    when(batches.lockOpen()).thenReturn(Optional.empty());
    when(batches.nextId()).thenReturn(3L);
    PrintItem item = new PrintItem(40L, 3L, 16L, 1, KUND_AB, null, 2, NOW);
    when(batches.insertItem(3L, 16L, 1, KUND_AB, 2, NOW)).thenReturn(item);

    assertThat(service.add(16L, 1, KUND_AB)).isSameAs(item);

    verify(batches).insertOpen(3L, "print-batch-000003", NOW);
    // The batch, then the item, each in a savepoint of its own.
    verify(transactions, times(2)).getTransaction(argThat(definition ->
        definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED));
    verify(batches).countItem(3L, 2);
  }

  @Test
  void laterLettersJoinTheOpenBatch() {
    when(documents.get(17L)).thenReturn(letter(17L, 6L, "invoice-F-2026-2.pdf", pdf(1)));
    when(batches.findItem(17L, 1)).thenReturn(Optional.empty());
    when(batches.lockOpen()).thenReturn(Optional.of(OPEN));
    PrintItem item = new PrintItem(41L, 3L, 17L, 1, ANNA, null, 1, NOW);
    when(batches.insertItem(3L, 17L, 1, ANNA, 1, NOW)).thenReturn(item);

    assertThat(service.add(17L, 1, ANNA)).isSameAs(item);

    verify(batches, never()).nextId();
    verify(batches, never()).insertOpen(anyLong(), anyString(), any());
    verify(batches).countItem(3L, 1);
  }

  @Test
  void aBatchOpenedByAnotherNodeAtTheSameMomentIsTheOneJoined() {
    when(documents.get(16L)).thenReturn(letter(16L, 5L, "invoice-F-2026-1.pdf", pdf(1)));
    when(batches.findItem(16L, 1)).thenReturn(Optional.empty());
    when(batches.lockOpen()).thenReturn(Optional.empty(), Optional.of(OPEN));
    when(batches.nextId()).thenReturn(4L);
    doThrow(new DuplicateKeyException("open_slot")).when(batches).insertOpen(4L, "print-batch-000004", NOW);
    when(batches.insertItem(3L, 16L, 1, KUND_AB, 1, NOW))
        .thenReturn(new PrintItem(40L, 3L, 16L, 1, KUND_AB, null, 1, NOW));

    assertThat(service.add(16L, 1, KUND_AB).batchId()).isEqualTo(3L);
    verify(batches).countItem(3L, 1);
  }

  /**
   * The same hand-over, stored and committed meanwhile by another add that the batch lock did not order before ours:
   * the unique key refuses ours in its savepoint, and the item stored is the answer, counted once.
   */
  @Test
  void theSameHandOverStoredMeanwhileInAnotherBatchIsTheAnswerAndCountsNothing() {
    when(documents.get(16L)).thenReturn(letter(16L, 5L, "invoice-F-2026-1.pdf", pdf(1)));
    PrintItem stored = new PrintItem(42L, 4L, 16L, 1, KUND_AB, null, 1, NOW);
    when(batches.findItem(16L, 1)).thenReturn(Optional.empty(), Optional.empty(), Optional.of(stored));
    when(batches.lockOpen()).thenReturn(Optional.of(OPEN));
    doThrow(new DuplicateKeyException("fordra_print_item_attempt_uq"))
        .when(batches).insertItem(3L, 16L, 1, KUND_AB, 1, NOW);

    assertThat(service.add(16L, 1, KUND_AB)).isSameAs(stored);

    verify(transactions).getTransaction(argThat(definition ->
        definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_NESTED));
    verify(batches, never()).countItem(anyLong(), anyInt());
  }

  @Test
  void theSameHandOverAgainIsTheItemItAlreadyHas() {
    PrintItem earlier = new PrintItem(40L, 3L, 16L, 1, KUND_AB, null, 2, OPENED);
    when(batches.findItem(16L, 1)).thenReturn(Optional.of(earlier));

    assertThat(service.add(16L, 1, KUND_AB)).isSameAs(earlier);

    verifyNoInteractions(documents);
    verify(batches, never()).lockOpen();
    verify(batches, never()).insertItem(anyLong(), anyLong(), anyInt(), any(), anyInt(), any());
  }

  @Test
  void aHandOverAddedWhileWeWaitedForTheBatchIsNotAddedTwice() {
    PrintItem meanwhile = new PrintItem(40L, 3L, 16L, 1, KUND_AB, null, 1, NOW);
    when(documents.get(16L)).thenReturn(letter(16L, 5L, "invoice-F-2026-1.pdf", pdf(1)));
    when(batches.findItem(16L, 1)).thenReturn(Optional.empty(), Optional.of(meanwhile));
    when(batches.lockOpen()).thenReturn(Optional.of(OPEN));

    assertThat(service.add(16L, 1, KUND_AB)).isSameAs(meanwhile);

    verify(batches, never()).insertItem(anyLong(), anyLong(), anyInt(), any(), anyInt(), any());
    verify(batches, never()).countItem(anyLong(), anyInt());
  }

  /**
   * Issue 15: a bounce's reserve channel hands over attempt 3 of a letter whose attempt 2 still waits in the open
   * batch. The job joins that item (it must not fail forever), and the batch holds the letter once.
   */
  @Test
  void anotherAttemptOfALetterStillWaitingJoinsItsItemInsteadOfPrintingItTwice() {
    PrintItem waiting = new PrintItem(40L, 3L, 16L, 2, KUND_AB, null, 1, OPENED);
    when(documents.get(16L)).thenReturn(letter(16L, 5L, "invoice-F-2026-1.pdf", pdf(1)));
    when(batches.findItem(16L, 3)).thenReturn(Optional.empty());
    when(batches.lockOpen()).thenReturn(Optional.of(OPEN));
    when(batches.findItemInBatch(3L, 16L)).thenReturn(Optional.of(waiting));

    assertThat(service.add(16L, 3, KUND_AB)).isSameAs(waiting);

    verify(batches, never()).insertItem(anyLong(), anyLong(), anyInt(), any(), anyInt(), any());
    verify(batches, never()).countItem(anyLong(), anyInt());
  }

  @Test
  void aLetterWaitsWhereItsItemIsUntilTheNextScheduledClose() {
    PrintItem waiting = new PrintItem(40L, 3L, 16L, 2, KUND_AB, null, 1, OPENED);
    when(batches.findWaitingItem(16L)).thenReturn(Optional.of(waiting));
    when(batches.find(3L)).thenReturn(Optional.of(OPEN));

    assertThat(service.waiting(16L)).contains(new PrintBatchService.Waiting(waiting, OPEN, null));
    service.closeSchedule("0 0 * * * *", "Europe/Stockholm");
    assertThat(service.waiting(16L).orElseThrow().closesAt()).as("the next full hour after 09:00 in Stockholm")
        .isEqualTo(OffsetDateTime.parse("2026-11-03T10:00+01:00"));
    assertThat(service.waiting(17L)).isEmpty();
  }

  @Test
  void onlyAnAttemptOfAReadablePdfIsPrintedAndARefusalTouchesNoBatch() {
    assertThatThrownBy(() -> service.add(16L, 0, KUND_AB)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attempt must be 1 or more, not 0");
    assertThatThrownBy(() -> service.add(16L, 1, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("recipient");

    when(batches.findItem(anyLong(), anyInt())).thenReturn(Optional.empty());
    StoredDocument ubl = Letters.rendition(20L, letter(16L, 5L, "invoice-F-2026-1.pdf", pdf(1)),
        "invoice-F-2026-1.xml", new byte[] {1});
    when(documents.get(20L)).thenReturn(ubl);
    assertThatThrownBy(() -> service.add(20L, 1, KUND_AB)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invoice-F-2026-1.xml is application/xml, not a PDF to print");

    when(documents.get(21L)).thenReturn(letter(21L, 5L, "broken.pdf", "not a PDF".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> service.add(21L, 1, KUND_AB)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a readable PDF: ");

    verify(batches, never()).lockOpen();
    verify(batches, never()).insertItem(anyLong(), anyLong(), anyInt(), any(), anyInt(), any());
  }

  @Test
  void closingWritesOnePdfAndAManifestHandsTheBatchOverAndSaysWhereEachLetterIs() throws IOException {
    List<PrintItem> items = twoLettersInBatch3();
    PrintBatch handedOver = new PrintBatch(3L, "print-batch-000003", PrintBatchStatus.HANDED_OVER, OPENED, NOW, 2, 3,
        "print-batch-000003.pdf", "print-batch-000003.json", List.of());
    when(batches.find(3L)).thenReturn(Optional.of(handedOver));

    Optional<PrintBatch> closed = service.closeOpenBatch();

    assertThat(closed).contains(handedOver.withItems(items));
    verify(batches).handOver(3L, NOW, 2, 3, "print-batch-000003.pdf", "print-batch-000003.json");
    verify(batches).place(40L, 1);
    verify(batches).place(41L, 3);
    verify(events).publishEvent(new PrintBatchHandedOver(3L, "print-batch-000003", NOW, List.of(
        new HandedOverItem(16L, 1, KUND_AB, "print-batch-000003"),
        new HandedOverItem(17L, 2, ANNA, "print-batch-000003"))));

    assertThat(outboxFiles()).containsExactly("print-batch-000003.json", "print-batch-000003.pdf");
    assertThat(PdfMerger.pages(Files.readAllBytes(outboxFolder.resolve("print-batch-000003.pdf")))).isEqualTo(3);
    JsonNode manifest = json.readTree(outboxFolder.resolve("print-batch-000003.json").toFile());
    assertThat(manifest.get("batch").asText()).isEqualTo("print-batch-000003");
    assertThat(manifest.get("closedAt").asText()).isEqualTo("2026-11-03T08:00:00Z");
    assertThat(manifest.get("documentCount").asInt()).isEqualTo(2);
    assertThat(manifest.get("pageCount").asInt()).isEqualTo(3);
    assertThat(manifest.get("pdfFileName").asText()).isEqualTo("print-batch-000003.pdf");
    JsonNode first = manifest.get("items").get(0);
    assertThat(first.get("invoiceNumber").asText()).isEqualTo("F-2026-1");
    assertThat(first.get("kind").asText()).isEqualTo("INVOICE");
    assertThat(first.get("firstPage").asInt()).isEqualTo(1);
    assertThat(first.get("pages").asInt()).isEqualTo(2);
    assertThat(first.get("recipient").get("attention").asText()).isEqualTo("Ekonomiavdelningen");
    JsonNode second = manifest.get("items").get(1);
    assertThat(second.get("invoiceNumber").asText()).isEqualTo("F-2026-2");
    assertThat(second.get("attempt").asInt()).isEqualTo(2);
    assertThat(second.get("firstPage").asInt()).isEqualTo(3);
    assertThat(second.get("pages").asInt()).isEqualTo(1);

    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
    assertThat(outboxFiles()).containsExactly("print-batch-000003.json", "print-batch-000003.pdf");
  }

  @Test
  void aCloseThatRollsBackAfterAllTakesItsFilesBack() throws IOException {
    twoLettersInBatch3();
    when(batches.find(3L)).thenReturn(Optional.of(OPEN));
    service.closeOpenBatch();
    assertThat(outboxFiles()).containsExactly("print-batch-000003.json", "print-batch-000003.pdf");

    // E.g. the commit fails: the print service must not get a batch that is still open.
    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
    assertThat(outboxFiles()).isEmpty();
  }

  @Test
  void aListenerThatFailsTheHandOverLeavesNothingInTheOutbox() throws IOException {
    twoLettersInBatch3();
    doThrow(new IllegalStateException("invoice locked")).when(events).publishEvent(any(Object.class));

    assertThatThrownBy(() -> service.closeOpenBatch()).hasMessage("invoice locked");

    assertThat(outboxFiles()).isEmpty();
  }

  @Test
  void withoutAnOpenBatchOrWithAnEmptyOneNothingIsHandedOver() throws IOException {
    when(batches.lockOpen()).thenReturn(Optional.empty());
    assertThat(service.closeOpenBatch()).isEmpty();

    when(batches.lockOpen()).thenReturn(Optional.of(OPEN));
    when(batches.items(3L)).thenReturn(List.of());
    assertThat(service.closeOpenBatch()).isEmpty();

    verify(batches, never()).handOver(anyLong(), any(), anyInt(), anyInt(), anyString(), anyString());
    verifyNoInteractions(events);
    assertThat(outboxFiles()).isEmpty();
  }

  @Test
  void anUnknownBatchIsNotFound() {
    when(batches.find(9L)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.batch(9L)).isInstanceOf(NotFoundException.class)
        .hasMessage("No print batch 9");
  }

  /** Batch 3 holds invoice F-2026-1 (2 pages, to Kund AB) and a second attempt of F-2026-2 (1 page, to Anna). */
  private List<PrintItem> twoLettersInBatch3() {
    List<PrintItem> items = List.of(new PrintItem(40L, 3L, 16L, 1, KUND_AB, null, 2, OPENED),
        new PrintItem(41L, 3L, 17L, 2, ANNA, null, 1, OPENED));
    when(batches.lockOpen()).thenReturn(Optional.of(OPEN));
    when(batches.items(3L)).thenReturn(items);
    when(documents.get(16L)).thenReturn(letter(16L, 5L, "invoice-F-2026-1.pdf", pdf(2)));
    when(documents.get(17L)).thenReturn(letter(17L, 6L, "invoice-F-2026-2.pdf", pdf(1)));
    when(invoices.byId(5L)).thenReturn(Letters.invoice(5L, "F-2026-1", InvoiceStatus.WAITING_TO_BE_SENT));
    when(invoices.byId(6L)).thenReturn(Letters.invoice(6L, "F-2026-2", InvoiceStatus.WAITING_TO_BE_SENT));
    return items;
  }

  private List<String> outboxFiles() throws IOException {
    if (!Files.isDirectory(outboxFolder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(outboxFolder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** A real PDF of this many pages. */
  private static byte[] pdf(int pages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document();
    PdfWriter.getInstance(document, out);
    document.open();
    for (int page = 1; page <= pages; page++) {
      if (page > 1) {
        document.newPage();
      }
      document.add(new Paragraph("Page " + page));
    }
    document.close();
    return out.toByteArray();
  }

  private static StoredDocument letter(long id, long invoiceId, String fileName, byte[] content) {
    return Letters.letter(id, invoiceId, DocumentKind.INVOICE, 1, fileName, content);
  }
}
