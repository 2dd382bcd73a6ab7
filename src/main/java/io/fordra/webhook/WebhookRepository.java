package io.fordra.webhook;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The outbox, its sequencer, the subscriptions and their deliveries. */
@Repository
class WebhookRepository {

  /** The columns of an Event, from the outbox (alias o). */
  private static final String EVENT_COLUMNS = """
      o.event_id, o.sequence_number, o.event_type, o.occurred_at, o.invoice_number, o.customer_number,
      o.invoice_status, o.currency, o.total_amount, o.paid_amount, o.fees_amount, o.open_amount""";

  private final JdbcClient jdbc;

  WebhookRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ subscriptions

  long insertWebhook(String url, List<String> eventTypes, String secret, String description, Instant at, String by) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_webhook (target_url, event_types, secret, description, enabled, created_at, created_by)
        VALUES (?, ?, ?, ?, TRUE, ?, ?)""")
        .params(url, String.join(",", eventTypes), secret, description, utc(at), by)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  Optional<Webhook> webhook(long id) {
    return jdbc.sql("SELECT * FROM fordra_webhook WHERE id = ?").param(id).query(WebhookRepository::webhook)
        .optional();
  }

  List<Webhook> webhooks() {
    return jdbc.sql("SELECT * FROM fordra_webhook ORDER BY id").query(WebhookRepository::webhook).list();
  }

  /** Disables it; false when it was disabled already. */
  boolean disable(long id, Instant at, String by) {
    return jdbc.sql("UPDATE fordra_webhook SET enabled = FALSE, disabled_at = ?, disabled_by = ? WHERE id = ? "
            + "AND enabled = TRUE")
        .params(utc(at), by, id).update() == 1;
  }

  /** The enabled subscriptions with what delivering needs: target, secret and types. */
  List<Target> enabledTargets() {
    return jdbc.sql("SELECT id, target_url, secret, event_types FROM fordra_webhook WHERE enabled = TRUE ORDER BY id")
        .query((rs, n) -> new Target(rs.getLong("id"), rs.getString("target_url"), rs.getString("secret"),
            List.of(rs.getString("event_types").split(","))))
        .list();
  }

  Optional<Target> target(long webhookId) {
    return jdbc.sql("SELECT id, target_url, secret, event_types FROM fordra_webhook WHERE id = ? AND enabled = TRUE")
        .param(webhookId)
        .query((rs, n) -> new Target(rs.getLong("id"), rs.getString("target_url"), rs.getString("secret"),
            List.of(rs.getString("event_types").split(","))))
        .optional();
  }

  record Target(long id, String url, String secret, List<String> eventTypes) {}

  // ------------------------------------------------------------------ the sequencer

  /** Locks the sequencer's row until the transaction ends and returns the next sequence number. */
  long lockSequencer() {
    return jdbc.sql("SELECT next_sequence FROM fordra_event_sequencer WHERE id = 1 FOR UPDATE")
        .query(Long.class).single();
  }

  void setNextSequence(long next) {
    jdbc.sql("UPDATE fordra_event_sequencer SET next_sequence = ? WHERE id = 1").param(next).update();
  }

  /** Committed outbox rows not yet published, in the order they were written. */
  List<Unpublished> unpublished(int limit) {
    return jdbc.sql("""
            SELECT event_id, invoice_id, event_type FROM fordra_event_outbox WHERE sequence_number IS NULL
            ORDER BY event_id LIMIT ?""")
        .param(limit)
        .query((rs, n) -> new Unpublished(rs.getLong("event_id"), rs.getLong("invoice_id"),
            rs.getString("event_type")))
        .list();
  }

  record Unpublished(long eventId, long invoiceId, String type) {}

  void publish(long eventId, long sequence) {
    jdbc.sql("UPDATE fordra_event_outbox SET sequence_number = ? WHERE event_id = ?").params(sequence, eventId)
        .update();
  }

  void insertDelivery(long webhookId, Unpublished event, long sequence, Instant now) {
    jdbc.sql("""
        INSERT INTO fordra_webhook_delivery (webhook_id, event_id, invoice_id, sequence_number, status, attempts,
          next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
        .params(webhookId, event.eventId(), event.invoiceId(), sequence, utc(now), utc(now))
        .update();
  }

  // ------------------------------------------------------------------ deliveries

  private static final String IS_HEAD = """
      NOT EXISTS (SELECT 1 FROM fordra_webhook_delivery p WHERE p.webhook_id = d.webhook_id
        AND p.invoice_id = d.invoice_id AND p.sequence_number < d.sequence_number AND p.status <> 'DELIVERED')""";

