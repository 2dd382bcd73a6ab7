package io.fordra.distribution.print;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.InvoiceService;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The central-print channel (central utskrift): letters are collected into the one open print batch; closing it
 * writes one PDF with every letter (each a contiguous page range) and a manifest to the print outbox, and hands the
 * batch over. A letter counts as sent once its batch is handed over (PrintBatchHandedOver).
 */
@Service
@Transactional
public class PrintBatchService {

  private static final Logger log = LoggerFactory.getLogger(PrintBatchService.class);
  private static final String PDF = "application/pdf";
  private static final int LISTED = 100;

  private final PrintBatchRepository batches;
  private final DocumentService documents;
  private final InvoiceService invoices;
  private final PrintOutbox outbox;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;
  private final FordraClock clock;
  private final TransactionTemplate savepoint;
  private CronExpression closeCron;
  private ZoneId zone;

  public PrintBatchService(PrintBatchRepository batches, DocumentService documents, InvoiceService invoices,
                           PrintOutbox outbox, ObjectMapper json, ApplicationEventPublisher events, FordraClock clock,
                           PlatformTransactionManager transactions) {
    this.batches = batches;
    this.documents = documents;
    this.invoices = invoices;
    this.outbox = outbox;
    this.json = json;
    this.events = events;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Puts one hand-over of the document (its attempt, see DocumentService.countAttempt) into the open batch, opening
   * one if there is none. The same document and attempt again returns the item it already has and adds nothing, and
   * so does another attempt of a document that still waits in the open batch: a batch holds a document once.
   * Holds the open batch's lock until the transaction ends, so that a close never misses a letter being added.
   */
  public PrintItem add(long documentId, int attempt, PrintRecipient recipient) {
    Objects.requireNonNull(recipient, "recipient");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more, not " + attempt);
    }
    Optional<PrintItem> existing = batches.findItem(documentId, attempt);
    if (existing.isPresent()) {
      return existing.get();
    }
    StoredDocument document = documents.get(documentId);
    if (!PDF.equals(document.mediaType())) {
      throw new IllegalArgumentException(document.fileName() + " is " + document.mediaType() + ", not a PDF to print");
    }
    // Read before the batch is locked, and here rather than at close: a broken document fails its own sending only.
    int pages = PdfMerger.pages(document.content());
    PrintBatch batch = lockOrOpen();
    // The same hand-over may have been added while we waited for the batch.
    existing = batches.findItem(documentId, attempt);
    if (existing.isPresent()) {
      return existing.get();
    }
    // A bounce's reserve channel (or a resend that raced the check in DistributionService.resend) joins the letter
    // already waiting: one document, one letter in the envelope, and the job does not fail over it.
    existing = batches.findItemInBatch(batch.id(), documentId);
    if (existing.isPresent()) {
      return existing.get();
    }
    // The batch lock orders adds to one batch, not adds of one hand-over. Should another add of it have stored it all
    // the same (CI once saw the duplicate key), the unique key (document_id, attempt) decides: it waits for that add's
    // commit, and the hand-over it stored is the answer.
    Optional<PrintItem> inserted = insertOnce(batch.id(), documentId, attempt, recipient, pages);
    if (inserted.isEmpty()) {
      return batches.findItem(documentId, attempt).orElseThrow(() -> new IllegalStateException(
          "Print item of document " + documentId + " (sending " + attempt + ") was refused as a duplicate, "
              + "yet is not stored"));
    }
    batches.countItem(batch.id(), pages);
    return inserted.get();
  }

