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

  /** The customers with something open on the day, per currency, largest first. */
  List<AgingReport.Row> rows(LocalDate date) {
    // Days past due = date - due_date; the bucket boundaries are due dates, so the query compares dates only.
    return jdbc.sql("""
        SELECT c.customer_number, c.name, o.currency,
          SUM(CASE WHEN o.due_date >= ? THEN o.open_amount ELSE 0 END) AS not_due,
          SUM(CASE WHEN o.due_date < ? AND o.due_date >= ? THEN o.open_amount ELSE 0 END) AS d1_30,
          SUM(CASE WHEN o.due_date < ? AND o.due_date >= ? THEN o.open_amount ELSE 0 END) AS d31_60,
          SUM(CASE WHEN o.due_date < ? AND o.due_date >= ? THEN o.open_amount ELSE 0 END) AS d61_90,
          SUM(CASE WHEN o.due_date < ? THEN o.open_amount ELSE 0 END) AS over_90,
          SUM(o.open_amount) AS total, COUNT(*) AS invoices
        FROM (SELECT customer_number, currency, due_date,
                     total_amount + fees_amount - paid_amount - credited_amount - written_off_amount AS open_amount
              FROM fordra_invoice WHERE status NOT IN ('PAID', 'CREDITED') AND issue_date <= ?) o
        JOIN fordra_customer c ON c.customer_number = o.customer_number
        WHERE o.open_amount > 0
        GROUP BY c.customer_number, c.name, o.currency
        ORDER BY o.currency, SUM(o.open_amount) DESC, c.customer_number""")
        .params(date, date, date.minusDays(30), date.minusDays(30), date.minusDays(60), date.minusDays(60),
            date.minusDays(90), date.minusDays(90), date)
        .query((rs, n) -> new AgingReport.Row(rs.getString(1), rs.getString(2), rs.getString(3),
            money(rs.getBigDecimal(4)), money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6)),
            money(rs.getBigDecimal(7)), money(rs.getBigDecimal(8)), money(rs.getBigDecimal(9)), rs.getInt(10)))
        .list();
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
  }
}
