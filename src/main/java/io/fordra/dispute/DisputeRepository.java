package io.fordra.dispute;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DisputeRepository {

  private final JdbcClient jdbc;

  public DisputeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long invoiceId, BigDecimal disputedAmount, String reason, RaisedBy raisedBy, Instant receivedAt,
                     LocalDate deadline) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_dispute (invoice_id, status, disputed_amount, reason, raised_by, received_at, deadline)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(invoiceId, DisputeStatus.OPEN.name(), disputedAmount, reason, raisedBy.name(), utc(receivedAt), deadline)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The invoice's latest objection. */
  public Optional<Dispute> latest(long invoiceId) {
    return jdbc.sql("SELECT * FROM fordra_dispute WHERE invoice_id = ? ORDER BY id DESC LIMIT 1")
        .param(invoiceId).query(DisputeRepository::map).optional();
  }

  public void updateStatus(long id, DisputeStatus status) {
    jdbc.sql("UPDATE fordra_dispute SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  public void answer(long id, DisputeStatus status, ObjectionDecision decision, BigDecimal creditAmount, String reply,
                     String answeredBy, Instant answeredAt) {
    jdbc.sql("""
        UPDATE fordra_dispute SET status = ?, decision = ?, credit_amount = ?, reply = ?, answered_by = ?,
          answered_at = ? WHERE id = ?""")
        .params(status.name(), decision.name(), creditAmount, reply, answeredBy, utc(answeredAt), id).update();
  }

  public void countNudge(long id) {
    jdbc.sql("UPDATE fordra_dispute SET nudges_sent = nudges_sent + 1 WHERE id = ?").param(id).update();
  }

  private static Dispute map(ResultSet rs, int row) throws SQLException {
    String decision = rs.getString("decision");
    OffsetDateTime answeredAt = rs.getObject("answered_at", OffsetDateTime.class);
    return new Dispute(
        rs.getLong("id"),
        rs.getLong("invoice_id"),
        DisputeStatus.valueOf(rs.getString("status")),
        rs.getBigDecimal("disputed_amount"),
        rs.getString("reason"),
        RaisedBy.valueOf(rs.getString("raised_by")),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
        rs.getObject("deadline", LocalDate.class),
        decision == null ? null : ObjectionDecision.valueOf(decision),
        rs.getBigDecimal("credit_amount"),
        rs.getString("reply"),
        rs.getString("answered_by"),
        answeredAt == null ? null : answeredAt.toInstant(),
        rs.getInt("nudges_sent"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