  /** The new item, or empty when another transaction has stored this hand-over (and committed) in the meantime. */
  private Optional<PrintItem> insertOnce(long batchId, long documentId, int attempt, PrintRecipient recipient,
                                         int pages) {
    try {
      // In a savepoint: on PostgreSQL a failed statement would spoil the caller's whole transaction.
      return Optional.of(savepoint.execute(status -> batches.insertItem(batchId, documentId, attempt, recipient,
          pages, clock.now())));
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
  }

  /**
   * Closes the open batch if it has letters: writes &lt;name&gt;.pdf and &lt;name&gt;.json to the print outbox, marks the
   * batch handed over and publishes PrintBatchHandedOver. An empty batch stays open and nothing is written.
   *
   * @return the batch handed over, or empty when there was nothing to hand over
   */
  public Optional<PrintBatch> closeOpenBatch() {
    // Locked: a second node closing at the same moment waits, then finds no open batch (or a new one).
    Optional<PrintBatch> open = batches.lockOpen();
    if (open.isEmpty()) {
      return Optional.empty();
    }
    PrintBatch batch = open.get();
    List<PrintItem> items = batches.items(batch.id());
    if (items.isEmpty()) {
      return Optional.empty();
    }
    Instant closedAt = clock.now();
    String pdfName = batch.name() + ".pdf";
    String manifestName = batch.name() + ".json";
    List<PrintManifest.Letter> letters = new ArrayList<>();
    PrintOutbox.Staged pdf = null;
    PrintOutbox.Staged manifest = null;
    try {
      pdf = outbox.stage(pdfName, out -> letters.addAll(merge(items, out)));
      int pageCount = letters.stream().mapToInt(PrintManifest.Letter::pages).sum();
      byte[] manifestJson = manifestJson(new PrintManifest(batch.name(), closedAt, letters.size(), pageCount,
          pdfName, letters));
      manifest = outbox.stage(manifestName, out -> out.write(manifestJson));

      batches.handOver(batch.id(), closedAt, letters.size(), pageCount, pdfName, manifestName);
      for (int i = 0; i < items.size(); i++) {
        batches.place(items.get(i).id(), letters.get(i).firstPage());
      }
      events.publishEvent(new PrintBatchHandedOver(batch.id(), batch.name(), closedAt, items.stream()
          .map(item -> new HandedOverItem(item.documentId(), item.attempt(), item.recipient(), batch.name()))
          .toList()));

      List<PrintOutbox.Published> published = new ArrayList<>();
      onCompletion(batch.name(), letters.size(), pageCount, published);
      // The PDF first: a manifest in the outbox means its PDF is complete.
      published.add(outbox.publish(pdf));
      published.add(outbox.publish(manifest));
    } finally {
      if (pdf != null) {
        outbox.discard(pdf);
      }
      if (manifest != null) {
        outbox.discard(manifest);
      }
    }
    return Optional.of(batch(batch.id()));
  }

  /** Whether the document is in a print batch, handed over or not. */
  @Transactional(readOnly = true)
  public boolean isQueued(long documentId) {
    return batches.isQueued(documentId);
  }

  /** A document waiting in the open batch; closesAt is the batch's next scheduled close (null when none is). */
  public record Waiting(PrintItem item, PrintBatch batch, OffsetDateTime closesAt) {}

  /** Where the document waits to be printed, if it is in the open batch. */
  @Transactional(readOnly = true)
  public Optional<Waiting> waiting(long documentId) {
    return batches.findWaitingItem(documentId).flatMap(item -> batches.find(item.batchId())
        .map(batch -> new Waiting(item, batch, nextClose())));
  }

  /** The newest batches first (at most 100), without their items. */
  @Transactional(readOnly = true)
  public List<PrintBatch> batches() {
    return batches.newest(LISTED);
  }

  /** The batch with its items in PDF order. */
  @Transactional(readOnly = true)
  public PrintBatch batch(long id) {
    return batches.find(id).orElseThrow(() -> new NotFoundException("No print batch " + id))
        .withItems(batches.items(id));
  }

  /** PrintBatchSchedule's cron, read here only to tell a person when a waiting letter goes to the print service. */
  @Autowired
  void closeSchedule(@Value("${fordra.print.batch-close-cron:0 0 * * * *}") String cron,
                     @Value("${fordra.time-zone:Europe/Stockholm}") String zone) {
    this.closeCron = "-".equals(cron) ? null : CronExpression.parse(cron);
    this.zone = ZoneId.of(zone);
  }

  private OffsetDateTime nextClose() {
    if (closeCron == null) {
      return null;
    }
    ZonedDateTime next = closeCron.next(ZonedDateTime.ofInstant(clock.now(), zone));
    return next == null ? null : next.toOffsetDateTime();
  }

  /**
   * The open batch, locked; a new one if none is open (only one can be: see open_slot in V6__print_batches.sql). Each
   * try that fails means another transaction opened a batch, which a close then took before we could lock it.
   */
  private PrintBatch lockOrOpen() {
    for (int tries = 0; tries < 10; tries++) {
      Optional<PrintBatch> open = batches.lockOpen();
      if (open.isPresent()) {
        return open.get();
      }
      long id = batches.nextId();
      String name = "print-batch-%06d".formatted(id);
      Instant now = clock.now();
      try {
        // In a savepoint: on PostgreSQL a failed statement would spoil the caller's whole transaction.
        savepoint.executeWithoutResult(status -> batches.insertOpen(id, name, now));
        return new PrintBatch(id, name, PrintBatchStatus.OPEN, now, null, 0, 0, null, null, List.of());
      } catch (DuplicateKeyException e) {
        // Another node or thread opened one at the same moment and has committed it: lock that one.
      }
    }
    throw new IllegalStateException("Could not open a print batch: other transactions keep opening and closing one");
  }

  /** Appends the items' documents to the PDF and says where each one landed. */
  private List<PrintManifest.Letter> merge(List<PrintItem> items, OutputStream out) throws IOException {
    List<PrintManifest.Letter> letters = new ArrayList<>(items.size());
    PdfMerger merger = new PdfMerger(out);
    int nextPage = 1;
    for (PrintItem item : items) {
      StoredDocument document = documents.get(item.documentId());
      int pages = merger.append(document.content());
      letters.add(new PrintManifest.Letter(item.documentId(), item.attempt(),
          invoices.byId(document.invoiceId()).invoiceNumber(), document.fileName(), document.kind().name(),
          item.recipient(), nextPage, pages));
      nextPage += pages;
    }
    merger.finish();
    return letters;
  }

  private byte[] manifestJson(PrintManifest manifest) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the manifest of " + manifest.batch(), e);
    }
  }

  /** Files of a close that then rolls back (e.g. the commit fails) must not stay in the outbox. */
  private void onCompletion(String name, int letters, int pages, List<PrintOutbox.Published> published) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status == STATUS_COMMITTED) {
          log.info("Print batch {} handed over: {} letters, {} pages", name, letters, pages);
        } else if (status == STATUS_ROLLED_BACK) {
          log.warn("Print batch {} was not handed over after all (rolled back); its files are taken back", name);
          published.forEach(outbox::withdraw);
        }
      }
    });
  }
}
