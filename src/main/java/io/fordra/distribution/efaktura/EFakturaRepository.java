package io.fordra.distribution.efaktura;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register's last answer per person (fordra_efaktura_recipient) and the letters issued (fordra_efaktura_delivery). */
@Repository
class EFakturaRepository {

  record Recipient(String customerNumber, RecipientStatus status, String efakturaIdentifier, Instant checkedAt,
                   Instant changedAt) {}

  record Delivery(long documentId, long invoiceId, String consignmentId, String efakturaIdentifier, String status,
                  Instant issuedAt) {}

  private final JdbcClient jdbc;

  EFakturaRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Recipient> recipient(String customerNumber) {
    return jdbc.sql("SELECT * FROM fordra_efaktura_recipient WHERE customer_number = ?").param(customerNumber)
        .query(EFakturaRepository::recipient).optional();
  }

  /** Call with the customer's row locked: the update-or-insert is then one writer's. */
  void saveRecipient(String customerNumber, RecipientStatus status, String identifier, Instant at, boolean changed) {
    int updated = jdbc.sql("""
        UPDATE fordra_efaktura_recipient SET status = ?, efaktura_identifier = ?, checked_at = ?,
               changed_at = CASE WHEN ? THEN ? ELSE changed_at END
         WHERE customer_number = ?""")
        .params(status.name(), identifier, utc(at), changed, utc(at), customerNumber).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO fordra_efaktura_recipient (customer_number, status, efaktura_identifier, checked_at, changed_at)
          VALUES (?, ?, ?, ?, ?)""").params(customerNumber, status.name(), identifier, utc(at), utc(at)).update();
    }
  }

  /** Everyone the register has been asked about, in customer-number order, from after (exclusive). */
  List<String> askedAbout(String after, int limit) {
    return jdbc.sql("""
        SELECT customer_number FROM fordra_efaktura_recipient WHERE customer_number > ?
         ORDER BY customer_number LIMIT ?""").params(after, limit).query(String.class).list();
  }

  Optional<Delivery> delivery(long documentId) {
    return jdbc.sql("SELECT * FROM fordra_efaktura_delivery WHERE document_id = ?").param(documentId)
        .query(EFakturaRepository::delivery).optional();
  }

  List<Delivery> deliveriesOf(long invoiceId) {
    return jdbc.sql("SELECT * FROM fordra_efaktura_delivery WHERE invoice_id = ? ORDER BY issued_at")
        .param(invoiceId).query(EFakturaRepository::delivery).list();
  }

  void insertDelivery(long documentId, long invoiceId, String consignmentId, String identifier, String statusText,
                      Instant at) {
    jdbc.sql("""
        INSERT INTO fordra_efaktura_delivery (document_id, invoice_id, consignment_id, efaktura_identifier, status,
                                              status_text, issued_at, updated_at)
        VALUES (?, ?, ?, ?, 'ISSUED', ?, ?, ?)""")
        .params(documentId, invoiceId, consignmentId, identifier, statusText, utc(at), utc(at)).update();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Recipient recipient(ResultSet rs, int row) throws SQLException {
    return new Recipient(rs.getString("customer_number"), RecipientStatus.valueOf(rs.getString("status")),
        rs.getString("efaktura_identifier"), rs.getObject("checked_at", OffsetDateTime.class).toInstant(),
        rs.getObject("changed_at", OffsetDateTime.class).toInstant());
  }

  private static Delivery delivery(ResultSet rs, int row) throws SQLException {
    return new Delivery(rs.getLong("document_id"), rs.getLong("invoice_id"), rs.getString("consignment_id"),
        rs.getString("efaktura_identifier"), rs.getString("status"),
        rs.getObject("issued_at", OffsetDateTime.class).toInstant());
  }
}
