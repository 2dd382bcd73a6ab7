package io.fordra.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Outstanding receivables on a day, per customer and currency, in the usual aging buckets by days past the due date:
 * not yet due, 1-30, 31-60, 61-90 and over 90. Amounts are what each invoice still has open (fees included, what was
 * written off not); an invoice paid or credited in full owes nothing. Summed in the database, so a million invoices are one query.
 */
@Service
public class AgingReport {

  public static final List<String> BUCKETS = List.of("notDue", "days1to30", "days31to60", "days61to90", "over90");

  /** One customer's outstanding amounts in one currency. */
  public record Row(String customerNumber, String customerName, String currency, BigDecimal notDue,
                    BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90, BigDecimal over90,
                    BigDecimal total, int invoices) {

    public List<BigDecimal> buckets() {
      return List.of(notDue, days1to30, days31to60, days61to90, over90);
    }
  }

  /** A currency's totals (never added across currencies). */
  public record Totals(String currency, BigDecimal notDue, BigDecimal days1to30, BigDecimal days31to60,
                       BigDecimal days61to90, BigDecimal over90, BigDecimal total, int invoices) {

    public List<BigDecimal> buckets() {
      return List.of(notDue, days1to30, days31to60, days61to90, over90);
    }
  }

  public record Report(LocalDate date, List<Totals> totals, List<Row> customers) {}

  private final JdbcClient jdbc;

  public AgingReport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Report on(LocalDate date) {
    // Days past due = date - due_date; the bucket boundaries are due dates, so the query compares dates only.
    List<Row> rows = jdbc.sql("""
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
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), money(rs.getBigDecimal(4)),
            money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6)), money(rs.getBigDecimal(7)),
            money(rs.getBigDecimal(8)), money(rs.getBigDecimal(9)), rs.getInt(10)))
        .list();
    Map<String, Totals> totals = new LinkedHashMap<>();
    for (Row r : rows) {
      totals.merge(r.currency(), new Totals(r.currency(), r.notDue(), r.days1to30(), r.days31to60(), r.days61to90(),
          r.over90(), r.total(), r.invoices()), (a, b) -> new Totals(a.currency(), a.notDue().add(b.notDue()),
          a.days1to30().add(b.days1to30()), a.days31to60().add(b.days31to60()), a.days61to90().add(b.days61to90()),
          a.over90().add(b.over90()), a.total().add(b.total()), a.invoices() + b.invoices()));
    }
    return new Report(date, new ArrayList<>(totals.values()), rows);
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
  }
}
