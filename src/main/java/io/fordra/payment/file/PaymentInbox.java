package io.fordra.payment.file;

import io.fordra.inbox.FolderInbox;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watched folder fordra.payments.inbox: a bank file dropped there is imported as if it were uploaded, then moved
 * to processed/ (or rejected/, with a .problems.txt beside it saying why).
 */
@Component
public class PaymentInbox {

  private static final Logger log = LoggerFactory.getLogger(PaymentInbox.class);

  private final PaymentFileService files;
  private final FolderInbox inbox;

  public PaymentInbox(PaymentFileService files, @Value("${fordra.payments.inbox:data/payments-inbox}") String inbox) {
    this.files = files;
    this.inbox = new FolderInbox(Path.of(inbox));
  }

  @Scheduled(cron = "${fordra.payments.inbox-cron:*/30 * * * * *}")
  public void scheduledPoll() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.error("Reading the payments inbox {} failed; the next poll tries again", inbox.dir().toAbsolutePath(), e);
    }
  }

  /** Imports every file waiting in the inbox; returns what became of each (file name → summary or problems). */
  public List<String> poll() {
    return inbox.importWaiting(this::importClaimed);
  }

  private String importClaimed(String name, Path claimed) {
    byte[] content = FolderInbox.content(claimed);
    try {
      PaymentFileSummary summary = files.receive(name, content);
      inbox.moveTo(FolderInbox.PROCESSED, claimed, name);
      String outcome = name + ": " + (summary.sameFileAgain() ? "received before as payment file " : "payment file ")
          + summary.id();
      log.info("Payments inbox: {}", outcome);
      return outcome;
    } catch (PaymentFileRejected e) {
      inbox.reject(claimed, name, e);
      log.warn("Payments inbox: {} rejected, nothing booked: {}", name, e.getMessage());
      return name + ": rejected (" + e.problemCount() + " problems)";
    }
  }
}
