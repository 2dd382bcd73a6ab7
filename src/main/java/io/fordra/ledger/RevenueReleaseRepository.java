package io.fordra.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** fordra_revenue_release: the release plan of each periodised invoice line, one row per month. */
@Repository
class RevenueReleaseRepository {

  /** A month's share of a line, as planned, with what a credit note cancelled of it. */
  record Planned(long id, long invoiceId, String invoiceNumber, LocalDate invoiceBookingDate, int lineNumber,
                 String currency, String revenueAccount, String deferredAccount, String period, BigDecimal amount,
                 BigDecimal credited) {

    BigDecimal left() {
      return amount.subtract(credited);
    }
  }

  private final JdbcClient jdbc;

  RevenueReleaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void plan(long invoiceId, int lineNumber, String currency, String revenueAccount, String deferredAccount,
            Map<java.time.YearMonth, BigDecimal> shares) {
    shares.forEach((month, amount) -> jdbc.sql("""
            INSERT INTO fordra_revenue_release (invoice_id, line_number, currency, revenue_account, deferred_account,
              period, amount) VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(invoiceId, lineNumber, currency, revenueAccount, deferredAccount, month.toString(), amount)
        .update());
  }

  boolean anyPlanned(long invoiceId) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_revenue_release WHERE invoice_id = ?").param(invoiceId)
        .query(Integer.class).single() > 0;
  }

  private static final String SELECT = """
      SELECT r.id, r.invoice_id, i.invoice_number, COALESCE(i.booking_date, i.issue_date) AS invoice_booking_date,
             r.line_number, r.currency, r.revenue_account, r.deferred_account, r.period, r.amount, r.credited_amount
      FROM fordra_revenue_release r JOIN fordra_invoice i ON i.id = r.invoice_id
      WHERE r.entry_id IS NULL AND r.amount > r.credited_amount""";

  private static final String LOCK =
      "SELECT id FROM fordra_revenue_release WHERE entry_id IS NULL AND amount > credited_amount";

  /**
   * The unreleased shares of months up to and including {@code period}, locked until the transaction ends (two
   * closes of one month at once release each share once), by invoice, month and line.
   */
  List<Planned> dueLocked(String period) {
    // Locked on the plan table alone (a join FOR UPDATE would lock the invoices too), then read with the invoice.
    jdbc.sql(LOCK + " AND period <= ? FOR UPDATE").param(period).query(Long.class).list();
    return jdbc.sql(SELECT + " AND r.period <= ? ORDER BY r.invoice_id, r.period, r.line_number")
        .param(period).query(RevenueReleaseRepository::map).list();
  }

  /** The unreleased shares of one line, latest month first, locked until the transaction ends. */
  List<Planned> unreleasedLocked(long invoiceId, int lineNumber) {
    jdbc.sql(LOCK + " AND invoice_id = ? AND line_number = ? FOR UPDATE").params(invoiceId, lineNumber)
        .query(Long.class).list();
    return jdbc.sql(SELECT + " AND r.invoice_id = ? AND r.line_number = ? ORDER BY r.period DESC")
        .params(invoiceId, lineNumber).query(RevenueReleaseRepository::map).list();
  }

  void credited(long id, BigDecimal credited) {
    jdbc.sql("UPDATE fordra_revenue_release SET credited_amount = ? WHERE id = ?").params(credited, id).update();
  }

  void released(List<Long> ids, long entryId) {
    for (Long id : ids) {
      jdbc.sql("UPDATE fordra_revenue_release SET entry_id = ? WHERE id = ? AND entry_id IS NULL")
          .params(entryId, id).update();
    }
  }

  /** What is still to be released of one invoice. */
  BigDecimal unreleased(long invoiceId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount - credited_amount), 0) FROM fordra_revenue_release "
        + "WHERE invoice_id = ? AND entry_id IS NULL").param(invoiceId).query(BigDecimal.class).single();
  }

  private static Planned map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Planned(rs.getLong("id"), rs.getLong("invoice_id"), rs.getString("invoice_number"),
        rs.getObject("invoice_booking_date", LocalDate.class), rs.getInt("line_number"), rs.getString("currency"),
        rs.getString("revenue_account"), rs.getString("deferred_account"), rs.getString("period"),
        rs.getBigDecimal("amount"), rs.getBigDecimal("credited_amount"));
  }
}
