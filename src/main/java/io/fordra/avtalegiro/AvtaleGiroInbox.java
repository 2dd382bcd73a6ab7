package io.fordra.avtalegiro;

import io.fordra.inbox.FolderInbox;
import io.fordra.kernel.FileRejected;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watched folder fordra.avtalegiro.inbox: a Nets file with AvtaleGiro agreement information dropped there is
 * applied to the customers' mandates, then moved to processed/ (with name.outcome.txt beside it: counts and the
 * agreements kept aside with their reasons) or rejected/ (with name.problems.txt).
 *
 * <p>Why a folder of its own and not the payments inbox: agreement information is not money. The payments inbox
 * stores each file as a payment file, books it through the payment-file-import process and reports payments,
 * duplicates and amounts; an agreement file has none of these, and its outcome (mandates created, changed, kept
 * aside) belongs to direct debit, not to the bank-file summary. Nets delivers agreement information as its own
 * assignment (service code 21, type 24), in practice usually in its own transmission; where one transmission carries
 * both, it is dropped into both folders: the payments inbox books its OCR giro payments and remarks the agreement
 * assignment, this inbox applies the agreements and remarks the payments. Each side is idempotent by the file's
 * SHA-256, and several nodes may watch the folder (FolderInbox claims a file once).
 */
@Component
public class AvtaleGiroInbox {

  private static final Logger log = LoggerFactory.getLogger(AvtaleGiroInbox.class);

  private final AvtaleGiroAgreements agreements;
  private final FolderInbox inbox;

  public AvtaleGiroInbox(AvtaleGiroAgreements agreements,
                         @Value("${fordra.avtalegiro.inbox:data/avtalegiro-inbox}") String inbox) {
    this.agreements = agreements;
    this.inbox = new FolderInbox(Path.of(inbox));
  }

  @Scheduled(cron = "${fordra.avtalegiro.inbox-cron:*/30 * * * * *}")
  public void scheduledPoll() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.error("Reading the AvtaleGiro inbox {} failed; the next poll tries again", inbox.dir().toAbsolutePath(), e);
    }
  }

  /** Applies every file waiting in the inbox; returns what became of each. */
  public List<String> poll() {
    return inbox.importWaiting(this::importClaimed);
  }

  private String importClaimed(String name, Path claimed) {
    byte[] content = FolderInbox.content(claimed);
    try {
      AvtaleGiroAgreements.Outcome outcome = agreements.receive(name, content);
      Path processed = inbox.moveTo(FolderInbox.PROCESSED, claimed, name);
      StringBuilder text = new StringBuilder((outcome.sameFileAgain() ? "Received before as AvtaleGiro file "
          : "AvtaleGiro file ") + outcome.fileId() + ": " + outcome.describe() + "\n");
      outcome.remarks().forEach(r -> text.append("Remark: ").append(r).append('\n'));
      outcome.keptAside().forEach(a -> text.append("Kept aside: ").append(a).append('\n'));
      inbox.writeBeside(processed, ".outcome.txt", text.toString());
      String result = name + ": " + (outcome.sameFileAgain() ? "received before as AvtaleGiro file "
          : "AvtaleGiro file ") + outcome.fileId() + " (" + outcome.describe() + ")";
      log.info("AvtaleGiro inbox: {}", result);
      return result;
    } catch (FileRejected e) {
      inbox.reject(claimed, name, e);
      log.warn("AvtaleGiro inbox: {} rejected, nothing applied: {}", name, e.getMessage());
      return name + ": rejected (" + e.problemCount() + " problems)";
    }
  }
}