  /**
   * Deliveries to make now: PENDING, due, not claimed by a node, and first in line (no earlier event of the same
   * invoice for the same subscription is undelivered), of enabled subscriptions.
   */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql("""
            SELECT d.id FROM fordra_webhook_delivery d JOIN fordra_webhook w ON w.id = d.webhook_id
            WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND w.enabled = TRUE
              AND (d.claimed_until IS NULL OR d.claimed_until < ?) AND\s""" + IS_HEAD + " " + """
            ORDER BY d.sequence_number LIMIT ?""")
        .params(utc(now), utc(now), limit)
        .query(Long.class).list();
  }

  /**
   * Claims the delivery for this node until the moment given: one atomic update that succeeds for one node only, and
   * only while the delivery is still due and first in line.
   */
  boolean claim(long deliveryId, Instant now, Instant until) {
    return jdbc.sql("""
            UPDATE fordra_webhook_delivery d SET claimed_until = ?
            WHERE d.id = ? AND d.status = 'PENDING' AND d.next_attempt_at <= ?
              AND (d.claimed_until IS NULL OR d.claimed_until < ?) AND\s""" + IS_HEAD)
        .params(utc(until), deliveryId, utc(now), utc(now))
        .update() == 1;
  }

  record Claimed(long id, long webhookId, int attempts, Event event) {}

  Claimed claimed(long deliveryId) {
    return jdbc.sql("SELECT d.id AS delivery_id, d.webhook_id, d.attempts, " + EVENT_COLUMNS + " " + """
            FROM fordra_webhook_delivery d JOIN fordra_event_outbox o ON o.event_id = d.event_id WHERE d.id = ?""")
        .param(deliveryId)
        .query((rs, n) -> new Claimed(rs.getLong("delivery_id"), rs.getLong("webhook_id"), rs.getInt("attempts"),
            event(rs, n)))
        .single();
  }

  void delivered(long deliveryId, Instant at, int httpStatus) {
    jdbc.sql("""
        UPDATE fordra_webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,
          delivered_at = ?, last_http_status = ?, last_error = NULL, next_attempt_at = NULL, claimed_until = NULL
        WHERE id = ?""")
        .params(utc(at), utc(at), httpStatus, deliveryId).update();
  }

  void failed(long deliveryId, Instant at, Integer httpStatus, String error, Instant nextAttempt, boolean giveUp) {
    jdbc.sql("""
        UPDATE fordra_webhook_delivery SET status = ?, attempts = attempts + 1, last_attempt_at = ?,
          last_http_status = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL WHERE id = ?""")
        .params(giveUp ? Delivery.FAILED : Delivery.PENDING, utc(at), httpStatus, error,
            giveUp ? null : utc(nextAttempt), deliveryId)
        .update();
  }

  /** Makes the delivery due now again, whatever its status; false when the subscription has no such delivery. */
  boolean redeliver(long webhookId, long deliveryId, Instant now) {
    return jdbc.sql("""
            UPDATE fordra_webhook_delivery SET status = 'PENDING', next_attempt_at = ?, claimed_until = NULL
            WHERE id = ? AND webhook_id = ?""")
        .params(utc(now), deliveryId, webhookId).update() == 1;
  }

  Optional<Delivery> delivery(long webhookId, long deliveryId) {
    return jdbc.sql(DELIVERIES + " WHERE d.webhook_id = ? AND d.id = ?").params(webhookId, deliveryId)
        .query(WebhookRepository::delivery).optional();
  }

  private static final String DELIVERIES = """
      SELECT d.*, o.event_type, o.invoice_number FROM fordra_webhook_delivery d
      JOIN fordra_event_outbox o ON o.event_id = d.event_id""";

  List<Delivery> deliveries(long webhookId, String status, long after, int limit) {
    if (status == null) {
      return jdbc.sql(DELIVERIES + " WHERE d.webhook_id = ? AND d.id > ? ORDER BY d.id LIMIT ?")
          .params(webhookId, after, limit).query(WebhookRepository::delivery).list();
    }
    return jdbc.sql(DELIVERIES + " WHERE d.webhook_id = ? AND d.id > ? AND d.status = ? ORDER BY d.id LIMIT ?")
        .params(webhookId, after, status, limit).query(WebhookRepository::delivery).list();
  }

  // ------------------------------------------------------------------ the pull API

  /** Published events after the sequence number, in sequence order. */
  List<Event> events(long after, int limit) {
    return jdbc.sql("SELECT " + EVENT_COLUMNS + " " + """
            FROM fordra_event_outbox o WHERE o.sequence_number > ? ORDER BY o.sequence_number LIMIT ?""")
        .params(after, limit)
        .query(WebhookRepository::event).list();
  }

  // ------------------------------------------------------------------ mapping

  private static Webhook webhook(ResultSet rs, int n) throws SQLException {
    return new Webhook(rs.getLong("id"), rs.getString("target_url"),
        Arrays.asList(rs.getString("event_types").split(",")), rs.getString("description"),
        rs.getBoolean("enabled"), instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "disabled_at"),
        rs.getString("disabled_by"));
  }

  private static Delivery delivery(ResultSet rs, int n) throws SQLException {
    int httpStatus = rs.getInt("last_http_status");
    Integer lastHttpStatus = rs.wasNull() ? null : httpStatus;
    return new Delivery(rs.getLong("id"), rs.getLong("event_id"), rs.getString("event_type"),
        rs.getString("invoice_number"), rs.getLong("sequence_number"), rs.getString("status"), rs.getInt("attempts"),
        instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), lastHttpStatus,
        rs.getString("last_error"), instant(rs, "delivered_at"), instant(rs, "created_at"));
  }

  private static Event event(ResultSet rs, int n) throws SQLException {
    return new Event(rs.getLong("event_id"), rs.getLong("sequence_number"), rs.getString("event_type"),
        instant(rs, "occurred_at"), rs.getString("invoice_number"), rs.getString("customer_number"),
        rs.getString("invoice_status"), rs.getString("currency"), amount(rs, "total_amount"),
        amount(rs, "paid_amount"), amount(rs, "fees_amount"), amount(rs, "open_amount"));
  }

  private static String amount(ResultSet rs, String column) throws SQLException {
    BigDecimal amount = rs.getBigDecimal(column);
    return amount == null ? null : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
