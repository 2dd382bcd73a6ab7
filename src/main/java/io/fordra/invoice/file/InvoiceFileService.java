package io.fordra.invoice.file;

import io.fordra.customer.CustomerService;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.file.InvoiceFileRepository.Group;
import io.fordra.invoice.file.InvoiceFileRepository.Processed;
import io.fordra.invoice.file.InvoiceFileSummary.Mode;
import io.fordra.invoice.file.InvoiceFileSummary.Outcome;
import io.fordra.invoice.file.InvoiceFileSummary.Source;
import io.fordra.invoice.file.InvoiceFileSummary.Status;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoice files in: a file is read as a stream into staged rows (memory does not grow with the file), stored once by
 * its SHA-256, and the invoice-file-import process creates its invoices in chunks, each its own transaction: every
 * invoice gets the checks of POST /api/invoices, the valid ones are created and started, the others reported with
 * their lines. An invoice number Fordra already has is a duplicate: nothing is created twice.
 */
@Service
class InvoiceFileService {

  private static final Logger log = LoggerFactory.getLogger(InvoiceFileService.class);
  private static final int STAGING_BATCH = 1000;

  private final InvoiceFileRepository files;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final InvoiceFileImports imports;
  private final FordraClock clock;
  private final io.fordra.database.NaturalKeys naturalKeys;
  private final Mode mode;
  private final ClosedMonths closedMonths;
  /** fordra.import.past-due=reject: an invoice overdue on arrival or dated in a closed month is not created. */
  private final boolean rejectPastDue;
  /** Invoices handled per transaction of the import (fordra.invoices.import-chunk). */
  private final int chunk;

