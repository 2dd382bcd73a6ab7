package io.fordra.invoice.file;

import io.fordra.inbox.FolderInbox;
import io.fordra.invoice.file.InvoiceFileSummary.InvoiceOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.FileSystemResource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watched folder fordra.invoices.inbox: a billing file dropped there is imported as if it were uploaded and moved
 * to processed/; when its import is done, name.report.txt beside it says what became of every invoice that was not
 * created (and why). A file that cannot be read as an invoice file goes to rejected/ with name.problems.txt.
 */
@Component
public class InvoiceInbox {

  private static final Logger log = LoggerFactory.getLogger(InvoiceInbox.class);
  private static final String PROCESSED = "processed";
  private static final int REPORT_PAGE = 1000;

  private final InvoiceFileService files;
  private final FolderInbox inbox;

  public InvoiceInbox(@Lazy InvoiceFileService files,
                      @Value("${fordra.invoices.inbox:data/invoices-inbox}") String inbox) {
    this.files = files;
    this.inbox = new FolderInbox(Path.of(inbox));
  }

  @Scheduled(cron = "${fordra.invoices.inbox-cron:*/30 * * * * *}")
  public void scheduledPoll() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.error("Reading the invoices inbox {} failed; the next poll tries again", inbox.dir().toAbsolutePath(), e);
    }
  }

  /** Imports every file waiting in the inbox; returns what became of each (file name → file id or problems). */
  public List<String> poll() {
    return inbox.importWaiting(this::importClaimed);
  }

  private String importClaimed(String name, Path claimed) {
    // Moved first, so that the import knows where its report goes.
    Path processed = inbox.moveTo(PROCESSED, claimed, name);
    try {
      InvoiceFileSummary summary = files.receive(name, new FileSystemResource(processed),
          InvoiceFileSummary.Source.INBOX, processed.getFileName().toString(), "inbox", null);
      String outcome = name + ": " + (summary.sameFileAgain() ? "received before as invoice file " : "invoice file ")
          + summary.id();
      if (summary.sameFileAgain()) {
        inbox.writeBeside(processed, ".report.txt", "The same file was received before as invoice file "
            + summary.id() + " (" + summary.fileName() + "); nothing was created again.\n\n" + header(summary));
      }
      log.info("Invoices inbox: {}", outcome);
      return outcome;
    } catch (InvoiceFileRejected e) {
      Path rejected = inbox.moveTo("rejected", processed, name);
      inbox.writeBeside(rejected, ".problems.txt",
          String.join("\n", e.problems().stream().map(Object::toString).toList()) + "\n");
      log.warn("Invoices inbox: {} rejected, nothing created: {}", name, e.getMessage());
      return name + ": rejected (" + e.problems().size() + " problems)";
    }
  }

  /**
   * For a file that came through the inbox: name.report.txt beside it in processed/, the summary and every invoice not
   * created or created with a warning, each with its lines and reasons (written page by page: a file of any size).
   */
  public void writeReport(InvoiceFileSummary summary) {
    if (summary.source() != InvoiceFileSummary.Source.INBOX) {
      return;
    }
    Path processed = inbox.dir().resolve(PROCESSED).resolve(files.inboxName(summary.id()));
    Path report = processed.resolveSibling(processed.getFileName() + ".report.txt");
    try (BufferedWriter out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
      out.write(header(summary));
      int after = 0;
      for (List<InvoiceOutcome> page; !(page = files.outcomes(summary.id(), null, true, after, REPORT_PAGE))
          .isEmpty(); after = page.get(page.size() - 1).firstLine()) {
        for (InvoiceOutcome o : page) {
          out.write("\n" + o.outcome() + " " + (o.invoiceNumber() == null ? "(no invoice number)" : o.invoiceNumber())
              + " (" + (o.lineCount() == 1 ? "line " + o.firstLine() : "lines " + o.firstLine() + "-" + o.lastLine())
              + ")\n");
          for (String message : o.messages()) {
            out.write("  " + message + "\n");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the import report " + report, e);
    }
  }

  private static String header(InvoiceFileSummary s) {
    return "Invoice file " + s.id() + ": " + s.fileName() + " (received " + s.receivedAt() + ", " + s.encoding()
        + ", separator " + s.separator() + ")\n"
        + "Status " + s.status() + ": " + s.rows() + " rows, " + s.invoices() + " invoices; created " + s.created()
        + " " + s.createdTotals() + ", rejected " + s.rejected() + ", duplicates " + s.duplicates()
        + ", created with warnings " + s.withWarnings() + "\n";
  }
}
