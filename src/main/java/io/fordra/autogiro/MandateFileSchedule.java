package io.fordra.autogiro;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes the mandate file to Bankgirot on fordra.autogiro.mandate-file-cron and reads the inbox on inbox-cron. */
@Component
class MandateFileSchedule {

  private static final Logger log = LoggerFactory.getLogger(MandateFileSchedule.class);

  private final MandateFileService files;
  private final MandateAdviceInbox inbox;

  MandateFileSchedule(MandateFileService files, MandateAdviceInbox inbox) {
    this.files = files;
    this.inbox = inbox;
  }

  @Scheduled(cron = "${fordra.autogiro.mandate-file-cron:0 0 14 * * MON-FRI}")
  void mandateFile() {
    try {
      files.run();
    } catch (RuntimeException e) {
      log.error("Writing the Autogiro mandate file failed; the next run tries again", e);
    }
  }

  @Scheduled(cron = "${fordra.autogiro.inbox-cron:*/30 * * * * *}")
  void inbox() {
    try {
      inbox.poll();
    } catch (RuntimeException e) {
      log.error("Reading the Autogiro inbox failed; the next poll tries again", e);
    }
  }
}
