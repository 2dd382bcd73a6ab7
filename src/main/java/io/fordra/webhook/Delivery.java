package io.fordra.webhook;

import java.time.Instant;

/**
 * One event for one subscription. PENDING: not yet delivered (waiting for nextAttemptAt, or behind an earlier event of
 * the same invoice); DELIVERED: the target answered 2xx; FAILED: gave up after fordra.webhooks.max-attempts, until
 * redelivered. lastError holds at most a short excerpt of the target's answer.
 */
public record Delivery(long id, long eventId, String eventType, String invoiceNumber, long sequence, String status,
                       int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastHttpStatus,
                       String lastError, Instant deliveredAt, Instant createdAt) {

  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String FAILED = "FAILED";
}
