package io.fordra.distribution.print;

import java.time.Instant;
import java.util.List;

/**
 * A print batch: what the print service gets in one go. The file names are set once the batch is handed over;
 * items are in PDF order (empty where batches are listed).
 */
public record PrintBatch(long id, String name, PrintBatchStatus status, Instant createdAt, Instant closedAt,
                         int documentCount, int pageCount, String pdfFileName, String manifestFileName,
                         List<PrintItem> items) {

  PrintBatch withItems(List<PrintItem> items) {
    return new PrintBatch(id, name, status, createdAt, closedAt, documentCount, pageCount, pdfFileName,
        manifestFileName, List.copyOf(items));
  }
}
