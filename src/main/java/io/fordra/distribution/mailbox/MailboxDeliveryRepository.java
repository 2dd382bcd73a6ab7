package io.fordra.distribution.mailbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * fordra_mailbox_delivery: one row per document and hand-over. Every write commits at once, apart from the sending
 * job's transaction, so that what Kivra has been sent survives a job whose transaction is lost afterwards.
 */
@Repository
public class MailboxDeliveryRepository {

  public enum Status { NO_MAILBOX, PENDING, SENT, REJECTED }

  /** A delivery as stored. */
  public record Delivery(long id, long documentId, int attempt, String ssn, Status status, String payload,
                         String payloadSha256, String contentKey, String statusText) {}

  private final JdbcClient jdbc;

  public MailboxDeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Delivery> find(long documentId, int attempt) {
    return jdbc.sql("""
        SELECT id, document_id, attempt, ssn, status, payload, payload_sha256, content_key, status_text
          FROM fordra_mailbox_delivery WHERE document_id = ? AND attempt = ?""")
        .params(documentId, attempt)
        .query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
            Status.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
        .optional();
  }

  /**
   * The lookup's answer and, for a person with a mailbox, the body fixed before it is first sent (status PENDING).
   * An existing row of the same hand-over (an earlier NO_MAILBOX or REJECTED) is overwritten.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void store(long documentId, int attempt, String ssn, Status status, String payload, String sha256,
                    String statusText, Instant at) {
    OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    int updated = jdbc.sql("""
        UPDATE fordra_mailbox_delivery SET ssn = ?, status = ?, looked_up_at = ?, payload = ?, payload_sha256 = ?,
               status_text = ?
         WHERE document_id = ? AND attempt = ? AND status <> 'SENT'""")
        .params(ssn, status.name(), when, payload, sha256, statusText, documentId, attempt).update();
    if (updated == 0 && find(documentId, attempt).isEmpty()) {
      jdbc.sql("""
          INSERT INTO fordra_mailbox_delivery (document_id, attempt, ssn, status, looked_up_at, payload,
                                               payload_sha256, status_text)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(documentId, attempt, ssn, status.name(), when, payload, sha256, statusText).update();
    }
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markSent(long id, String contentKey, Instant at) {
    jdbc.sql("UPDATE fordra_mailbox_delivery SET status = 'SENT', content_key = ?, sent_at = ? WHERE id = ?")
        .params(contentKey, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id).update();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markRejected(long id, String reason) {
    jdbc.sql("UPDATE fordra_mailbox_delivery SET status = 'REJECTED', status_text = ? WHERE id = ?")
        .params(reason.length() > 1000 ? reason.substring(0, 1000) : reason, id).update();
  }
}
