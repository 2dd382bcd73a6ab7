package io.fordra.distribution.print;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.print.*: the directory where closed print batches are handed to the print service. (When the open batch
 * is closed, fordra.print.batch-close-cron, is read by PrintBatchSchedule.)
 */
@ConfigurationProperties("fordra.print")
record PrintProperties(String outbox) {

  public PrintProperties {
    outbox = outbox == null || outbox.isBlank() ? "data/print-outbox" : outbox;
  }
}
