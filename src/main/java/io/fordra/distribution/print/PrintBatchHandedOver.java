package io.fordra.distribution.print;

import java.time.Instant;
import java.util.List;

/**
 * Published inside the transaction that hands a print batch over: a listener that throws rolls the whole close
 * back (the batch stays open and its files are not left in the outbox).
 */
public record PrintBatchHandedOver(long batchId, String name, Instant closedAt, List<HandedOverItem> items) {

  public PrintBatchHandedOver {
    items = List.copyOf(items);
  }
}
