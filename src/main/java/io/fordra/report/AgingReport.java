package io.fordra.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Outstanding receivables as of a day, per customer and currency, in the usual aging buckets by days past the due
 * date: not yet due, 1-30, 31-60, 61-90 and over 90. As of a day means what was open at its end, so a report run later
 * for a past day gives the figures a report run on that day gave. Amounts are what each invoice had open (fees
 * included, what was written off not); an invoice paid or credited in full owes nothing. Summed in the database ({@link AgingRepository}),
 * so a million invoices are one query; the totals per currency are added up here.
 */
@Service
public class AgingReport {

  public static final List<String> BUCKETS = List.of("notDue", "days1to30", "days31to60", "days61to90", "over90");

  /**
   * One customer's outstanding amounts in one currency; inPaymentPlan is the part of total that invoices in a running
   * payment plan owe (already in the buckets by their due dates: the plan's instalments do not move them).
   */
  public record Row(String customerNumber, String customerName, String currency, BigDecimal notDue,
                    BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90, BigDecimal over90,
                    BigDecimal total, int invoices, BigDecimal inPaymentPlan) {

    public List<BigDecimal> buckets() {
      return List.of(notDue, days1to30, days31to60, days61to90, over90);
    }
  }

  /** A currency's totals (never added across currencies); inPaymentPlan as in {@link Row}. */
  public record Totals(String currency, BigDecimal notDue, BigDecimal days1to30, BigDecimal days31to60,
                       BigDecimal days61to90, BigDecimal over90, BigDecimal total, int invoices,
                       BigDecimal inPaymentPlan) {

    public List<BigDecimal> buckets() {
      return List.of(notDue, days1to30, days31to60, days61to90, over90);
    }
  }

  /**
   * missingRates: each country without a late-payment rate from a day up to today ("no rate for SE from
   * 2026-07-01"), whose interest cannot be invoiced until the rate is entered.
   */
  public record Report(LocalDate date, List<Totals> totals, List<Row> customers, List<String> missingRates) {

    public Report(LocalDate date, List<Totals> totals, List<Row> customers) {
      this(date, totals, customers, List.of());
    }

    public Report withMissingRates(List<String> missing) {
      return new Report(date, totals, customers, List.copyOf(missing));
    }
  }

  private final AgingRepository repository;

  AgingReport(AgingRepository repository) {
    this.repository = repository;
  }

  public Report on(LocalDate date) {
    List<Row> rows = repository.rows(date);
    Map<String, Totals> totals = new LinkedHashMap<>();
    for (Row r : rows) {
      totals.merge(r.currency(), new Totals(r.currency(), r.notDue(), r.days1to30(), r.days31to60(), r.days61to90(),
          r.over90(), r.total(), r.invoices(), r.inPaymentPlan()), (a, b) -> new Totals(a.currency(),
          a.notDue().add(b.notDue()), a.days1to30().add(b.days1to30()), a.days31to60().add(b.days31to60()),
          a.days61to90().add(b.days61to90()), a.over90().add(b.over90()), a.total().add(b.total()),
          a.invoices() + b.invoices(), a.inPaymentPlan().add(b.inPaymentPlan())));
    }
    return new Report(date, new ArrayList<>(totals.values()), rows);
  }
}
