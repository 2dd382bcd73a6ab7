package io.fordra.distribution.print;

import java.time.Instant;
import java.util.List;

/** <batch>.json next to <batch>.pdf: what the print service needs to envelope and post each letter. */
public record PrintManifest(String batch, Instant closedAt, int documentCount, int pageCount, String pdfFileName,
                            List<Letter> items) {

  /** One letter: pages firstPage … firstPage + pages - 1 of the PDF go in one envelope to the recipient. */
  public record Letter(long documentId, int attempt, String invoiceNumber, String fileName, String kind,
                       PrintRecipient recipient, int firstPage, int pages) {}
}
