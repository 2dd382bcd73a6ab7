package io.fordra.distribution;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Direct-debit orders (autogiro / AvtaleGiro): one per invoice, debited on the due date. */
@Repository
class DirectDebitRepository {

  /** IN_FILE, WITHDRAWN, CANCELLING, CANCELLED: the order's way through the bank's files (autogiro package). */
  public enum Status { REGISTERED, IN_FILE, DEBITED, FAILED, WITHDRAWN, CANCELLING, CANCELLED }

  public record DirectDebit(long id, long invoiceId, String mandate, BigDecimal amount, LocalDate debitDate,
                            Status status, String reason, Instant createdAt) {}

  private final JdbcClient jdbc;

  public DirectDebitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<DirectDebit> forInvoice(long invoiceId) {
    return jdbc.sql("SELECT * FROM fordra_direct_debit WHERE invoice_id = ?").param(invoiceId)
        .query(DirectDebitRepository::map).optional();
  }

  public void insert(long invoiceId, String mandate, BigDecimal amount, LocalDate debitDate, Instant at) {
    jdbc.sql("""
        INSERT INTO fordra_direct_debit (invoice_id, mandate, amount, debit_date, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(invoiceId, mandate, amount, debitDate, Status.REGISTERED.name(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
  }

  public void updateStatus(long id, Status status, String reason) {
    jdbc.sql("UPDATE fordra_direct_debit SET status = ?, reason = ? WHERE id = ?")
        .params(status.name(), reason, id).update();
  }

  private static DirectDebit map(ResultSet rs, int row) throws SQLException {
    return new DirectDebit(rs.getLong("id"), rs.getLong("invoice_id"), rs.getString("mandate"),
        rs.getBigDecimal("amount"), rs.getObject("debit_date", LocalDate.class), Status.valueOf(rs.getString("status")),
        rs.getString("reason"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
