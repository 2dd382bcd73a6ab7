package io.fordra.avtalegiro;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The AvtaleGiro rows of fordra_mandate (scheme AVTALEGIRO) and the agreement files received. */
@Repository
class AvtaleGiroRepository {

  static final String SCHEME = "AVTALEGIRO";

  private final JdbcClient jdbc;

  AvtaleGiroRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An AvtaleGiro mandate as the bank last told it. */
  record Mandate(long id, String customerNumber, String payerNumber, String status, Boolean bankNotifies,
                 String origin) {}

  /** A file received before, by its SHA-256. */
  record FileOutcome(long id, String fileName, int agreements, int changed, int unchanged, int keptAside) {}

  Optional<Mandate> find(String kid) {
    return jdbc.sql("SELECT id, customer_number, payer_number, status, bank_notifies, origin FROM fordra_mandate "
            + "WHERE scheme = ? AND payer_number = ? FOR UPDATE")
        .param(SCHEME).param(kid)
        .query((rs, n) -> new Mandate(rs.getLong("id"), rs.getString("customer_number"), rs.getString("payer_number"),
            rs.getString("status"), (Boolean) rs.getObject("bank_notifies"), rs.getString("origin")))
        .optional();
  }

  void insert(String customerNumber, String kid, String status, String statusCode, String statusText,
              boolean bankNotifies, Instant at) {
    jdbc.sql("INSERT INTO fordra_mandate (scheme, customer_number, payer_number, status, status_code, status_text, "
            + "bank_notifies, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'BANK', ?, ?)")
        .params(SCHEME, customerNumber, kid, status, statusCode, statusText, bankNotifies, Timestamp.from(at),
            Timestamp.from(at))
        .update();
  }

  void update(long id, String status, String statusCode, String statusText, Boolean bankNotifies, Instant at) {
    jdbc.sql("UPDATE fordra_mandate SET status = ?, status_code = ?, status_text = ?, bank_notifies = ?, "
            + "updated_at = ?, version = version + 1 WHERE id = ?")
        .params(status, statusCode, statusText, bankNotifies, Timestamp.from(at), id)
        .update();
  }

  Optional<FileOutcome> findFile(String sha256) {
    return jdbc.sql("SELECT id, file_name, agreements, changed, unchanged, kept_aside FROM fordra_avtalegiro_file "
            + "WHERE sha256 = ?").param(sha256)
        .query((rs, n) -> new FileOutcome(rs.getLong("id"), rs.getString("file_name"), rs.getInt("agreements"),
            rs.getInt("changed"), rs.getInt("unchanged"), rs.getInt("kept_aside")))
        .optional();
  }

  long insertFile(String fileName, String sha256, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO fordra_avtalegiro_file (file_name, sha256, received_at, agreements, changed, unchanged, "
            + "kept_aside) VALUES (?, ?, ?, 0, 0, 0, 0)")
        .params(fileName, sha256, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void finishFile(long id, int agreements, int changed, int unchanged, int keptAside) {
    jdbc.sql("UPDATE fordra_avtalegiro_file SET agreements = ?, changed = ?, unchanged = ?, kept_aside = ? "
            + "WHERE id = ?").params(agreements, changed, unchanged, keptAside, id).update();
  }

  void insertAside(long fileId, int line, String kid, String reason) {
    jdbc.sql("INSERT INTO fordra_avtalegiro_aside (file_id, line_number, kid, reason) VALUES (?, ?, ?, ?)")
        .params(fileId, line, kid, reason.length() > 500 ? reason.substring(0, 500) : reason).update();
  }

  List<String> aside(long fileId) {
    return jdbc.sql("SELECT line_number, kid, reason FROM fordra_avtalegiro_aside WHERE file_id = ? "
            + "ORDER BY line_number").param(fileId)
        .query((rs, n) -> "line " + rs.getInt("line_number") + " (KID " + rs.getString("kid") + "): "
            + rs.getString("reason"))
        .list();
  }
}
