package io.fordra.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A document as it was produced for an invoice, and where it was sent. */
public record StoredDocument(
    long id,
    long invoiceId,
    DocumentKind kind,
    int sequenceNumber,
    String fileName,
    String mediaType,
    byte[] content,
    BigDecimal amountDue,
    BigDecimal fee,
    LocalDate payBy,
    String messageId,
    Instant createdAt,
    Instant sentAt,
    String sentChannel,
    String sentTo,
    int sendAttempts,
    String statusBefore) {

  public boolean isSent() {
    return sentAt != null;
  }
}
