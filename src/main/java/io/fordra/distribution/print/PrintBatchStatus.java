package io.fordra.distribution.print;

/** OPEN collects letters (one batch at most); HANDED_OVER has been written to the print outbox. */
public enum PrintBatchStatus {
  OPEN, HANDED_OVER
}
