package io.fordra.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A document as it was produced for an invoice, and where it was sent. A rendition (renditionOf = the letter's id)
 * is the same letter in another format for another channel, e.g. the e-invoice's UBL beside the PDF.
 * {@code paymentReference} is the OCR/KID the letter asks to be paid with where that is not the invoice's own (a
 * payment plan's instalment); null for every other letter.
 */
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
    String statusBefore,
    Long renditionOf,
    String paymentReference) {

  /** A letter or rendition paid with the invoice's own reference. */
  public StoredDocument(long id, long invoiceId, DocumentKind kind, int sequenceNumber, String fileName,
                        String mediaType, byte[] content, BigDecimal amountDue, BigDecimal fee, LocalDate payBy,
                        String messageId, Instant createdAt, Instant sentAt, String sentChannel, String sentTo,
                        int sendAttempts, String statusBefore, Long renditionOf) {
    this(id, invoiceId, kind, sequenceNumber, fileName, mediaType, content, amountDue, fee, payBy, messageId,
        createdAt, sentAt, sentChannel, sentTo, sendAttempts, statusBefore, renditionOf, null);
  }

  /** A letter (no rendition). */
  public StoredDocument(long id, long invoiceId, DocumentKind kind, int sequenceNumber, String fileName,
                        String mediaType, byte[] content, BigDecimal amountDue, BigDecimal fee, LocalDate payBy,
                        String messageId, Instant createdAt, Instant sentAt, String sentChannel, String sentTo,
                        int sendAttempts, String statusBefore) {
    this(id, invoiceId, kind, sequenceNumber, fileName, mediaType, content, amountDue, fee, payBy, messageId,
        createdAt, sentAt, sentChannel, sentTo, sendAttempts, statusBefore, null, null);
  }

  /** The OCR/KID this letter asks to be paid with: its own (an instalment's), else the invoice's. */
  public String paymentReferenceOr(String invoiceReference) {
    return paymentReference != null ? paymentReference : invoiceReference;
  }

  public boolean isSent() {
    return sentAt != null;
  }

  /** Another format of a letter: never "the latest letter" to send again, the letter itself is. */
  public boolean isRendition() {
    return renditionOf != null;
  }
}
