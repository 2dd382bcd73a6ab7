package io.fordra.migration;

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

/** fordra_migration_file and fordra_migration_invoice (V33__cut_over.sql). */
@Repository
class MigrationFileRepository {

  /** Invoices with problems listed in the summary at most (GET …/invoices pages through all). */
  static final int LISTED = 100;

  private final JdbcClient jdbc;

  MigrationFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Long> idBySha256(String sha256) {
    return jdbc.sql("SELECT id FROM fordra_migration_file WHERE sha256 = ?").param(sha256).query(Long.class)
        .optional();
  }

  long insert(String fileName, String sha256, String mode, int rows, int invoices, Instant at, String by) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_migration_file (file_name, sha256, mode, status, row_count, invoice_count, created_count,
          rejected_count, duplicate_count, document_count, received_at, received_by)
        VALUES (?, ?, ?, 'DONE', ?, ?, 0, 0, 0, 0, ?, ?)""")
        .params(fileName, sha256, mode, rows, invoices, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void finish(long id, String status, String problem, int created, int rejected, int duplicates, int documents) {
    jdbc.sql("""
        UPDATE fordra_migration_file SET status = ?, problem = ?, created_count = ?, rejected_count = ?,
          duplicate_count = ?, document_count = ? WHERE id = ?""")
        .params(status, problem, created, rejected, duplicates, documents, id).update();
  }

  void insertOutcome(long fileId, int ordinal, MigrationFileSummary.InvoiceOutcome o, int firstLine, int lastLine,
                     BigDecimal total, BigDecimal paid, BigDecimal fees) {
    jdbc.sql("""
        INSERT INTO fordra_migration_invoice (file_id, ordinal, invoice_number, first_line, last_line, outcome,
          currency, dunning_step, total_amount, paid_amount, fees_amount, open_amount, objection, messages)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(fileId, ordinal, o.invoiceNumber(), firstLine, lastLine, o.outcome().name(), o.currency(),
            o.dunningStep(), total, paid, fees, o.openAmount(), o.objection(),
            o.messages().isEmpty() ? null : truncate(String.join("\n", o.messages()), 10000))
        .update();
  }

  /** Marks every invoice of an all-or-nothing file that would have been created as not created. */
  void notCreated(long fileId) {
    jdbc.sql("UPDATE fordra_migration_invoice SET outcome = 'NOT_CREATED' WHERE file_id = ? AND outcome = 'CREATED'")
        .param(fileId).update();
  }

  Optional<MigrationFileSummary> summary(long id) {
    return jdbc.sql("SELECT * FROM fordra_migration_file WHERE id = ?").param(id)
        .query((rs, n) -> new MigrationFileSummary(rs.getLong("id"), rs.getString("file_name"),
            rs.getString("status"), rs.getString("mode"), rs.getString("problem"), rs.getInt("row_count"),
            rs.getInt("invoice_count"), rs.getInt("created_count"), rs.getInt("rejected_count"),
            rs.getInt("duplicate_count"), rs.getInt("document_count"),
            rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("received_by"),
            report(id), outcomes(id, null, true, 0, LISTED), false))
        .optional();
  }

  MigrationFileSummary.Report report(long fileId) {
    List<MigrationFileSummary.CurrencyTotals> perCurrency = jdbc.sql("""
        SELECT currency, COUNT(*), SUM(total_amount), SUM(paid_amount), SUM(fees_amount), SUM(open_amount),
               SUM(CASE WHEN objection THEN 1 ELSE 0 END)
        FROM fordra_migration_invoice WHERE file_id = ? AND outcome = 'CREATED' GROUP BY currency ORDER BY currency""")
        .param(fileId)
        .query((rs, n) -> new MigrationFileSummary.CurrencyTotals(rs.getString(1), rs.getInt(2), money(rs.getBigDecimal(3)),
            money(rs.getBigDecimal(4)), money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6)), rs.getInt(7)))
        .list();
    List<MigrationFileSummary.StepTotals> perStep = jdbc.sql("""
        SELECT dunning_step, currency, COUNT(*), SUM(open_amount)
        FROM fordra_migration_invoice WHERE file_id = ? AND outcome = 'CREATED'
        GROUP BY dunning_step, currency ORDER BY dunning_step, currency""")
        .param(fileId)
        .query((rs, n) -> new MigrationFileSummary.StepTotals(rs.getString(1), rs.getString(2), rs.getInt(3),
            money(rs.getBigDecimal(4))))
        .list();
    return new MigrationFileSummary.Report(perCurrency, perStep);
  }

  /** The file's invoices in file order after a position; only those not created (or all), at most limit. */
  List<MigrationFileSummary.InvoiceOutcome> outcomes(long fileId, MigrationFileSummary.Outcome outcome,
                                                     boolean problemsOnly, int after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM fordra_migration_invoice WHERE file_id = ? AND ordinal > ?");
    List<Object> params = new java.util.ArrayList<>(List.of(fileId, after));
    if (outcome != null) {
      sql.append(" AND outcome = ?");
      params.add(outcome.name());
    }
    if (problemsOnly) {
      sql.append(" AND outcome <> 'CREATED'");
    }
    sql.append(" ORDER BY ordinal FETCH FIRST ").append(limit).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(MigrationFileRepository::outcome).list();
  }

  private static MigrationFileSummary.InvoiceOutcome outcome(ResultSet rs, int n) throws SQLException {
    int first = rs.getInt("first_line");
    int last = rs.getInt("last_line");
    String messages = rs.getString("messages");
    return new MigrationFileSummary.InvoiceOutcome(rs.getString("invoice_number"),
        first == last ? "line " + first : "lines " + first + "-" + last,
        MigrationFileSummary.Outcome.valueOf(rs.getString("outcome")), rs.getString("currency"),
        rs.getString("dunning_step"), money(rs.getBigDecimal("open_amount")), rs.getBoolean("objection"),
        messages == null ? List.of() : Arrays.asList(messages.split("\n")));
  }

  /** Sums as money: two decimals on every database (H2 sums NUMERIC(17, 2) with scale 1). */
  private static BigDecimal money(BigDecimal sum) {
    return sum == null ? null : sum.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
