package io.fordra.distribution.print;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the open print batch on fordra.print.batch-close-cron (in fordra.time-zone; "-" switches it off). Every
 * node runs it: the batch row lock lets only one of them hand a batch over.
 */
@Component
class PrintBatchSchedule {

  private static final Logger log = LoggerFactory.getLogger(PrintBatchSchedule.class);

  private final PrintBatchService batches;

  public PrintBatchSchedule(PrintBatchService batches) {
    this.batches = batches;
  }

  @Scheduled(cron = "${fordra.print.batch-close-cron:0 0 * * * *}", zone = "${fordra.time-zone:Europe/Stockholm}")
  public void closeOpenBatch() {
    try {
      batches.closeOpenBatch().ifPresentOrElse(
          batch -> log.debug("Scheduled close handed over {}", batch.name()),
          () -> log.debug("Scheduled close: no letters waiting for central print"));
    } catch (RuntimeException e) {
      // Nothing was handed over and the batch stays open: the next run tries again.
      log.error("Could not close the open print batch; the next scheduled close tries again", e);
    }
  }
}
