package io.fordra.invoice.file;

import io.fordra.invoice.file.InvoiceFileSummary.InvoiceOutcome;
import io.fordra.invoice.file.InvoiceFileSummary.Outcome;
import io.fordra.kernel.Capped;
import io.fordra.kernel.ImportProgress;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Invoice files as received: their staged rows, one row per invoice with its outcome, and the running counts. */
@Repository
class InvoiceFileRepository {

  private static final InvoiceFileColumn[] COLUMNS = InvoiceFileColumn.values();
  private static final String ROW_COLUMNS = Arrays.stream(COLUMNS).map(InvoiceFileColumn::sqlColumn)
      .collect(Collectors.joining(", "));
  private static final String INSERT_ROW = "INSERT INTO fordra_invoice_file_row (file_id, line_number, group_key, "
      + "row_problem, " + ROW_COLUMNS + ") VALUES (?, ?, ?, ?" + ", ?".repeat(COLUMNS.length) + ")";
  private static final String CUSTOMER_DETAILS = InvoiceFileColumn.CUSTOMER.stream()
      .map(c -> c.sqlColumn() + " IS NOT NULL").collect(Collectors.joining(" OR "));

  /** The invoices of a file that were not created, or created with a warning. */
  private static final String PROBLEMS = "(outcome <> 'CREATED' OR messages IS NOT NULL)";

  /** One invoice of the file, as grouped from its rows. */
  record Group(String groupKey, String invoiceNumber, int firstLine, int lastLine, int lineCount, Outcome outcome) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public InvoiceFileRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public Optional<InvoiceFileSummary> findByHash(String sha256) {
    return jdbc.sql("SELECT * FROM fordra_invoice_file WHERE sha256 = ?").param(sha256)
        .query(InvoiceFileRepository::map).optional();
  }

