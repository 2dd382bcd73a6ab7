package io.fordra.close;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** fordra_month_end_close: each close with its figures and differences (JSON) and the review. */
@Repository
class MonthEndCloseRepository {

  private static final TypeReference<List<Reconciliation.Figures>> FIGURES = new TypeReference<>() {};
  private static final TypeReference<List<Reconciliation.Difference>> DIFFERENCES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public MonthEndCloseRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public long insert(String period, String startedBy, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_month_end_close (period, status, started_by, difference_count, started_at)
        VALUES (?, ?, ?, 0, ?)""")
        .params(period, MonthEndCloseStatus.RUNNING.name(), startedBy, utc(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void processInstance(long id, String processInstanceId) {
    jdbc.sql("UPDATE fordra_month_end_close SET process_instance_id = ? WHERE id = ?")
        .params(processInstanceId, id).update();
  }

  public void reconciled(long id, Reconciliation.Result result, MonthEndCloseStatus status, Instant at) {
    jdbc.sql("""
        UPDATE fordra_month_end_close SET status = ?, aging_date = ?, figures = ?, differences = ?,
          difference_count = ?, reconciled_at = ? WHERE id = ?""")
        .params(status.name(), result.agingDate(), write(result.figures()), write(result.differences()),
            result.differenceCount(), utc(at), id)
        .update();
  }

  public void decided(long id, String user, String decision, String comment, Instant at) {
    jdbc.sql("""
        UPDATE fordra_month_end_close SET status = ?, decided_by = ?, decision = ?, decision_comment = ?,
          decided_at = ? WHERE id = ?""")
        .params(MonthEndCloseStatus.REVIEWED.name(), user, decision, comment, utc(at), id)
        .update();
  }

  public void closed(long id, Instant at) {
    jdbc.sql("UPDATE fordra_month_end_close SET closed_at = ? WHERE id = ?").params(utc(at), id).update();
  }

  /** A close that closes its month: recorded (closed_at) or its differences reviewed, and not reopened. */
  private static final String CLOSING = "(closed_at IS NOT NULL OR status = 'REVIEWED') AND reopened_at IS NULL";

  /** Whether a close of the month has been recorded (closed_at) or its differences reviewed, and not reopened. */
  public boolean anyClosed(String period) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_month_end_close WHERE period = ? AND " + CLOSING)
        .param(period).query(Integer.class).single() > 0;
  }

  /** The closed months (YYYY-MM) from the given one on. */
  public List<String> closedPeriodsFrom(String period) {
    return jdbc.sql("SELECT DISTINCT period FROM fordra_month_end_close WHERE period >= ? AND " + CLOSING)
        .param(period).query(String.class).list();
  }

  /** When the month's first close that still closes it was recorded (or reviewed). */
  public Optional<Instant> closedAt(String period) {
    return jdbc.sql("SELECT MIN(COALESCE(closed_at, decided_at)) FROM fordra_month_end_close WHERE period = ? AND "
            + CLOSING).param(period)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().map(OffsetDateTime::toInstant);
  }

  /** Reopens the month: every close of it that closes it is marked reopened, with who, when and why. */
  /** Locks the closes of a month until the transaction ends: two reopens of one month run one after the other. */
  public void lockPeriod(String period) {
    jdbc.sql("SELECT id FROM fordra_month_end_close WHERE period = ? FOR UPDATE").param(period)
        .query(Long.class).list();
  }

  /** The number of closes reopened. */
  public int reopened(String period, String user, String reason, Instant at) {
    return jdbc.sql("UPDATE fordra_month_end_close SET status = ?, reopened_by = ?, reopened_at = ?, reopen_reason = ? "
            + "WHERE period = ? AND " + CLOSING)
        .params(MonthEndCloseStatus.REOPENED.name(), user, utc(at), reason, period).update();
  }

  public Optional<MonthEndCloseView> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_month_end_close WHERE id = ?").param(id).query(this::map).optional();
  }

  /** The closes of a month (all months when null), newest first. */
  public List<MonthEndCloseView> list(String period, int limit) {
    return period == null
        ? jdbc.sql("SELECT * FROM fordra_month_end_close ORDER BY id DESC LIMIT " + limit).query(this::map).list()
        : jdbc.sql("SELECT * FROM fordra_month_end_close WHERE period = ? ORDER BY id DESC LIMIT " + limit)
            .param(period).query(this::map).list();
  }

  private MonthEndCloseView map(ResultSet rs, int row) throws SQLException {
    String figures = rs.getString("figures");
    String differences = rs.getString("differences");
    return new MonthEndCloseView(rs.getLong("id"), rs.getString("period"),
        MonthEndCloseStatus.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
        rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "reconciled_at"),
        rs.getObject("aging_date", LocalDate.class), figures == null ? List.of() : read(figures, FIGURES),
        rs.getInt("difference_count"), differences == null ? List.of() : read(differences, DIFFERENCES),
        rs.getString("decided_by"), rs.getString("decision"), rs.getString("decision_comment"),
        instant(rs, "decided_at"), instant(rs, "closed_at"), rs.getString("reopened_by"), instant(rs, "reopened_at"),
        rs.getString("reopen_reason"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      // Stored by an earlier Fordra, perhaps with a field since dropped: not the strict reading of /api requests.
      return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fordra_month_end_close holds JSON that does not read: " + e.getMessage(), e);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