  InvoiceFileService(InvoiceFileRepository files, InvoiceService invoices, CustomerService customers,
                     InvoiceFileImports imports, FordraClock clock, io.fordra.database.NaturalKeys naturalKeys,
                     ClosedMonths closedMonths, @Value("${fordra.import.mode:per-invoice}") String mode,
                     @Value("${fordra.import.past-due:warn}") String pastDue,
                     @Value("${fordra.invoices.import-chunk:200}") int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("fordra.invoices.import-chunk must be at least 1");
    }
    this.mode = Mode.parse(mode).orElseThrow(() -> new IllegalArgumentException("fordra.import.mode is '" + mode
        + "'; it must be per-invoice or all-or-nothing"));
    String past = pastDue == null ? "" : pastDue.strip().toLowerCase(java.util.Locale.ROOT);
    if (!past.equals("warn") && !past.equals("reject")) {
      throw new IllegalArgumentException("fordra.import.past-due is '" + pastDue + "'; it must be warn or reject");
    }
    this.rejectPastDue = past.equals("reject");
    this.closedMonths = closedMonths;
    this.files = files;
    this.invoices = invoices;
    this.customers = customers;
    this.imports = imports;
    this.clock = clock;
    this.naturalKeys = naturalKeys;
    this.chunk = chunk;
  }

  /**
   * Receives a file: the same file again answers with the first import's summary (nothing created twice); a file that
   * cannot be read as an invoice file is rejected whole (InvoiceFileRejected) and nothing of it is stored.
   *
   * @param inboxName the file's name in the inbox's processed/ folder, or null for an upload
   * @param mode      how to take invalid invoices; null for fordra.import.mode
   */
  @Transactional
  public InvoiceFileSummary receive(String fileName, InputStreamSource content, Source source, String inboxName,
                                    String receivedBy, Mode mode) {
    Mode importMode = mode == null ? this.mode : mode;
    try {
      InvoiceCsvReader.Scan scan;
      try (InputStream in = content.getInputStream()) {
        scan = InvoiceCsvReader.scan(in);
      }
      if (scan.bytes() == 0) {
        throw new InvoiceFileRejected("file", "is empty");
      }
      Optional<InvoiceFileSummary> earlier = files.findByHash(scan.sha256());
      if (earlier.isPresent()) {
        return withProblems(earlier.get()).again();
      }
      String name = fileName == null || fileName.isBlank() ? "invoices.csv" : fileName.strip();
      try (InputStream in = content.getInputStream();
           InvoiceCsvReader reader = InvoiceCsvReader.open(in, scan.charset())) {
        long id = naturalKeys.claim("The same file is being received right now; ask for its summary in a moment",
            () -> files.insert(name.length() > 255 ? name.substring(0, 255) : name, scan.sha256(), source, inboxName,
                scan.charset().name(), reader.separator(), importMode, clock.now(), receivedBy));
        int rows = stage(id, reader);
        if (rows == 0) {
          throw new InvoiceFileRejected("file", "has a header row but no invoice lines");
        }
        files.group(id);
        imports.start(id, importMode == Mode.ALL_OR_NOTHING);
        InvoiceFileSummary summary = summary(id);
        log.info("Invoice file {} received: {} ({} rows, {} invoices, {}, separator {})", id, name, summary.rows(),
            summary.invoices(), scan.charset().name(), summary.separator());
        return summary;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the invoice file " + fileName, e);
    }
  }

  private int stage(long id, InvoiceCsvReader reader) {
    List<InvoiceCsvReader.Row> batch = new ArrayList<>(STAGING_BATCH);
    int rows = 0;
    for (InvoiceCsvReader.Row row; (row = reader.next()) != null; ) {
      batch.add(row);
      rows++;
      if (batch.size() == STAGING_BATCH) {
        files.insertRows(id, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      files.insertRows(id, batch);
    }
    return rows;
  }

  /**
   * Handles the next chunk of the file's invoices, in file order after the given line.
   *
   * @param create false for the check of an all-or-nothing file (problems are recorded, nothing is created)
   * @return the first line of the last invoice handled, or -1 when there were none left
   */
  @Transactional
  public int processChunk(long fileId, int afterLine, boolean create) {
    List<Group> groups = files.groupsAfter(fileId, afterLine, chunk);
    if (groups.isEmpty()) {
      return -1;
    }
    int last = groups.get(groups.size() - 1).firstLine();
    if (!files.claimChunk(fileId, !create, last, clock.now())) {
      // Run before (a job whose lock expired, or run twice): its invoices and counts stand; progress never goes back.
      log.warn("Invoice file {}: the chunk after line {} was handled before; nothing is counted twice", fileId,
          afterLine);
      return last;
    }
    Map<String, List<InvoiceCsvReader.Row>> rows = files.rows(fileId, groups.stream().map(Group::groupKey).toList());
    // The file's row only: summary() would also add up the created invoices and look for problems in all of them.
    String fileName = file(fileId).fileName();
    FileInvoice.CustomerSource source = new FileInvoice.CustomerSource() {
      @Override
      public Optional<io.fordra.customer.Customer> registered(String customerNumber) {
        return customers.find(customerNumber);
      }

      @Override
      public Optional<InvoiceCsvReader.Row> detailsInFile(String customerNumber) {
        return files.customerDetails(fileId, customerNumber);
      }
    };
    // Asked once per month of the chunk, not once per invoice.
    Map<YearMonth, Boolean> closed = new HashMap<>();
    Predicate<YearMonth> isClosed = month -> closed.computeIfAbsent(month, closedMonths::isClosed);
    List<Processed> processed = new ArrayList<>();
    int created = 0;
    int rejected = 0;
    int duplicates = 0;
    int warned = 0;
    for (Group group : groups) {
      if (group.outcome() != null) {
        continue; // refused by the check of an all-or-nothing file
      }
      FileInvoice invoice = FileInvoice.read(group.invoiceNumber(), rows.get(group.groupKey()), source);
      Processed p = handle(fileId, fileName, group, invoice, create, isClosed);
      processed.add(p);
      created += p.outcome() == Outcome.CREATED ? 1 : 0;
      rejected += p.outcome() == Outcome.REJECTED ? 1 : 0;
      duplicates += p.outcome() == Outcome.DUPLICATE ? 1 : 0;
      warned += p.outcome() == Outcome.CREATED && !p.messages().isEmpty() ? 1 : 0;
    }
    files.recordOutcomes(fileId, processed);
    files.addChunk(fileId, !create, groups.size(), created, rejected, duplicates, warned);
    return last;
  }

  private Processed handle(long fileId, String fileName, Group group, FileInvoice invoice, boolean create,
                           Predicate<YearMonth> isClosed) {
    String number = group.invoiceNumber();
    var existing = number == null ? null : invoices.find(number).orElse(null);
    if (existing != null) {
      return new Processed(group.groupKey(), Outcome.DUPLICATE, null, null, List.of(invoice.where()
          + ", invoiceNumber: invoice " + number + " already exists (customer " + existing.customerNumber()
          + ", issued " + existing.issueDate() + ", " + existing.totalAmount().toPlainString() + " "
          + existing.currency() + "); nothing is created twice"));
    }
    List<String> problems = new ArrayList<>(invoice.problems());
    List<String> pastDue = pastDue(invoice, isClosed);
    if (rejectPastDue) {
      problems.addAll(pastDue);
    }
    var attempt = invoices.tryCreate(invoice.request(), create && problems.isEmpty(),
        "invoice file " + fileId + " (" + fileName + "), " + invoice.where());
    problems.addAll(invoice.locate(attempt.problems()));
    if (!problems.isEmpty()) {
      return new Processed(group.groupKey(), Outcome.REJECTED, null, null, problems);
    }
    String currency = invoice.request().currency().name();
    List<String> warnings = new ArrayList<>(invoice.warnings());
    warnings.addAll(pastDue);
    return new Processed(group.groupKey(), create ? Outcome.CREATED : null, attempt.total(), currency, warnings);
  }

  /**
   * An invoice that is late the moment it is sent (due before Fordra's today), or dated in a month whose books are
   * closed: worth a word per invoice (fordra.import.past-due=warn) or a reason not to create it (reject).
   */
  private List<String> pastDue(FileInvoice invoice, Predicate<YearMonth> isClosed) {
    List<String> messages = new ArrayList<>();
    if (invoice.request() == null) {
      return messages;
    }
    LocalDate today = clock.today();
    LocalDate due = invoice.request().dueDate();
    if (due != null && due.isBefore(today)) {
      messages.add("line " + invoice.lineOf(InvoiceFileColumn.DUE_DATE) + ", dueDate: " + due + " is before today ("
          + today + "): the invoice is overdue the moment it is sent");
    }
    LocalDate issued = invoice.request().issueDate();
    if (issued != null && isClosed.test(YearMonth.from(issued))) {
      messages.add("line " + invoice.lineOf(InvoiceFileColumn.ISSUE_DATE) + ", issueDate: " + issued + " is in "
          + YearMonth.from(issued) + ", whose month-end close has run");
    }
    return messages;
  }

  /** An all-or-nothing file with an invalid invoice: nothing is created, the file is REJECTED. */
  @Transactional
  public InvoiceFileSummary reject(long fileId) {
    files.markNotCreated(fileId);
    files.finish(fileId, Status.REJECTED, clock.now());
    InvoiceFileSummary summary = summary(fileId);
    log.warn("Invoice file {} rejected whole (all-or-nothing): {}", fileId, summary.describe());
    return summary;
  }

  /** Every invoice is handled: the summary is final. */
  @Transactional
  public InvoiceFileSummary finish(long fileId) {
    files.finish(fileId, Status.DONE, clock.now());
    InvoiceFileSummary summary = summary(fileId);
    log.info("Invoice file {} imported: {}", fileId, summary.describe());
    return summary;
  }

  public InvoiceFileSummary summary(long fileId) {
    return withProblems(file(fileId));
  }

  private InvoiceFileSummary file(long fileId) {
    return files.find(fileId).orElseThrow(() -> new NotFoundException("No invoice file " + fileId));
  }

  /**
   * The file's invoices in file order after a line: all, one outcome, or (problemsOnly) those not created or created
   * with a warning.
   */
  public List<InvoiceFileSummary.InvoiceOutcome> outcomes(long fileId, Outcome outcome, boolean problemsOnly,
                                                          int afterLine, int limit) {
    summary(fileId);
    return files.outcomes(fileId, outcome, problemsOnly, afterLine, limit);
  }

  /** The file's name in the inbox's processed/ folder (null for an upload). */
  String inboxName(long fileId) {
    return files.inboxName(fileId);
  }

  private InvoiceFileSummary withProblems(InvoiceFileSummary summary) {
    return summary.with(files.createdTotals(summary.id()),
        files.outcomes(summary.id(), null, true, 0, InvoiceFileSummary.PROBLEMS_SHOWN),
        files.problemCount(summary.id()));
  }
}