  public Optional<InvoiceFileSummary> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_invoice_file WHERE id = ?").param(id)
        .query(InvoiceFileRepository::map).optional();
  }

  long insert(String fileName, String sha256, InvoiceFileSummary.Source source, String inboxName, String encoding,
              char separator, InvoiceFileSummary.Mode mode, Instant at, String receivedBy) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    InvoiceFileSummary.Status status = mode == InvoiceFileSummary.Mode.ALL_OR_NOTHING
        ? InvoiceFileSummary.Status.CHECKING : InvoiceFileSummary.Status.IMPORTING;
    jdbc.sql("""
        INSERT INTO fordra_invoice_file (file_name, sha256, source, inbox_name, encoding, separator_char, mode, status,
          row_count, invoice_count, checked, processed, created_count, rejected_count, duplicate_count, warning_count,
          received_at, received_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?)""")
        .params(fileName, sha256, source.name(), inboxName, encoding, String.valueOf(separator), mode.name(),
            status.name(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), receivedBy)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Stages rows in one JDBC batch. */
  void insertRows(long fileId, List<InvoiceCsvReader.Row> rows) {
    template.batchUpdate(INSERT_ROW, rows, rows.size(), (PreparedStatement ps, InvoiceCsvReader.Row row) -> {
      ps.setLong(1, fileId);
      ps.setInt(2, row.line());
      String number = row.get(InvoiceFileColumn.INVOICE_NUMBER);
      ps.setString(3, groupKey(number, row.line()));
      ps.setString(4, row.problem());
      for (int i = 0; i < COLUMNS.length; i++) {
        ps.setString(5 + i, row.get(COLUMNS[i]));
      }
    });
  }

  /** The key that groups rows into invoices: the invoice number, or for a row without one, its own line. */
  static String groupKey(String invoiceNumber, int line) {
    return invoiceNumber == null ? "#line:" + line
        : invoiceNumber.length() > 60 ? invoiceNumber.substring(0, 50) + "#" + invoiceNumber.hashCode()
        : invoiceNumber;
  }

  /** Groups the staged rows into invoices (in the database: the file may be larger than memory); the counts. */
  void group(long fileId) {
    jdbc.sql("""
        INSERT INTO fordra_invoice_file_invoice (file_id, group_key, invoice_number, first_line, last_line, line_count)
        SELECT file_id, group_key, MIN(invoice_number), MIN(line_number), MAX(line_number), COUNT(*)
        FROM fordra_invoice_file_row WHERE file_id = ? GROUP BY file_id, group_key""").param(fileId).update();
    jdbc.sql("""
        UPDATE fordra_invoice_file SET
          row_count = (SELECT COUNT(*) FROM fordra_invoice_file_row WHERE file_id = ?),
          invoice_count = (SELECT COUNT(*) FROM fordra_invoice_file_invoice WHERE file_id = ?)
        WHERE id = ?""").params(fileId, fileId, fileId).update();
  }

  /** The next invoices of the file in file order (by first line), after the given line. */
  List<Group> groupsAfter(long fileId, int afterLine, int limit) {
    return jdbc.sql("""
        SELECT group_key, invoice_number, first_line, last_line, line_count, outcome FROM fordra_invoice_file_invoice
        WHERE file_id = ? AND first_line > ? ORDER BY first_line FETCH FIRST ? ROWS ONLY""")
        .params(fileId, afterLine, limit)
        .query((rs, n) -> new Group(rs.getString("group_key"), rs.getString("invoice_number"),
            rs.getInt("first_line"), rs.getInt("last_line"), rs.getInt("line_count"),
            rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome"))))
        .list();
  }

  /**
   * The rows of these invoices, per group key, each in line order. The keys are joined as a VALUES list, so that each
   * is looked up in fordra_invoice_file_row (file_id, group_key, line_number): H2 uses an IN list only on an index's
   * first column, and with "group_key IN (...)" read every row of the file for each chunk, an import's time growing
   * with the square of the file's size.
   */
  Map<String, List<InvoiceCsvReader.Row>> rows(long fileId, Collection<String> groupKeys) {
    Map<String, List<InvoiceCsvReader.Row>> rows = new LinkedHashMap<>();
    if (groupKeys.isEmpty()) {
      return rows;
    }
    List<Object> args = new ArrayList<>(groupKeys);
    args.add(fileId);
    template.query("SELECT r.* FROM (VALUES " + "(?), ".repeat(groupKeys.size() - 1) + "(?)) AS k (group_key) "
            + "JOIN fordra_invoice_file_row r ON r.file_id = ? AND r.group_key = k.group_key "
            + "ORDER BY r.group_key, r.line_number",
        (RowCallbackHandler) rs -> {
          rows.computeIfAbsent(rs.getString("group_key"), k -> new ArrayList<>()).add(row(rs));
        }, args.toArray());
    return rows;
  }

  /** The first row of the file that gives details of this customer (any customer column). */
  Optional<InvoiceCsvReader.Row> customerDetails(long fileId, String customerNumber) {
    return jdbc.sql("SELECT * FROM fordra_invoice_file_row WHERE file_id = ? AND customer_number = ? AND ("
            + CUSTOMER_DETAILS + ") ORDER BY line_number FETCH FIRST 1 ROWS ONLY")
        .params(fileId, customerNumber).query((rs, n) -> row(rs)).optional();
  }

  private static InvoiceCsvReader.Row row(ResultSet rs) throws SQLException {
    Map<InvoiceFileColumn, String> values = new EnumMap<>(InvoiceFileColumn.class);
    for (InvoiceFileColumn c : COLUMNS) {
      String v = rs.getString(c.sqlColumn());
      if (v != null) {
        values.put(c, v);
      }
    }
    return new InvoiceCsvReader.Row(rs.getInt("line_number"), values, rs.getString("row_problem"));
  }

  /** What became of these invoices (one batch). */
  void recordOutcomes(long fileId, List<Processed> outcomes) {
    template.batchUpdate("UPDATE fordra_invoice_file_invoice SET outcome = ?, total_amount = ?, currency = ?, "
        + "messages = ? WHERE file_id = ? AND group_key = ?", outcomes, outcomes.size(), (ps, o) -> {
          ps.setString(1, o.outcome() == null ? null : o.outcome().name());
          ps.setBigDecimal(2, o.total());
          ps.setString(3, o.currency());
          ps.setString(4, o.messages().isEmpty() ? null
              : truncate(String.join("\n", Capped.list(o.messages(), more -> "… " + Capped.more(more)))));
          ps.setLong(5, fileId);
          ps.setString(6, o.groupKey());
        });
  }

  /** One invoice processed: outcome null for an invoice that a check found valid (it is created later). */
  record Processed(String groupKey, Outcome outcome, BigDecimal total, String currency, List<String> messages) {}

  private static String truncate(String messages) {
    return messages.length() <= 10000 ? messages : messages.substring(0, 9990) + "\n…";
  }

  /**
   * Takes a chunk's place in the file: the file's position moves to the chunk's last invoice, only forward. False when
   * the place is taken already (the same chunk run again): it must count nothing. The update locks the file's row, so
   * a second run of a chunk waits for the first and then finds its place taken.
   */
  boolean claimChunk(long fileId, boolean checking, int lastLine, Instant at) {
    String position = checking ? "checked_up_to_line" : "created_up_to_line";
    return jdbc.sql("UPDATE fordra_invoice_file SET " + position + " = ?, progress_at = ? WHERE id = ? AND "
            + position + " < ?")
        .params(lastLine, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), fileId, lastLine).update() == 1;
  }

  /** Adds one chunk to the counts (one statement, so the summary is never half updated). */
  void addChunk(long fileId, boolean checking, int processed, int created, int rejected, int duplicates,
                int withWarnings) {
    jdbc.sql("UPDATE fordra_invoice_file SET " + (checking ? "checked = checked + ?" : "processed = processed + ?")
            + ", created_count = created_count + ?, rejected_count = rejected_count + ?,"
            + " duplicate_count = duplicate_count + ?, warning_count = warning_count + ?"
            // An all-or-nothing file whose check passed is being created now.
            + (checking ? "" : ", status = 'IMPORTING'") + " WHERE id = ?")
        .params(processed, created, rejected, duplicates, withWarnings, fileId).update();
  }

  /** The file is done (or rejected): its staged rows go, the outcome of each invoice stays. */
  void finish(long fileId, InvoiceFileSummary.Status status, Instant at) {
    jdbc.sql("UPDATE fordra_invoice_file SET status = ?, finished_at = ? WHERE id = ?")
        .params(status.name(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), fileId).update();
    jdbc.sql("DELETE FROM fordra_invoice_file_row WHERE file_id = ?").param(fileId).update();
  }

  /** An all-or-nothing file is rejected: every invoice not yet refused is NOT_CREATED. */
  int markNotCreated(long fileId) {
    return jdbc.sql("UPDATE fordra_invoice_file_invoice SET outcome = ? WHERE file_id = ? AND outcome IS NULL")
        .params(Outcome.NOT_CREATED.name(), fileId).update();
  }

  /**
   * The file's invoices in file order after a line, optionally only one outcome, or (problemsOnly) only those not
   * created or created with a warning.
   */
  List<InvoiceOutcome> outcomes(long fileId, Outcome outcome, boolean problemsOnly, int afterLine, int limit) {
    return jdbc.sql("SELECT * FROM fordra_invoice_file_invoice WHERE file_id = ? AND first_line > ?"
            + (outcome != null ? " AND outcome = '" + outcome.name() + "'" : "")
            + (problemsOnly ? " AND " + PROBLEMS : "")
            + " ORDER BY first_line FETCH FIRST ? ROWS ONLY")
        .params(fileId, afterLine, limit)
        .query((rs, n) -> new InvoiceOutcome(rs.getString("invoice_number"), rs.getInt("first_line"),
            rs.getInt("last_line"), rs.getInt("line_count"),
            rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
            rs.getBigDecimal("total_amount"),
            rs.getString("messages") == null ? List.of() : List.of(rs.getString("messages").split("\n"))))
        .list();
  }

  private static InvoiceFileSummary map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    String separator = rs.getString("separator_char");
    return new InvoiceFileSummary(rs.getLong("id"), rs.getString("file_name"),
        InvoiceFileSummary.Source.valueOf(rs.getString("source")),
        InvoiceFileSummary.Mode.valueOf(rs.getString("mode")),
        InvoiceFileSummary.Status.valueOf(rs.getString("status")), rs.getString("encoding"),
        InvoiceCsvReader.printable(separator.charAt(0)), rs.getInt("row_count"), rs.getInt("invoice_count"),
        rs.getInt("checked"), rs.getInt("processed"), rs.getInt("created_count"), rs.getInt("rejected_count"),
        rs.getInt("duplicate_count"), rs.getInt("warning_count"), Map.of(),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("received_by"),
        finished == null ? null : finished.toInstant(), List.of(), 0, false, progress(rs));
  }

  /** The rate since the file was received, and while it runs the time left: all-or-nothing files are gone over twice. */
  private static ImportProgress progress(ResultSet rs) throws SQLException {
    InvoiceFileSummary.Status status = InvoiceFileSummary.Status.valueOf(rs.getString("status"));
    boolean twice = InvoiceFileSummary.Mode.valueOf(rs.getString("mode")) == InvoiceFileSummary.Mode.ALL_OR_NOTHING;
    int invoices = rs.getInt("invoice_count");
    int done = rs.getInt("checked") + rs.getInt("processed");
    OffsetDateTime at = rs.getObject("progress_at", OffsetDateTime.class);
    return ImportProgress.of(done, (twice ? 2 * invoices : invoices) - done,
        rs.getObject("received_at", OffsetDateTime.class).toInstant(), at == null ? null : at.toInstant(),
        status == InvoiceFileSummary.Status.CHECKING || status == InvoiceFileSummary.Status.IMPORTING);
  }

  /** The total of the created invoices per currency. */
  Map<String, BigDecimal> createdTotals(long fileId) {
    Map<String, BigDecimal> totals = new java.util.TreeMap<>();
    jdbc.sql("SELECT currency, SUM(total_amount) AS total FROM fordra_invoice_file_invoice WHERE file_id = ? "
            + "AND outcome = 'CREATED' GROUP BY currency").param(fileId)
        .query(rs -> {
          totals.put(rs.getString("currency"), rs.getBigDecimal("total").setScale(2));
        });
    return totals;
  }

  /** How many of the file's invoices were not created, or created with a warning. */
  int problemCount(long fileId) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_invoice_file_invoice WHERE file_id = ? AND " + PROBLEMS)
        .param(fileId).query(Integer.class).single();
  }

  String inboxName(long fileId) {
    return jdbc.sql("SELECT inbox_name FROM fordra_invoice_file WHERE id = ?").param(fileId).query(String.class)
        .single();
  }
}
