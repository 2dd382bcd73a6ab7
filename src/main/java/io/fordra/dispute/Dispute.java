package io.fordra.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An objection to an invoice, and the written dialogue about it. */
public record Dispute(
    long id,
    long invoiceId,
    DisputeStatus status,
    BigDecimal disputedAmount,
    String reason,
    RaisedBy raisedBy,
    Instant receivedAt,
    LocalDate deadline,
    ObjectionDecision decision,
    BigDecimal creditAmount,
    String reply,
    String answeredBy,
    Instant answeredAt,
    int nudgesSent) {

  public boolean isOpen() {
    return status == DisputeStatus.OPEN;
  }
}
