package io.fordra.migration;

import io.fordra.customer.Customer;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.dispute.DisputeService;
import io.fordra.dispute.ObjectionRequest;
import io.fordra.dispute.RaisedBy;
import io.fordra.document.DocumentService;
import io.fordra.dunning.DunningStep;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.MigratedInvoice;
import io.fordra.invoice.file.InvoiceFileSummary;
import io.fordra.kernel.Capped;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.FileRejected;
import io.fordra.kernel.Identifiers;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cut-over: a migration file of open invoices from the previous system becomes invoices that are not sent again,
 * each followed up from where the previous system left it (InvoiceService#tryMigrate). Like the billing file: each
 * file once (by its SHA-256), each invoice number once (an invoice number Fordra has is a DUPLICATE, not taken over
 * again), per-invoice problems with line and column, per-invoice or all-or-nothing (fordra.import.mode or the
 * request's mode), the same identifier rules. Runs in the request: each invoice its own transaction (per-invoice)
 * or the whole file one (all-or-nothing).
 */
@Service
public class MigrationFileService {

  /** The most PDFs a zip may hold, and the largest a PDF may be (the upload limit bounds the zip as a whole). */
  private static final int MAX_DOCUMENTS = 100_000;
  private static final long MAX_PDF_BYTES = 20L * 1024 * 1024;

  private final MigrationFileRepository files;
  private final InvoiceService invoices;
  private final CustomerService customers;
  private final DisputeService disputes;
  private final DocumentService documents;
  private final MigrationPolicy policy;
  private final FordraClock clock;
  private final TransactionTemplate transaction;
  private final InvoiceFileSummary.Mode defaultMode;

  public MigrationFileService(MigrationFileRepository files, InvoiceService invoices, CustomerService customers,
                              DisputeService disputes, DocumentService documents, MigrationPolicy policy,
                              FordraClock clock, PlatformTransactionManager transactions,
                              @Value("${fordra.import.mode:per-invoice}") String mode) {
    this.files = files;
    this.invoices = invoices;
    this.customers = customers;
    this.disputes = disputes;
    this.documents = documents;
    this.policy = policy;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.defaultMode = InvoiceFileSummary.Mode.parse(mode).orElseThrow(() -> new IllegalStateException(
        "fordra.import.mode must be per-invoice or all-or-nothing, not " + mode));
  }

  /** One invoice of the file and what is to become of it. */
  private static final class Plan {
    final MigrationFileInvoice read;
    MigratedInvoice migrated;
    byte[] pdf;
    MigrationFileSummary.Outcome outcome;
    final List<String> messages = new ArrayList<>();
    BigDecimal total;

    Plan(MigrationFileInvoice read) {
      this.read = read;
    }
  }

  /**
   * Takes over the file's invoices (or, for a file received before, returns what became of it then).
   *
   * @param zip         the original PDFs named in column documentFile, or null
   * @param mode        null for fordra.import.mode
   * @param cutOverDate the day of the opening entries, null for today
   */
  public MigrationFileSummary receive(String fileName, byte[] csv, byte[] zip, InvoiceFileSummary.Mode mode,
                                      String user, LocalDate cutOverDate) {
    String sha256 = sha256(csv);
    Optional<Long> before = files.idBySha256(sha256);
    if (before.isPresent()) {
      return summary(before.get()).again();
    }
    LocalDate cutOver = cutOverDate == null ? clock.today() : cutOverDate;
    if (cutOver.isAfter(clock.today())) {
      throw new InvalidRequestException("cutOverDate", cutOver + " is in the future");
    }
    MigrationCsv.Read read = MigrationCsv.read(csv);
    Map<String, byte[]> pdfs = zip == null ? Map.of() : pdfs(zip);
    Map<String, List<MigrationCsv.Row>> groups = new LinkedHashMap<>();
    for (MigrationCsv.Row row : read.rows()) {
      String number = row.get(MigrationFileColumn.INVOICE_NUMBER);
      groups.computeIfAbsent(number == null ? "#line:" + row.line() : number, k -> new ArrayList<>()).add(row);
    }
    InvoiceFileSummary.Mode importMode = mode == null ? defaultMode : mode;
    String name = fileName == null || fileName.isBlank() ? "migration.csv" : fileName.strip();
    long fileId = transaction.execute(s -> files.insert(name.length() > 255 ? name.substring(0, 255) : name, sha256,
        importMode.name(), read.rows().size(), groups.size(), clock.now(), user));

    List<Plan> plans = new ArrayList<>();
    for (Map.Entry<String, List<MigrationCsv.Row>> group : groups.entrySet()) {
      plans.add(plan(group.getKey().startsWith("#line:") ? null : group.getKey(), group.getValue(), read.rows(), pdfs,
          fileId, name, cutOver));
    }
    String problem = importMode == InvoiceFileSummary.Mode.ALL_OR_NOTHING ? allOrNothing(plans)
        : perInvoice(plans);
    int ordinal = 0;
    int created = 0;
    int rejected = 0;
    int duplicates = 0;
    int documentCount = 0;
    for (Plan p : plans) {
      ordinal++;
      switch (p.outcome) {
        case CREATED -> {
          created++;
          documentCount += p.pdf != null ? 1 : 0;
        }
        case REJECTED -> rejected++;
        case DUPLICATE -> duplicates++;
        default -> { }
      }
      MigratedInvoice m = p.migrated;
      BigDecimal open = m == null || p.total == null ? null : p.total.add(m.feesAmount()).subtract(m.paidAmount());
      int at = ordinal;
      transaction.executeWithoutResult(s -> files.insertOutcome(fileId, at, new MigrationFileSummary.InvoiceOutcome(
              p.read.invoiceNumber, p.read.where(), p.outcome,
              m == null ? null : m.request().currency() == null ? null : m.request().currency().name(),
              p.read.step == null ? null : p.read.stepText(), open, p.read.objection != null, p.messages),
          p.read.firstLine(), p.read.lastLine(), p.total, m == null ? null : m.paidAmount(),
          m == null ? null : m.feesAmount()));
    }
    int c = created;
    int r = rejected;
    int d = duplicates;
    int docs = documentCount;
    transaction.executeWithoutResult(s -> files.finish(fileId, problem == null ? "DONE" : "REJECTED", problem, c, r,
        d, docs));
    return summary(fileId);
  }

  public MigrationFileSummary summary(long id) {
    return files.summary(id).orElseThrow(() -> new NotFoundException("No migration file " + id));
  }

  public List<MigrationFileSummary.InvoiceOutcome> outcomes(long id, MigrationFileSummary.Outcome outcome,
                                                            boolean problems, int after, int limit) {
    summary(id);
    return files.outcomes(id, outcome, problems, after, limit);
  }

  public MigrationFileSummary.Report report(long id) {
    summary(id);
    return files.report(id);
  }

  /** Each valid invoice in its own transaction: one that fails leaves the others. */
  private String perInvoice(List<Plan> plans) {
    for (Plan p : plans) {
      if (p.outcome != null) {
        continue;
      }
      List<String> problems = transaction.execute(s -> {
        try {
          List<String> found = takeOver(p);
          if (!found.isEmpty()) {
            s.setRollbackOnly();
          }
          return found;
        } catch (InvalidRequestException e) {
          s.setRollbackOnly();
          return e.violations().stream().map(v -> p.read.where() + ", " + v.field() + ": " + v.message()).toList();
        } catch (ConflictException | IllegalArgumentException | IllegalStateException e) {
          s.setRollbackOnly();
          return List.of(p.read.where() + ": " + e.getMessage());
        }
      });
      p.outcome = problems.isEmpty() ? MigrationFileSummary.Outcome.CREATED : MigrationFileSummary.Outcome.REJECTED;
      p.messages.addAll(problems);
    }
    return null;
  }

  /**
   * The whole file checked first; if every invoice is valid all are taken over in one transaction, otherwise none
   * (the file is REJECTED, each valid invoice NOT_CREATED). Invoice numbers Fordra already has stay DUPLICATE.
   */
  private String allOrNothing(List<Plan> plans) {
    transaction.executeWithoutResult(s -> {
      for (Plan p : plans) {
        if (p.outcome == null) {
          InvoiceService.Attempt attempt = invoices.tryMigrate(p.migrated, false, null);
          if (!attempt.problems().isEmpty()) {
            p.outcome = MigrationFileSummary.Outcome.REJECTED;
            p.messages.addAll(p.read.locate(attempt.problems()));
          }
          p.total = attempt.total();
        }
      }
      s.setRollbackOnly();
    });
    long invalid = plans.stream().filter(p -> p.outcome == MigrationFileSummary.Outcome.REJECTED).count();
    if (invalid > 0) {
      notCreated(plans);
      return invalid + " of " + plans.size() + " invoices are invalid; in all-or-nothing mode nothing was taken over";
    }
    String[] failure = {null};
    transaction.executeWithoutResult(s -> {
      for (Plan p : plans) {
        if (p.outcome != null) {
          continue;
        }
        try {
          List<String> problems = takeOver(p);
          if (!problems.isEmpty()) {
            p.messages.addAll(problems);
            failure[0] = p.read.where() + ": " + String.join("; ", problems);
          }
        } catch (RuntimeException e) {
          p.messages.add(p.read.where() + ": " + e.getMessage());
          failure[0] = p.read.where() + ": " + e.getMessage();
        }
        if (failure[0] != null) {
          p.outcome = MigrationFileSummary.Outcome.REJECTED;
          s.setRollbackOnly();
          return;
        }
        p.outcome = MigrationFileSummary.Outcome.CREATED;
      }
    });
    if (failure[0] != null) {
      notCreated(plans);
      return "invoice " + failure[0] + "; in all-or-nothing mode nothing was taken over";
    }
    return null;
  }

  private static void notCreated(List<Plan> plans) {
    for (Plan p : plans) {
      if (p.outcome == null || p.outcome == MigrationFileSummary.Outcome.CREATED) {
        p.outcome = MigrationFileSummary.Outcome.NOT_CREATED;
      }
    }
  }

  /** Stores one invoice, its open objection and its original PDF; the problems if it cannot be taken over. */
  private List<String> takeOver(Plan p) {
    MigrationFileInvoice read = p.read;
    InvoiceService.Attempt attempt = invoices.tryMigrate(p.migrated, true, "migration file " + p.migrated.fileId()
        + ", " + read.where());
    if (!attempt.problems().isEmpty()) {
      return read.locate(attempt.problems());
    }
    p.total = attempt.total();
    Invoice invoice = attempt.invoice();
    if (read.objection != null) {
      // Received at cut-over: case handlers get the whole reply deadline in Fordra (an old date would let the
      // deadline pass at once and drop the claim); the previous system's date stays in the reason.
      disputes.raise(invoice.invoiceNumber(), new ObjectionRequest(read.disputedAmount,
          "Open objection taken over from the previous system"
              + (read.objectionDate == null ? "" : ", received there " + read.objectionDate) + ": " + read.objection,
          RaisedBy.CUSTOMER, null));
    }
    if (p.pdf != null) {
      documents.keepOriginal(invoice, read.documentFile, p.pdf);
    }
    return List.of();
  }

  private Plan plan(String number, List<MigrationCsv.Row> rows, List<MigrationCsv.Row> all, Map<String, byte[]> pdfs,
                    long fileId, String fileName, LocalDate cutOver) {
    String customerNumber = rows.stream().map(r -> r.get(MigrationFileColumn.CUSTOMER_NUMBER))
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    Optional<Customer> registered = customerNumber == null || !Identifiers.isValid(customerNumber) ? Optional.empty()
        : customers.find(customerNumber);
    // A new customer's details may stand on the rows of another of its invoices in the file.
    List<MigrationCsv.Row> withDetails = rows;
    if (registered.isEmpty() && customerNumber != null && rows.stream().noneMatch(MigrationFileService::hasDetails)) {
      Optional<MigrationCsv.Row> elsewhere = all.stream().filter(MigrationFileService::hasDetails)
          .filter(r -> customerNumber.equals(r.get(MigrationFileColumn.CUSTOMER_NUMBER))).findFirst();
      if (elsewhere.isPresent()) {
        withDetails = new ArrayList<>(rows);
        Map<MigrationFileColumn, String> merged = new java.util.EnumMap<>(MigrationFileColumn.class);
        merged.putAll(rows.get(0).values());
        MigrationFileColumn.CUSTOMER.forEach(c -> {
          if (elsewhere.get().get(c) != null) {
            merged.put(c, elsewhere.get().get(c));
          }
        });
        withDetails.set(0, new MigrationCsv.Row(rows.get(0).line(), merged, rows.get(0).problem()));
      }
    }
    MigrationFileInvoice read = MigrationFileInvoice.read(number, withDetails, registered.isPresent());
    Plan plan = new Plan(read);
    if (number == null) {
      read.problems.add("line " + read.firstLine() + ", invoiceNumber: is required (rows are grouped into invoices "
          + "by it)");
    } else if (!Identifiers.isValid(number)) {
      read.problems.add("line " + read.firstLine() + ", invoiceNumber: " + Identifiers.problem(number));
    } else {
      Optional<Invoice> existing = invoices.find(number);
      if (existing.isPresent()) {
        plan.outcome = MigrationFileSummary.Outcome.DUPLICATE;
        plan.messages.add(read.where() + ": invoice " + number + " already exists"
            + (existing.get().migrated() ? " (taken over before)" : "") + "; not taken over again");
        return plan;
      }
    }
    if (read.documentFile != null) {
      plan.pdf = pdfs.get(baseName(read.documentFile));
      if (plan.pdf == null) {
        read.problems.add("line " + read.firstLine() + ", documentFile: " + Capped.quote(read.documentFile) + " is not in the "
            + "uploaded zip of PDFs (multipart part documents)" + (pdfs.isEmpty() ? "; no zip was uploaded" : ""));
      } else if (plan.pdf.length < 5 || !new String(plan.pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
          .equals("%PDF-")) {
        read.problems.add("line " + read.firstLine() + ", documentFile: " + Capped.quote(read.documentFile) + " is not a PDF");
      }
    }
    if (read.objection != null && read.objection.length() > 1800) {
      read.problems.add("line " + read.firstLine() + ", objection: is longer than 1800 characters");
    }
    if (read.objectionDate != null && read.objectionDate.isAfter(clock.today())) {
      read.problems.add("line " + read.firstLine() + ", objectionDate: " + read.objectionDate + " is in the future");
    }
    Dunning dunning = read.step == null ? null : dunning(read, registered.orElse(null), cutOver);
    if (!read.problems.isEmpty() || dunning == null || read.paidAmount == null || read.feesAmount == null) {
      plan.outcome = MigrationFileSummary.Outcome.REJECTED;
      plan.messages.addAll(read.problems);
      plan.migrated = new MigratedInvoice(read.request, read.paidAmount == null ? BigDecimal.ZERO : read.paidAmount,
          read.feesAmount == null ? BigDecimal.ZERO : read.feesAmount, null, 0, 0, 0, null, null, null, null, fileId,
          cutOver);
      return plan;
    }
    plan.migrated = new MigratedInvoice(read.request, read.paidAmount, read.feesAmount, read.step.status,
        dunning.level, read.remindersSent, read.feesAmount.signum() > 0 ? read.remindersSent : 0, dunning.payBy,
        read.paymentReference, read.step.stage, read.stepText(), fileId, cutOver);
    return plan;
  }

  private record Dunning(int level, LocalDate payBy) {}

  /**
   * The dunning level (letters sent since the due date) and the deadline of the last letter, as the dunning policy
   * has them for the step reached: a reminder's deadline is its date plus the policy's time to pay for that reminder
   * (unless the file gives payBy); a collection notice counts at the level the policy sends it.
   */
  private Dunning dunning(MigrationFileInvoice read, Customer registered, LocalDate cutOver) {
    InvoiceRequestFacts facts = facts(read.request.customer(), registered);
    LocalDate date = read.dunningDate;
    if (date != null && date.isAfter(cutOver)) {
      read.problems.add("line " + read.firstLine() + ", dunningDate: " + date + " is after the cut-over day "
          + cutOver);
      return null;
    }
    if (date != null && read.request.dueDate() != null && !date.isAfter(read.request.dueDate())) {
      read.problems.add("line " + read.firstLine() + ", dunningDate: " + date + " is not after the due date "
          + read.request.dueDate());
      return null;
    }
    int n = read.remindersSent;
    switch (read.step) {
      case NONE -> {
        return new Dunning(0, read.request.dueDate());
      }
      case REMINDED -> {
        if (facts == null || date == null) {
          return null;
        }
        DunningStep reminded = policy.at(facts.country, facts.type, facts.priority, n - 1);
        return new Dunning(n, read.payBy != null ? read.payBy : date.plus(reminded.paymentPeriod()));
      }
      case COLLECTION_NOTICE -> {
        if (facts == null || date == null) {
          return null;
        }
        Optional<Integer> level = policy.collectionNoticeLevel(facts.country, facts.type, facts.priority, n);
        if (level.isEmpty()) {
          read.problems.add("line " + read.firstLine() + ", dunningStep: the dunning policy sends no collection "
              + "notice to a " + facts.country + " " + facts.type + " customer after " + n + " reminder(s); check "
              + "remindersSent");
          return null;
        }
        DunningStep notice = policy.at(facts.country, facts.type, facts.priority, level.get());
        return new Dunning(level.get() + 1, read.payBy != null ? read.payBy : date.plus(notice.paymentPeriod()));
      }
      case WITH_AGENCY -> {
        return date == null ? null : new Dunning(n + 1, read.payBy != null ? read.payBy : date);
      }
      default -> throw new IllegalStateException("Unknown step " + read.step);
    }
  }

  private record InvoiceRequestFacts(String country, String type, boolean priority) {}

  /** Country, type and priority for the dunning policy: the register's, or the new customer's from the file. */
  private static InvoiceRequestFacts facts(CustomerRequest inline, Customer registered) {
    if (registered != null) {
      return new InvoiceRequestFacts(registered.country().name(), registered.type().name(), registered.priority());
    }
    if (inline == null || inline.country() == null || inline.type() == null) {
      return null; // the invoice service says what is missing
    }
    return new InvoiceRequestFacts(inline.country().name(), inline.type().name(),
        Boolean.TRUE.equals(inline.priority()));
  }

  private static boolean hasDetails(MigrationCsv.Row row) {
    return MigrationFileColumn.CUSTOMER.stream().anyMatch(row.values()::containsKey);
  }

  private static Map<String, byte[]> pdfs(byte[] zip) {
    Map<String, byte[]> found = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        if (entry.isDirectory()) {
          continue;
        }
        if (found.size() >= MAX_DOCUMENTS) {
          throw MigrationCsv.rejected("documents", "more than " + MAX_DOCUMENTS + " files in the zip");
        }
        byte[] content = in.readNBytes((int) MAX_PDF_BYTES + 1);
        if (content.length > MAX_PDF_BYTES) {
          throw MigrationCsv.rejected("documents", entry.getName() + " is larger than " + MAX_PDF_BYTES + " bytes");
        }
        found.put(baseName(entry.getName()), content);
      }
    } catch (IOException e) {
      throw MigrationCsv.rejected("documents", "not a readable zip file: " + e.getMessage());
    }
    if (found.isEmpty()) {
      throw new MigrationFileRejected(List.of(new FileRejected.Problem("documents", "the zip holds no files")));
    }
    return found;
  }

  private static String baseName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
