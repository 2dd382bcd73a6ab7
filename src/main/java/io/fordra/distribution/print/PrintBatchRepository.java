package io.fordra.distribution.print;

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

@Repository
class PrintBatchRepository {

  private final JdbcClient jdbc;

  public PrintBatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long nextId() {
    return jdbc.sql("SELECT nextval('fordra_print_batch_seq')").query(Long.class).single();
  }

  /** Fails with a DuplicateKeyException when another transaction holds the open slot. */
  public void insertOpen(long id, String name, Instant createdAt) {
    jdbc.sql("INSERT INTO fordra_print_batch (id, name, status, open_slot, created_at) VALUES (?, ?, ?, 1, ?)")
        .params(id, name, PrintBatchStatus.OPEN.name(), utc(createdAt)).update();
  }

  /**
   * The open batch locked until the transaction ends. A batch closed while we waited for the lock no longer
   * matches (both H2 and PostgreSQL check the condition again once they have the row).
   */
  public Optional<PrintBatch> lockOpen() {
    return jdbc.sql("SELECT * FROM fordra_print_batch WHERE open_slot = 1 FOR UPDATE")
        .query(PrintBatchRepository::map).optional();
  }

  public Optional<PrintBatch> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_print_batch WHERE id = ?").param(id)
        .query(PrintBatchRepository::map).optional();
  }

  public List<PrintBatch> newest(int limit) {
    return jdbc.sql("SELECT * FROM fordra_print_batch ORDER BY id DESC LIMIT " + limit)
        .query(PrintBatchRepository::map).list();
  }

  public void countItem(long batchId, int pages) {
    jdbc.sql("UPDATE fordra_print_batch SET document_count = document_count + 1, page_count = page_count + ? "
            + "WHERE id = ?").params(pages, batchId).update();
  }

  public void handOver(long batchId, Instant closedAt, int documentCount, int pageCount, String pdfFileName,
                       String manifestFileName) {
    jdbc.sql("""
        UPDATE fordra_print_batch SET status = ?, open_slot = NULL, closed_at = ?, document_count = ?, page_count = ?,
          pdf_file_name = ?, manifest_file_name = ? WHERE id = ?""")
        .params(PrintBatchStatus.HANDED_OVER.name(), utc(closedAt), documentCount, pageCount, pdfFileName,
            manifestFileName, batchId)
        .update();
  }

  public PrintItem insertItem(long batchId, long documentId, int attempt, PrintRecipient r, int pages,
                              Instant addedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_print_item (batch_id, document_id, attempt, recipient_name, attention, street, postal_code,
          city, country_code, pages, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(batchId, documentId, attempt, r.name(), r.attention(), r.street(), r.postalCode(), r.city(),
            r.country(), pages, utc(addedAt))
        .update(key, "id");
    return new PrintItem(key.getKey().longValue(), batchId, documentId, attempt, r, null, pages, addedAt);
  }

  public Optional<PrintItem> findItem(long documentId, int attempt) {
    return jdbc.sql("SELECT * FROM fordra_print_item WHERE document_id = ? AND attempt = ?")
        .params(documentId, attempt).query(PrintBatchRepository::mapItem).optional();
  }

  /** The document's item in the batch, under whichever attempt it was added. */
  public Optional<PrintItem> findItemInBatch(long batchId, long documentId) {
    return jdbc.sql("SELECT * FROM fordra_print_item WHERE batch_id = ? AND document_id = ? ORDER BY id LIMIT 1")
        .params(batchId, documentId).query(PrintBatchRepository::mapItem).optional();
  }

  /** The document's item in the open batch, if it waits there. */
  public Optional<PrintItem> findWaitingItem(long documentId) {
    return jdbc.sql("""
        SELECT i.* FROM fordra_print_item i JOIN fordra_print_batch b ON b.id = i.batch_id
        WHERE i.document_id = ? AND b.open_slot = 1 ORDER BY i.id LIMIT 1""")
        .param(documentId).query(PrintBatchRepository::mapItem).optional();
  }

  /** Whether the document was ever put into a print batch (it is then on its way to the customer). */
  public boolean isQueued(long documentId) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_print_item WHERE document_id = ?").param(documentId)
        .query(Integer.class).single() > 0;
  }

  /** The batch's items in the order they were added, which is their order in the PDF. */
  public List<PrintItem> items(long batchId) {
    return jdbc.sql("SELECT * FROM fordra_print_item WHERE batch_id = ? ORDER BY id")
        .param(batchId).query(PrintBatchRepository::mapItem).list();
  }

  public void place(long itemId, int firstPage) {
    jdbc.sql("UPDATE fordra_print_item SET first_page = ? WHERE id = ?").params(firstPage, itemId).update();
  }

  private static PrintBatch map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
    return new PrintBatch(
        rs.getLong("id"),
        rs.getString("name"),
        PrintBatchStatus.valueOf(rs.getString("status")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        closedAt == null ? null : closedAt.toInstant(),
        rs.getInt("document_count"),
        rs.getInt("page_count"),
        rs.getString("pdf_file_name"),
        rs.getString("manifest_file_name"),
        List.of());
  }

  private static PrintItem mapItem(ResultSet rs, int row) throws SQLException {
    return new PrintItem(
        rs.getLong("id"),
        rs.getLong("batch_id"),
        rs.getLong("document_id"),
        rs.getInt("attempt"),
        new PrintRecipient(rs.getString("recipient_name"), rs.getString("attention"), rs.getString("street"),
            rs.getString("postal_code"), rs.getString("city"), rs.getString("country_code")),
        rs.getObject("first_page", Integer.class),
        rs.getInt("pages"),
        rs.getObject("added_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
