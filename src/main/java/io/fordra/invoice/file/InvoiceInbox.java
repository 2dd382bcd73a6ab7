package io.fordra.invoice.file;

import io.fordra.inbox.FolderInbox;
import io.fordra.invoice.file.InvoiceFileSummary.InvoiceOutcome;
import io.fordra.kernel.Capped;
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
  private static final String PROCESSED = FolderInbox.PROCESSED;

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
      inbox.reject(processed, name, e);
      log.warn("Invoices inbox: {} rejected, nothing created: {}", name, e.getMessage());
      return name + ": rejected (" + e.problemCount() + " problems)";
    }
  }

  /**
   * For a file that came through the inbox: name.report.txt beside it in processed/ (the name shortened when too long
   * for a file name), the summary and the first {@value InvoiceFileSummary#PROBLEMS_SHOWN} invoices not created or
   * created with a warning, each with its lines and reasons, then how many more there are (the API lists them all).
   */
  public void writeReport(InvoiceFileSummary summary) {
    if (summary.source() != InvoiceFileSummary.Source.INBOX) {
      return;
    }
    Path processed = inbox.dir().resolve(PROCESSED).resolve(files.inboxName(summary.id()));
    Path report = inbox.beside(processed, ".report.txt");
    try (BufferedWriter out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
      out.write(header(summary));
      for (InvoiceOutcome o : summary.problems()) {
        out.write("\n" + o.outcome() + " " + (o.invoiceNumber() == null ? "(no invoice number)"
            : Capped.value(o.invoiceNumber())) + " (" + (o.lineCount() == 1 ? "line " + o.firstLine()
            : "lines " + o.firstLine() + "-" + o.lastLine()) + ")\n");
        for (String message : o.messages()) {
          out.write("  " + message + "\n");
        }
      }
      if (summary.problemCount() > summary.problems().size()) {
        out.write("\n… " + Capped.more(summary.problemCount() - summary.problems().size()) + ": GET /api/invoice-files/"
            + summary.id() + "/invoices?problems=true lists every one\n");
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
