package io.fordra.distribution.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import io.fordra.document.StoredDocument;
import io.fordra.process.FordraClock;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The print batch service on one database; H2PrintBatchTest and PostgresPrintBatchTest run it. */
@RecordApplicationEvents
abstract class PrintBatchScenario extends PrintTestSupport {

  @Autowired ApplicationEvents events;
  @Autowired HandOverListener listener;
  @Autowired ObjectMapper json;
  @Autowired PrintBatchRepository repository;
  @Autowired PlatformTransactionManager transactions;
  @Autowired FordraClock clock;

  /** How many database sessions wait for a lock that another transaction holds. */
  abstract int sessionsWaitingForALock();

  /** Runs after PrintTestSupport's: only what the test itself hands over counts. */
  @BeforeEach
  void forgetEarlierEvents() {
    events.clear();
  }

  @AfterEach
  void listenerWorksAgain() {
    listener.failing = false;
  }

  @Test
  void closingWritesOnePdfWithEveryLetterAsOneContiguousPageRangeAndAManifest() throws Exception {
    List<StoredDocument> letters = List.of(letter(1), letter(90), letter(3));
    assertThat(pages(letters.get(1).content())).as("a letter of several pages").isGreaterThan(1);
    for (int i = 0; i < letters.size(); i++) {
      print.add(letters.get(i).id(), 1, recipient("Recipient " + i));
    }

    PrintBatch batch = print.closeOpenBatch().orElseThrow();

    int totalPages = letters.stream().mapToInt(d -> pages(d.content())).sum();
    assertThat(batch.status()).isEqualTo(PrintBatchStatus.HANDED_OVER);
    assertThat(batch.closedAt()).isNotNull();
    assertThat(batch.documentCount()).isEqualTo(3);
    assertThat(batch.pageCount()).isEqualTo(totalPages);
    assertThat(batch.pdfFileName()).isEqualTo(batch.name() + ".pdf").matches("print-batch-\\d{6}\\.pdf");
    assertThat(batch.manifestFileName()).isEqualTo(batch.name() + ".json");
    // Only the two files: no temporary file is left behind.
    assertThat(outboxFiles()).containsExactly(batch.name() + ".json", batch.name() + ".pdf");

    PdfReader merged = new PdfReader(Files.readAllBytes(outbox.directory().resolve(batch.pdfFileName())));
    assertThat(merged.getNumberOfPages()).isEqualTo(totalPages);
    assertThat(batch.items()).extracting(PrintItem::documentId)
        .containsExactlyElementsOf(letters.stream().map(StoredDocument::id).toList());
    int expectedFirst = 1;
    for (int i = 0; i < letters.size(); i++) {
      PrintItem item = batch.items().get(i);
      PdfReader original = new PdfReader(letters.get(i).content());
      assertThat(item.firstPage()).isEqualTo(expectedFirst);
      assertThat(item.pages()).isEqualTo(original.getNumberOfPages());
      for (int page = 1; page <= item.pages(); page++) {
        assertThat(pageContent(merged, item.firstPage() + page - 1))
            .as("page %d of letter %d", page, i).isEqualTo(pageContent(original, page));
      }
      expectedFirst += item.pages();
    }

    JsonNode manifest = json.readTree(outbox.directory().resolve(batch.manifestFileName()).toFile());
    assertThat(manifest.get("batch").asText()).isEqualTo(batch.name());
    assertThat(manifest.get("closedAt").asText()).isEqualTo(batch.closedAt().toString());
    assertThat(manifest.get("documentCount").asInt()).isEqualTo(3);
    assertThat(manifest.get("pageCount").asInt()).isEqualTo(totalPages);
    assertThat(manifest.get("pdfFileName").asText()).isEqualTo(batch.pdfFileName());
    assertThat(manifest.get("items")).hasSize(3);
    for (int i = 0; i < letters.size(); i++) {
      JsonNode entry = manifest.get("items").get(i);
      StoredDocument letter = letters.get(i);
      assertThat(entry.get("documentId").asLong()).isEqualTo(letter.id());
      assertThat(entry.get("attempt").asInt()).isEqualTo(1);
      assertThat(entry.get("invoiceNumber").asText()).isEqualTo(invoices.byId(letter.invoiceId()).invoiceNumber());
      assertThat(entry.get("fileName").asText()).isEqualTo(letter.fileName());
      assertThat(entry.get("kind").asText()).isEqualTo("INVOICE");
      assertThat(entry.get("firstPage").asInt()).isEqualTo(batch.items().get(i).firstPage());
      assertThat(entry.get("pages").asInt()).isEqualTo(batch.items().get(i).pages());
      JsonNode to = entry.get("recipient");
      assertThat(to.get("name").asText()).isEqualTo("Recipient " + i);
      assertThat(to.get("attention").asText()).isEqualTo("Ekonomiavdelningen");
      assertThat(to.get("street").asText()).isEqualTo("Storgatan 1");
      assertThat(to.get("postalCode").asText()).isEqualTo("111 22");
      assertThat(to.get("city").asText()).isEqualTo("Stockholm");
      assertThat(to.get("country").asText()).isEqualTo("SE");
    }

    assertThat(events.stream(PrintBatchHandedOver.class)).singleElement().satisfies(event -> {
      assertThat(event.batchId()).isEqualTo(batch.id());
      assertThat(event.name()).isEqualTo(batch.name());
      assertThat(event.closedAt()).isEqualTo(batch.closedAt());
      assertThat(event.items()).containsExactly(
          new HandedOverItem(letters.get(0).id(), 1, recipient("Recipient 0"), batch.name()),
          new HandedOverItem(letters.get(1).id(), 1, recipient("Recipient 1"), batch.name()),
          new HandedOverItem(letters.get(2).id(), 1, recipient("Recipient 2"), batch.name()));
    });
  }

