package io.fordra.distribution.print;

import java.time.Instant;

/**
 * One hand-over of a document (attempt as counted by DocumentService.countAttempt) in a print batch. firstPage is
 * the item's first page in the batch's PDF (1-based), null until the batch is closed.
 */
public record PrintItem(long id, long batchId, long documentId, int attempt, PrintRecipient recipient,
                        Integer firstPage, int pages, Instant addedAt) {}
