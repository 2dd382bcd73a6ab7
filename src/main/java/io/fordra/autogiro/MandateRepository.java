package io.fordra.autogiro;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** fordra_mandate (V37, V38): the direct-debit mandates of both schemes. */
@Repository
class MandateRepository {

  private final JdbcClient jdbc;

  MandateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Mandate m) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_mandate (scheme, customer_number, payer_number, payer_account, payer_id, status,
          status_code, status_text, origin, pending_action, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(m.scheme().name(), m.customerNumber(), m.payerNumber(), m.payerAccount(), m.payerId(),
            m.status().name(), m.statusCode(), m.statusText(), m.origin().name(),
            m.pendingAction() == null ? null : m.pendingAction().name(), utc(m.createdAt()), utc(m.updatedAt()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Mandate> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_mandate WHERE id = ?").param(id).query(MandateRepository::map).optional();
  }

  Optional<Mandate> lock(long id) {
    return jdbc.sql("SELECT * FROM fordra_mandate WHERE id = ? FOR UPDATE").param(id)
        .query(MandateRepository::map).optional();
  }

  /**
   * The mandate of this payer number; an Autogiro payer number leading zeros aside (the bank writes it zero-filled,
   * so 04712 is 4712), the first where payer numbers taken over from before (V37) are the same but for them.
   */
  Optional<Mandate> byPayerNumber(MandateScheme scheme, String payerNumber) {
    return byPayerNumberDigits(scheme, payerNumber).stream().findFirst();
  }

  /** The mandates whose payer number is these digits, leading zeros aside for Autogiro; more than one is ambiguous. */
  List<Mandate> byPayerNumberDigits(MandateScheme scheme, String payerNumber) {
    if (scheme != MandateScheme.AUTOGIRO || payerNumber == null || !payerNumber.matches("\\d+")) {
      return jdbc.sql("SELECT * FROM fordra_mandate WHERE scheme = ? AND payer_number = ? ORDER BY id")
          .params(scheme.name(), payerNumber).query(MandateRepository::map).list();
    }
    String digits = MandatePayers.canonical(payerNumber);
    return jdbc.sql("SELECT * FROM fordra_mandate WHERE scheme = ? "
            + "AND (payer_number = ? OR LTRIM(payer_number, '0') = ?) ORDER BY id")
        .params(scheme.name(), digits, digits).query(MandateRepository::map).list();
  }

  List<Mandate> ofCustomer(String customerNumber) {
    return jdbc.sql("SELECT * FROM fordra_mandate WHERE customer_number = ? ORDER BY id").param(customerNumber)
        .query(MandateRepository::map).list();
  }

  /** The customer's active mandate of the scheme (the newest, should the bank have approved two). */
  Optional<Mandate> active(String customerNumber, MandateScheme scheme) {
    return jdbc.sql("""
        SELECT * FROM fordra_mandate WHERE customer_number = ? AND scheme = ? AND status = 'ACTIVE'
        ORDER BY id DESC""").params(customerNumber, scheme.name()).query(MandateRepository::map).list()
        .stream().findFirst();
  }

  /** The ids of the mandates of the scheme with something to tell the bank, oldest first. */
  List<Long> pending(MandateScheme scheme) {
    return jdbc.sql("SELECT id FROM fordra_mandate WHERE scheme = ? AND pending_action IS NOT NULL ORDER BY id")
        .param(scheme.name()).query(Long.class).list();
  }

  /**
   * Takes the mandate's pending action into the file: only when it is still the same action (another node that got
   * there first has cleared it). A new mandate becomes SENT. Returns whether this call took it.
   */
  boolean claim(long id, Mandate.PendingAction action, long fileId, Instant at) {
    return jdbc.sql("""
        UPDATE fordra_mandate SET pending_action = NULL, file_id = ?, updated_at = ?, version = version + 1,
          status = CASE WHEN status = 'REQUESTED' THEN 'SENT' ELSE status END
        WHERE id = ? AND pending_action = ?""")
        .params(fileId, utc(at), id, action.name()).update() == 1;
  }

  void update(Mandate m) {
    jdbc.sql("""
        UPDATE fordra_mandate SET customer_number = ?, payer_number = ?, payer_account = ?, payer_id = ?, status = ?,
          status_code = ?, status_text = ?, pending_action = ?, updated_at = ?, version = version + 1
        WHERE id = ?""")
        .params(m.customerNumber(), m.payerNumber(), m.payerAccount(), m.payerId(), m.status().name(),
            m.statusCode(), m.statusText(), m.pendingAction() == null ? null : m.pendingAction().name(),
            utc(m.updatedAt()), m.id())
        .update();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Mandate map(ResultSet rs, int row) throws SQLException {
    String pending = rs.getString("pending_action");
    return new Mandate(rs.getLong("id"), MandateScheme.valueOf(rs.getString("scheme")),
        rs.getString("customer_number"), rs.getString("payer_number"), rs.getString("payer_account"),
        rs.getString("payer_id"), MandateStatus.valueOf(rs.getString("status")), rs.getString("status_code"),
        rs.getString("status_text"), Mandate.Origin.valueOf(rs.getString("origin")),
        pending == null ? null : Mandate.PendingAction.valueOf(pending),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