  @Test
  void addingTheSameHandOverAgainReturnsTheItemItHasAndAddsNothing() {
    StoredDocument letter = letter(2);
    PrintItem first = print.add(letter.id(), 1, recipient("Anna"));
    PrintItem again = print.add(letter.id(), 1, recipient("Anna"));

    assertThat(again).isEqualTo(first);
    PrintBatch batch = print.batch(first.batchId());
    assertThat(batch.status()).isEqualTo(PrintBatchStatus.OPEN);
    assertThat(batch.items()).containsExactly(first);
    assertThat(batch.documentCount()).isEqualTo(1);
    assertThat(batch.pageCount()).isEqualTo(pages(letter.content()));

    // Issue 15: another hand-over while it waits (a bounce's reserve channel) is the same letter, not a second one.
    assertThat(print.add(letter.id(), 2, recipient("Anna"))).isEqualTo(first);
    assertThat(print.waiting(letter.id())).hasValueSatisfying(w -> assertThat(w.item()).isEqualTo(first));
    assertThat(print.batch(first.batchId()).documentCount()).isEqualTo(1);

    // Once handed over, sending it again is another letter, in the next batch.
    print.closeOpenBatch().orElseThrow();
    assertThat(print.waiting(letter.id())).isEmpty();
    PrintItem second = print.add(letter.id(), 2, recipient("Anna"));
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.batchId()).isNotEqualTo(first.batchId());
    assertThat(print.waiting(letter.id())).hasValueSatisfying(w -> assertThat(w.item()).isEqualTo(second));
  }

  @Test
  void anEmptyBatchStaysOpenAndNothingIsWritten() throws Exception {
    assertThat(print.closeOpenBatch()).as("nothing open").isEmpty();

    long id = repository.nextId();
    new TransactionTemplate(transactions).executeWithoutResult(
        s -> repository.insertOpen(id, "print-batch-empty-" + id, clock.now()));
    assertThat(print.closeOpenBatch()).as("open but empty").isEmpty();

    assertThat(print.batch(id).status()).isEqualTo(PrintBatchStatus.OPEN);
    assertThat(outboxFiles()).isEmpty();
    assertThat(events.stream(PrintBatchHandedOver.class)).isEmpty();
    // The next letter goes into that batch.
    assertThat(print.add(letter(1).id(), 1, recipient("Anna")).batchId()).isEqualTo(id);
  }

  @Test
  void afterACloseTheNextLetterGoesToANewBatchAndNothingIsHandedOverTwice() throws Exception {
    StoredDocument first = letter(1);
    PrintItem firstItem = print.add(first.id(), 1, recipient("Anna"));
    PrintBatch closed = print.closeOpenBatch().orElseThrow();
    assertThat(closed.id()).isEqualTo(firstItem.batchId());

    assertThat(print.closeOpenBatch()).as("closing again").isEmpty();
    assertThat(events.stream(PrintBatchHandedOver.class)).hasSize(1);

    PrintItem next = print.add(letter(1).id(), 1, recipient("Bertil"));
    assertThat(next.batchId()).isNotEqualTo(closed.id());
    assertThat(print.batch(next.batchId()).status()).isEqualTo(PrintBatchStatus.OPEN);
    // A hand-over already in a closed batch stays there and is not added again.
    assertThat(print.add(first.id(), 1, recipient("Anna")).batchId()).isEqualTo(closed.id());
    assertThat(print.batch(closed.id()).items()).hasSize(1);
    assertThat(print.batch(next.batchId()).items()).hasSize(1);
    assertThat(outboxFiles()).containsExactly(closed.name() + ".json", closed.name() + ".pdf");
  }

  @Test
  void aListenerThatFailsRollsTheCloseBackAndLeavesNoFiles() throws Exception {
    PrintItem item = print.add(letter(2).id(), 1, recipient("Anna"));
    listener.failing = true;

    assertThatThrownBy(() -> print.closeOpenBatch()).hasMessageContaining("sent failed");

    PrintBatch batch = print.batch(item.batchId());
    assertThat(batch.status()).isEqualTo(PrintBatchStatus.OPEN);
    assertThat(batch.closedAt()).isNull();
    assertThat(batch.items()).singleElement().satisfies(i -> assertThat(i.firstPage()).isNull());
    assertThat(outboxFiles()).isEmpty();

    listener.failing = false;
    assertThat(print.closeOpenBatch()).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo(item.batchId()));
    assertThat(outboxFiles()).containsExactly(batch.name() + ".json", batch.name() + ".pdf");
  }

  @Test
  void filesOfACloseWhoseTransactionRollsBackAreTakenBackOutOfTheOutbox() throws Exception {
    PrintItem item = print.add(letter(1).id(), 1, recipient("Anna"));

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(print.closeOpenBatch()).isPresent();
      // E.g. the commit fails after the files were renamed into the outbox.
      status.setRollbackOnly();
    });

    assertThat(print.batch(item.batchId()).status()).isEqualTo(PrintBatchStatus.OPEN);
    assertThat(outboxFiles()).isEmpty();
  }

  @Test
  void aLetterAddedWhileTheBatchIsBeingClosedGoesIntoTheNextBatch() throws Exception {
    PrintItem before = print.add(letter(1).id(), 1, recipient("Anna"));
    StoredDocument late = letter(1);
    CountDownLatch closing = listener.holdNextClose();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Optional<PrintBatch>> close = threads.submit(() -> print.closeOpenBatch());
      assertThat(closing.await(30, TimeUnit.SECONDS)).as("the close holds the batch").isTrue();
      Future<PrintItem> add = threads.submit(() -> print.add(late.id(), 1, recipient("Bertil")));
      await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock() > 0);
      listener.releaseClose();

      PrintBatch closed = close.get(30, TimeUnit.SECONDS).orElseThrow();
      PrintItem added = add.get(30, TimeUnit.SECONDS);
      assertThat(closed.id()).isEqualTo(before.batchId());
      assertThat(closed.items()).extracting(PrintItem::documentId).containsExactly(before.documentId());
      assertThat(added.batchId()).isNotEqualTo(closed.id());
      assertThat(print.batch(added.batchId()).status()).isEqualTo(PrintBatchStatus.OPEN);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void twoTransactionsOpeningABatchAtTheSameMomentShareOne() throws Exception {
    // Start from no open batch at all (not even an empty one).
    print.add(letter(1).id(), 1, recipient("Anna"));
    print.closeOpenBatch().orElseThrow();
    StoredDocument first = letter(1);
    StoredDocument second = letter(1);
    CountDownLatch opened = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<PrintItem> opener = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
        PrintItem item = print.add(first.id(), 1, recipient("Anna"));
        opened.countDown();
        try {
          commit.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return item;
      }));
      assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();
      // Sees no open batch (the new one is not committed), tries to open one and waits on the open slot.
      Future<PrintItem> other = threads.submit(() -> print.add(second.id(), 1, recipient("Bertil")));
      await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock() > 0);
      commit.countDown();

      PrintItem a = opener.get(30, TimeUnit.SECONDS);
      PrintItem b = other.get(30, TimeUnit.SECONDS);
      assertThat(b.batchId()).isEqualTo(a.batchId());
      assertThat(print.batch(a.batchId()).items()).extracting(PrintItem::documentId)
          .containsExactly(first.id(), second.id());
      assertThat(print.batches()).filteredOn(batch -> batch.status() == PrintBatchStatus.OPEN).hasSize(1);
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * The same hand-over added while another transaction holds the batch with it inserted but not yet committed: the
   * waiting add must see the item once it has the lock (H2's reused query results once showed it the stale "none").
   * Repeated, each round with its own letter.
   */
  @Test
  void theSameHandOverAddedWhileAnotherTransactionHoldsTheBatchIsAddedOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        StoredDocument letter = letter(1);
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<PrintItem> holder = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
          PrintItem item = print.add(letter.id(), 1, recipient("Anna"));
          added.countDown();
          try {
            commit.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return item;
        }));
        assertThat(added.await(30, TimeUnit.SECONDS)).isTrue();
        // Looks for the item (none committed yet), then waits for the batch that the holder has locked.
        Future<PrintItem> again = threads.submit(() -> print.add(letter.id(), 1, recipient("Anna")));
        await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock() > 0);
        commit.countDown();

        PrintItem first = holder.get(30, TimeUnit.SECONDS);
        assertThat(again.get(30, TimeUnit.SECONDS)).as("round %d", round).isEqualTo(first);
        assertThat(print.batch(first.batchId()).items()).filteredOn(i -> i.documentId() == letter.id()).hasSize(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Many threads adding the same hand-overs (and another attempt of each) while batches close: every add answers,
   * each hand-over is stored once (no duplicate key on fordra_print_item).
   * Rounds: -Dfordra.print.race-rounds (default 3).
   */
  @Test
  void manyThreadsAddingTheSameHandOversWhileBatchesCloseStoreEachOnce() throws Exception {
    int rounds = Integer.getInteger("fordra.print.race-rounds", 3);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int r = 0; r < rounds; r++) {
        int round = r;
        List<StoredDocument> letters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          letters.add(letter(1));
        }
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
          long id = letters.get(i).id();
          tasks.add(() -> print.add(id, 1, recipient("Anna")));
          tasks.add(() -> print.add(id, 1, recipient("Anna")));
          tasks.add(() -> print.add(id, 2, recipient("Anna")));
          tasks.add(() -> print.add(id, 1, recipient("Anna")));
          if (i % 2 == 1) {
            tasks.add(() -> print.closeOpenBatch());
          }
        }
        allAtOnce(threads, tasks);
        for (StoredDocument letter : letters) {
          Optional<PrintItem> first = repository.findItem(letter.id(), 1);
          Optional<PrintItem> second = repository.findItem(letter.id(), 2);
          // The attempt added second joined the letter waiting in the batch, or is the next batch's letter.
          assertThat(first.isPresent() || second.isPresent()).as("round %d: letter %d stored", round, letter.id())
              .isTrue();
          if (first.isPresent() && second.isPresent()) {
            assertThat(second.get().batchId()).as("round %d", round).isNotEqualTo(first.get().batchId());
          }
        }
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(print.batches()).filteredOn(b -> b.status() == PrintBatchStatus.OPEN).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void concurrentAddsAndClosesNeverLoseALetterNorOpenTwoBatches() throws Exception {
    List<StoredDocument> letters = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      letters.add(letter(1 + (i % 3) * 40));
    }
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < letters.size(); i++) {
      StoredDocument letter = letters.get(i);
      tasks.add(() -> print.add(letter.id(), 1, recipient("Anna")));
      // The same hand-over twice, at the same moment.
      tasks.add(() -> print.add(letter.id(), 1, recipient("Anna")));
      if (i % 3 == 2) {
        tasks.add(() -> print.closeOpenBatch());
      }
    }
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      allAtOnce(threads, tasks);
    } finally {
      threads.shutdownNow();
    }
    print.closeOpenBatch();

    Map<Long, StoredDocument> byId = letters.stream()
        .collect(Collectors.toMap(StoredDocument::id, Function.identity()));
    List<PrintItem> items = letters.stream()
        .map(l -> repository.findItem(l.id(), 1).orElseThrow()).toList();
    for (long batchId : items.stream().map(PrintItem::batchId).distinct().toList()) {
      PrintBatch batch = print.batch(batchId);
      assertThat(batch.status()).isEqualTo(PrintBatchStatus.HANDED_OVER);
      PdfReader merged = new PdfReader(Files.readAllBytes(outbox.directory().resolve(batch.pdfFileName())));
      assertThat(merged.getNumberOfPages()).isEqualTo(batch.pageCount());
      int expectedFirst = 1;
      for (PrintItem item : batch.items()) {
        // Every letter of the batch is in its PDF, where its item says.
        assertThat(item.firstPage()).isEqualTo(expectedFirst);
        assertThat(pageContent(merged, item.firstPage()))
            .isEqualTo(pageContent(new PdfReader(byId.get(item.documentId()).content()), 1));
        expectedFirst += item.pages();
      }
      assertThat(expectedFirst - 1).isEqualTo(batch.pageCount());
      assertThat(batch.documentCount()).isEqualTo(batch.items().size());
    }
    assertThat(items.stream().map(PrintItem::id).distinct()).hasSize(letters.size());
    assertThat(print.batches()).filteredOn(b -> b.status() == PrintBatchStatus.OPEN)
        .allSatisfy(b -> assertThat(print.batch(b.id()).items()).isEmpty());
  }

  /** Starts the tasks together on the threads and waits for every one; a task's failure fails the test. */
  private static void allAtOnce(ExecutorService threads, List<Callable<Object>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    for (Callable<Object> task : tasks) {
      results.add(threads.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    for (Future<Object> result : results) {
      result.get(60, TimeUnit.SECONDS);
    }
  }
}
