package io.fordra.autogiro;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The mandate files to Bankgirot and the mandate advice files from it (V38). */
@Repository
class MandateFileRepository {

  /** A mandate file to the bank, delivered to the outbox or not yet. */
  record OutgoingFile(long id, String fileName, LocalDate fileDate, int records, byte[] content, Instant createdAt,
                      Instant deliveredAt) {}

  /** What became of one TK73. */
  record Note(int lineNo, String payerNumber, String outcome, String message) {}

  record AdviceFile(long id, String fileName, String sha256, LocalDate writtenOn, int records, int applied,
                    int keptAside, Instant receivedAt) {}

  private final JdbcClient jdbc;

  MandateFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertOutgoing(LocalDate date, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    // The name is the id's until the content is known (names are unique).
    jdbc.sql("""
        INSERT INTO fordra_autogiro_mandate_file (file_name, file_date, records, content, created_at)
        VALUES (?, ?, 0, ?, ?)""")
        .params("pending-" + java.util.UUID.randomUUID(), date, new byte[0], utc(at)).update(key, "id");
    return key.getKey().longValue();
  }

  void completeOutgoing(long id, String fileName, int records, byte[] content) {
    jdbc.sql("UPDATE fordra_autogiro_mandate_file SET file_name = ?, records = ?, content = ? WHERE id = ?")
        .params(fileName, records, content, id).update();
  }

  void deleteOutgoing(long id) {
    jdbc.sql("DELETE FROM fordra_autogiro_mandate_file WHERE id = ?").param(id).update();
  }

  List<OutgoingFile> undelivered() {
    return jdbc.sql("SELECT * FROM fordra_autogiro_mandate_file WHERE delivered_at IS NULL AND records > 0 ORDER BY id")
        .query(MandateFileRepository::mapOutgoing).list();
  }

  List<OutgoingFile> outgoing() {
    return jdbc.sql("SELECT * FROM fordra_autogiro_mandate_file WHERE records > 0 ORDER BY id")
        .query(MandateFileRepository::mapOutgoing).list();
  }

  void delivered(long id, Instant at) {
    jdbc.sql("UPDATE fordra_autogiro_mandate_file SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL")
        .params(utc(at), id).update();
  }

  Optional<AdviceFile> adviceBySha(String sha256) {
    return jdbc.sql("SELECT * FROM fordra_autogiro_advice_file WHERE sha256 = ?").param(sha256)
        .query(MandateFileRepository::advice).optional();
  }

  Optional<AdviceFile> advice(long id) {
    return jdbc.sql("SELECT * FROM fordra_autogiro_advice_file WHERE id = ?").param(id)
        .query(MandateFileRepository::advice).optional();
  }

  long insertAdvice(String fileName, String sha256, LocalDate writtenOn, int records, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_autogiro_advice_file (file_name, sha256, written_on, records, applied, kept_aside,
          received_at) VALUES (?, ?, ?, ?, 0, 0, ?)""")
        .params(fileName, sha256, writtenOn, records, utc(at)).update(key, "id");
    return key.getKey().longValue();
  }

  void counts(long id, int applied, int keptAside) {
    jdbc.sql("UPDATE fordra_autogiro_advice_file SET applied = ?, kept_aside = ? WHERE id = ?")
        .params(applied, keptAside, id).update();
  }

  void note(long fileId, Note note) {
    jdbc.sql("""
        INSERT INTO fordra_autogiro_advice_note (file_id, line_no, payer_number, outcome, message)
        VALUES (?, ?, ?, ?, ?)""")
        .params(fileId, note.lineNo(), note.payerNumber(), note.outcome(),
            note.message().length() > 500 ? note.message().substring(0, 499) + "…" : note.message())
        .update();
  }

  /** The first notes of a file, by line (a file of any size answers with a bounded list). */
  List<Note> notes(long fileId, int limit) {
    return jdbc.sql("SELECT * FROM fordra_autogiro_advice_note WHERE file_id = ? ORDER BY line_no "
            + "FETCH FIRST ? ROWS ONLY").params(fileId, limit)
        .query((rs, row) -> new Note(rs.getInt("line_no"), rs.getString("payer_number"), rs.getString("outcome"),
            rs.getString("message"))).list();
  }

  private static OutgoingFile mapOutgoing(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
    return new OutgoingFile(rs.getLong("id"), rs.getString("file_name"), rs.getObject("file_date", LocalDate.class),
        rs.getInt("records"), rs.getBytes("content"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        delivered == null ? null : delivered.toInstant());
  }

  private static AdviceFile advice(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new AdviceFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
        rs.getObject("written_on", LocalDate.class), rs.getInt("records"), rs.getInt("applied"),
        rs.getInt("kept_aside"), rs.getObject("received_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
