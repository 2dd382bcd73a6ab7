package io.fordra.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class LedgerRepository {

  private final JdbcClient jdbc;

  public LedgerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(LedgerEntry e) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_ledger_entry (booking_date, kind, text, currency, invoice_id, payment_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(e.bookingDate(), e.kind().name(), truncate(e.text(), 200), e.currency(), e.invoiceId(),
            e.paymentId(), OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC))
        .update(key, "id");
    long id = key.getKey().longValue();
    int number = 1;
    for (LedgerLine l : e.lines()) {
      jdbc.sql("""
          INSERT INTO fordra_ledger_line (entry_id, line_number, account, amount, invoice_id, customer_number)
          VALUES (?, ?, ?, ?, ?, ?)""")
          .params(id, number++, l.account(), l.amount(), l.invoiceId(), l.customerNumber())
          .update();
    }
    return id;
  }

  /** The balance of an account in one invoice's sub-ledger. */
  public BigDecimal invoiceBalance(long invoiceId, String account) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM fordra_ledger_line WHERE invoice_id = ? AND account = ?")
        .params(invoiceId, account).query(BigDecimal.class).single();
  }

  /** The entries of an invoice, oldest first. */
  public List<LedgerEntry> ofInvoice(long invoiceId) {
    return list(" WHERE e.invoice_id = ?", invoiceId);
  }

  /** The entries of a payment (kept, booked, placed by hand), oldest first. */
  public List<LedgerEntry> ofPayment(long paymentId) {
    return list(" WHERE e.payment_id = ?", paymentId);
  }

  private List<LedgerEntry> list(String where, long id) {
    List<LedgerEntry> entries = new ArrayList<>();
    Collector collector = new Collector(entries::add);
    jdbc.sql(SELECT_ENTRIES + where + " ORDER BY e.id, l.line_number").param(id).query(collector);
    collector.flush();
    return entries;
  }

  /**
   * Streams the entries booked from..to (inclusive) in entry order, one at a time, so that a month of a large
   * ledger is never held in memory whole.
   */
  public void forEachBooked(LocalDate from, LocalDate to, Consumer<LedgerEntry> consumer) {
    Collector collector = new Collector(consumer);
    jdbc.sql(SELECT_ENTRIES + " WHERE e.booking_date BETWEEN ? AND ? ORDER BY e.id, l.line_number")
        .params(from, to).query(collector);
    collector.flush();
  }

  private static final String SELECT_ENTRIES = """
      SELECT e.id, e.booking_date, e.kind, e.text, e.currency, e.invoice_id AS entry_invoice_id, e.payment_id,
             e.created_at, l.account, l.amount, l.invoice_id AS line_invoice_id, l.customer_number
      FROM fordra_ledger_entry e JOIN fordra_ledger_line l ON l.entry_id = e.id""";

  /** Groups the joined rows (ordered by entry) into entries and hands each one on when it is complete. */
  private static final class Collector implements RowCallbackHandler {
    private final Consumer<LedgerEntry> consumer;
    private LedgerEntry current;

    Collector(Consumer<LedgerEntry> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      long id = rs.getLong("id");
      if (current != null && current.id() != id) {
        flush();
      }
      if (current == null) {
        current = new LedgerEntry(id, rs.getObject("booking_date", LocalDate.class),
            EntryKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("currency"),
            rs.getObject("entry_invoice_id", Long.class), rs.getObject("payment_id", Long.class),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), new ArrayList<>());
      }
      current.lines().add(new LedgerLine(rs.getString("account"), rs.getBigDecimal("amount"),
          rs.getObject("line_invoice_id", Long.class), rs.getString("customer_number")));
    }

    void flush() {
      if (current != null) {
        consumer.accept(current);
        current = null;
      }
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

}
