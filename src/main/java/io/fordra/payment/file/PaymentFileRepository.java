package io.fordra.payment.file;

import io.fordra.kernel.ImportProgress;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Payment files as received, and the running counts of their import. */
@Repository
class PaymentFileRepository {

  private final JdbcClient jdbc;

  public PaymentFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PaymentFileSummary> findByHash(String sha256) {
    return jdbc.sql("SELECT * FROM fordra_payment_file WHERE sha256 = ?").param(sha256)
        .query(PaymentFileRepository::map).optional();
  }

  public Optional<PaymentFileSummary> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_payment_file WHERE id = ?").param(id)
        .query(PaymentFileRepository::map).optional();
  }

  public byte[] content(long id) {
    return jdbc.sql("SELECT content FROM fordra_payment_file WHERE id = ?").param(id).query(byte[].class).single();
  }

  public long insert(String fileName, String sha256, ParsedPaymentFile parsed, byte[] content, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    jdbc.sql("""
        INSERT INTO fordra_payment_file (file_name, sha256, format, account, content, status, payment_count,
          total_amount, processed, matched_count, matched_amount, partly_count, partly_amount, unmatched_count,
          unmatched_amount, duplicate_count, duplicate_amount, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, ?, 0, ?, 0, ?, ?)""")
        .params(fileName, sha256, parsed.format().name(), parsed.account(), content,
            PaymentFileSummary.Status.IMPORTING.name(), parsed.payments().size(), parsed.total(), zero, zero, zero,
            zero, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /**
   * Takes a chunk's place in the file: {@code processed} moves to the chunk's end, only forward. False when the place
   * is taken already (the same chunk run again): it must book and count nothing. The update locks the file's row, so
   * a second run of a chunk waits for the first and then finds its place taken.
   */
  public boolean claimChunk(long id, int to, Instant at) {
    return jdbc.sql("UPDATE fordra_payment_file SET processed = ?, progress_at = ? WHERE id = ? AND processed < ?")
        .params(to, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id, to).update() == 1;
  }

  /** Adds one chunk's outcome to the counts (one statement, so the summary is never half updated). */
  public void addChunk(long id, PaymentFileSummary.Tally t) {
    jdbc.sql("""
        UPDATE fordra_payment_file SET
          matched_count = matched_count + ?, matched_amount = matched_amount + ?,
          partly_count = partly_count + ?, partly_amount = partly_amount + ?,
          unmatched_count = unmatched_count + ?, unmatched_amount = unmatched_amount + ?,
          duplicate_count = duplicate_count + ?, duplicate_amount = duplicate_amount + ?
        WHERE id = ?""")
        .params(t.matched().count(), t.matched().amount(), t.partlyMatched().count(),
            t.partlyMatched().amount(), t.unmatched().count(), t.unmatched().amount(), t.duplicates().count(),
            t.duplicates().amount(), id)
        .update();
  }

  public void finish(long id, Instant at) {
    jdbc.sql("UPDATE fordra_payment_file SET status = ?, finished_at = ? WHERE id = ?")
        .params(PaymentFileSummary.Status.DONE.name(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id).update();
  }

  /** The rate since the file was received, and while it runs the time left. */
  private static ImportProgress progress(ResultSet rs) throws SQLException {
    OffsetDateTime at = rs.getObject("progress_at", OffsetDateTime.class);
    return ImportProgress.of(rs.getInt("processed"), rs.getInt("payment_count") - rs.getInt("processed"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(), at == null ? null : at.toInstant(),
        PaymentFileSummary.Status.valueOf(rs.getString("status")) == PaymentFileSummary.Status.IMPORTING);
  }

  private static PaymentFileSummary map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    return new PaymentFileSummary(rs.getLong("id"), rs.getString("file_name"),
        ParsedPaymentFile.Format.valueOf(rs.getString("format")), rs.getString("account"),
        PaymentFileSummary.Status.valueOf(rs.getString("status")), rs.getInt("payment_count"),
        rs.getBigDecimal("total_amount"), rs.getInt("processed"),
        new PaymentFileSummary.Tally(
            new PaymentFileSummary.Count(rs.getInt("matched_count"), rs.getBigDecimal("matched_amount")),
            new PaymentFileSummary.Count(rs.getInt("partly_count"), rs.getBigDecimal("partly_amount")),
            new PaymentFileSummary.Count(rs.getInt("unmatched_count"), rs.getBigDecimal("unmatched_amount")),
            new PaymentFileSummary.Count(rs.getInt("duplicate_count"), rs.getBigDecimal("duplicate_amount"))),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(), false, progress(rs));
  }
}
