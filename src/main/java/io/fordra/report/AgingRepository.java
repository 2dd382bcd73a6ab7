package io.fordra.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The aging report's one query: the open amounts summed per customer, currency and bucket in the database. */
@Repository
class AgingRepository {

  private final JdbcClient jdbc;

  AgingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What each invoice had open at the end of the day, from the sub-ledger: its open amount now, with what was booked
   * after the day taken back (payments and credit notes added again, fees and write-offs taken off), for the invoices
   * booked by then (issue date, or the first open day when that month was closed). Only the changes after the day
   * are read, summed per invoice in one join (with a million open invoices, one hash probe per invoice instead of
   * four), so an aging for today reads nothing more than the invoices. Never from the ledger: the month-end close
   * compares this with the ledger. in_plan: the invoice is in a payment plan that runs now and was asked for by the
   * end of the day (the plans keep no history of when they ran; the running plans are few, joined by hash).
   */
  private static final String OPEN_AT_END_OF_DAY = """
      SELECT i.customer_number, i.currency, i.due_date,
             i.total_amount + i.fees_amount - i.paid_amount - i.credited_amount - i.written_off_amount
             + COALESCE(later.amount, 0) AS open_amount,
             CASE WHEN planned.invoice_id IS NULL THEN 0 ELSE 1 END AS in_plan
      FROM fordra_invoice i
      LEFT JOIN (SELECT DISTINCT pi.invoice_id FROM fordra_payment_plan_invoice pi
                 JOIN fordra_payment_plan p ON p.id = pi.plan_id
                 WHERE p.status = 'RUNNING' AND CAST(p.created_at AS DATE) <= :day) planned
        ON planned.invoice_id = i.id
      LEFT JOIN (SELECT invoice_id, SUM(amount) AS amount FROM (
                   SELECT invoice_id, amount FROM fordra_payment
                   WHERE invoice_id IS NOT NULL AND COALESCE(booking_date, paid_at) > :day
                   UNION ALL
                   SELECT invoice_id, amount FROM fordra_credit_note
                   WHERE COALESCE(booking_date, CAST(created_at AS DATE)) > :day
                   UNION ALL
                   SELECT invoice_id, CASE WHEN kind = 'FEE' THEN -amount ELSE amount END FROM fordra_invoice_adjustment
                   WHERE kind IN ('FEE', 'WRITE_OFF') AND booking_date > :day) booked_later
                 GROUP BY invoice_id) later ON later.invoice_id = i.id
      WHERE COALESCE(i.booking_date, i.issue_date) <= :day""";

  /** The customers with something open at the end of the day, per currency, largest first. */
  List<AgingReport.Row> rows(LocalDate date) {
    // Days past due = date - due_date; the bucket boundaries are due dates, so the query compares dates only.
    // Summed per customer and currency first, then joined to the customers: the join, the sort and the rows carried
    // are per customer, not per invoice.
    return jdbc.sql("""
        SELECT c.customer_number, c.name, a.currency, a.not_due, a.d1_30, a.d31_60, a.d61_90, a.over_90, a.total,
               a.invoices, a.in_plan
        FROM (SELECT o.customer_number, o.currency,
                SUM(CASE WHEN o.due_date >= :day THEN o.open_amount ELSE 0 END) AS not_due,
                SUM(CASE WHEN o.due_date < :day AND o.due_date >= :d30 THEN o.open_amount ELSE 0 END) AS d1_30,
                SUM(CASE WHEN o.due_date < :d30 AND o.due_date >= :d60 THEN o.open_amount ELSE 0 END) AS d31_60,
                SUM(CASE WHEN o.due_date < :d60 AND o.due_date >= :d90 THEN o.open_amount ELSE 0 END) AS d61_90,
                SUM(CASE WHEN o.due_date < :d90 THEN o.open_amount ELSE 0 END) AS over_90,
                SUM(o.open_amount) AS total, COUNT(*) AS invoices,
                SUM(CASE WHEN o.in_plan = 1 THEN o.open_amount ELSE 0 END) AS in_plan
              FROM (""" + OPEN_AT_END_OF_DAY + """
              ) o
              WHERE o.open_amount > 0
              GROUP BY o.customer_number, o.currency) a
        JOIN fordra_customer c ON c.customer_number = a.customer_number
        ORDER BY a.currency, a.total DESC, c.customer_number""")
        .param("day", date).param("d30", date.minusDays(30)).param("d60", date.minusDays(60))
        .param("d90", date.minusDays(90))
        .query((rs, n) -> new AgingReport.Row(rs.getString(1), rs.getString(2), rs.getString(3),
            money(rs.getBigDecimal(4)), money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6)),
            money(rs.getBigDecimal(7)), money(rs.getBigDecimal(8)), money(rs.getBigDecimal(9)), rs.getInt(10),
            money(rs.getBigDecimal(11))))
        .list();
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
  }
}
