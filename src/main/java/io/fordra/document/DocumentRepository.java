package io.fordra.document;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DocumentRepository {

  private final JdbcClient jdbc;

  public DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(StoredDocument d) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_document (invoice_id, kind, sequence_number, file_name, media_type, content, amount_due,
          fee, pay_by, message_id, created_at, rendition_of, payment_reference)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(d.invoiceId(), d.kind().name(), d.sequenceNumber(), d.fileName(), d.mediaType(), d.content(),
            d.amountDue(), d.fee(), d.payBy(), d.messageId(), utc(d.createdAt()), d.renditionOf(),
            d.paymentReference())
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<StoredDocument> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_document WHERE id = ?").param(id).query(DocumentRepository::map).optional();
  }

  /** The letter of a step (its renditions share the step). */
  public Optional<StoredDocument> find(long invoiceId, DocumentKind kind, int sequenceNumber) {
    return jdbc.sql("""
        SELECT * FROM fordra_document
        WHERE invoice_id = ? AND kind = ? AND sequence_number = ? AND rendition_of IS NULL""")
        .params(invoiceId, kind.name(), sequenceNumber).query(DocumentRepository::map).optional();
  }

  /** The letter (no rendition) of the invoice with this Message-ID: a payment plan's letter, found again. */
  public Optional<StoredDocument> findByMessageId(long invoiceId, String messageId) {
    return jdbc.sql("SELECT * FROM fordra_document WHERE invoice_id = ? AND message_id = ? AND rendition_of IS NULL")
        .params(invoiceId, messageId).query(DocumentRepository::map).optional();
  }

  /** The next sequence number for a letter of this kind of the invoice (1 for the first). */
  public int nextSequence(long invoiceId, DocumentKind kind) {
    return jdbc.sql("SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM fordra_document WHERE invoice_id = ? AND kind = ?")
        .params(invoiceId, kind.name()).query(Integer.class).single();
  }

  /** The letter's rendition in a media type, if it has one. */
  public Optional<StoredDocument> findRendition(long letterId, String mediaType) {
    return jdbc.sql("SELECT * FROM fordra_document WHERE rendition_of = ? AND media_type = ?")
        .params(letterId, mediaType).query(DocumentRepository::map).optional();
  }

  public boolean hasRendition(long letterId) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_document WHERE rendition_of = ?").param(letterId)
        .query(Long.class).single() > 0;
  }

  /** A letter's new content before it is sent; see DocumentService.bringUpToDate. */
  public void replaceContent(long id, byte[] content, BigDecimal amountDue) {
    jdbc.sql("UPDATE fordra_document SET content = ?, amount_due = ? WHERE id = ? AND sent_at IS NULL")
        .params(content, amountDue, id).update();
  }

  public List<StoredDocument> forInvoice(long invoiceId) {
    return jdbc.sql("SELECT * FROM fordra_document WHERE invoice_id = ? ORDER BY id")
        .param(invoiceId).query(DocumentRepository::map).list();
  }

  /** Counts one more hand-over to a channel and returns the attempt number. */
  public int countAttempt(long id) {
    jdbc.sql("UPDATE fordra_document SET send_attempts = send_attempts + 1 WHERE id = ?").param(id).update();
    return jdbc.sql("SELECT send_attempts FROM fordra_document WHERE id = ?").param(id).query(Integer.class).single();
  }

  public void rememberStatusBefore(long id, String status) {
    jdbc.sql("UPDATE fordra_document SET status_before = ? WHERE id = ?").params(status, id).update();
  }

  public void markSent(long id, Instant at, String channel, String recipient) {
    jdbc.sql("UPDATE fordra_document SET sent_at = ?, sent_channel = ?, sent_to = ? WHERE id = ?")
        .params(utc(at), channel, recipient, id).update();
    jdbc.sql("INSERT INTO fordra_document_delivery (document_id, channel, recipient, sent_at) VALUES (?, ?, ?, ?)")
        .params(id, channel, recipient, utc(at)).update();
  }

  /** The invoice's latest delivery by a channel (to a recipient, when given, in any case). */
  public Optional<Delivery> lastDelivery(long invoiceId, String channel, String recipient) {
    return jdbc.sql("""
        SELECT v.id, v.document_id, v.channel, v.recipient, v.sent_at FROM fordra_document_delivery v
        JOIN fordra_document d ON d.id = v.document_id
        WHERE d.invoice_id = ? AND v.channel = ? AND (CAST(? AS VARCHAR(254)) IS NULL OR LOWER(v.recipient) = LOWER(?))
          AND d.kind NOT IN ('AGENCY_CASE', 'CONCILIATION_CASE')
        ORDER BY v.id DESC""")
        .params(invoiceId, channel, recipient, recipient)
        .query(DocumentRepository::delivery)
        .stream().findFirst();
  }

  /** The document's deliveries, in the order they happened. */
  public List<Delivery> deliveries(long documentId) {
    return jdbc.sql("""
        SELECT id, document_id, channel, recipient, sent_at FROM fordra_document_delivery WHERE document_id = ?
        ORDER BY id""").param(documentId)
        .query(DocumentRepository::delivery)
        .list();
  }

  private static Delivery delivery(ResultSet rs, int row) throws SQLException {
    return new Delivery(rs.getLong("id"), rs.getLong("document_id"), rs.getString("channel"), rs.getString("recipient"),
        rs.getObject("sent_at", OffsetDateTime.class).toInstant());
  }

  private static StoredDocument map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime sentAt = rs.getObject("sent_at", OffsetDateTime.class);
    return new StoredDocument(
        rs.getLong("id"),
        rs.getLong("invoice_id"),
        DocumentKind.valueOf(rs.getString("kind")),
        rs.getInt("sequence_number"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getBytes("content"),
        rs.getBigDecimal("amount_due"),
        rs.getBigDecimal("fee"),
        rs.getObject("pay_by", LocalDate.class),
        rs.getString("message_id"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        sentAt == null ? null : sentAt.toInstant(),
        rs.getString("sent_channel"),
        rs.getString("sent_to"),
        rs.getInt("send_attempts"),
        rs.getString("status_before"),
        rs.getObject("rendition_of", Long.class),
        rs.getString("payment_reference"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
