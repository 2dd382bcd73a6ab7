package io.fordra.close;

import io.fordra.ledger.LedgerAccounts;
import io.fordra.ledger.LedgerAccounts.Role;
import io.fordra.report.AgingReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The month-end reconciliation, per currency, all sums in the database (no loop over invoices):
 * <ol>
 *   <li>the receivables account (booked up to the period's last day, and in total now) against the open amounts of
 *       all invoices now, and each invoice whose open amount is not its receivables balance;</li>
 *   <li>the bank account's movements booked in the period against the payments received in it (paid in the period,
 *       not shares of a kept payment that a person placed later: the kept payment was the bank money), each payment
 *       not on the bank account with its amount, and per payment file received in the period its stated total
 *       against the payments stored from it (plus the duplicates it held);</li>
 *   <li>the aging report as of the day the close runs against the receivables balance of the invoices it covers
 *       (issued up to that day): the report takes today's open amounts, so it is compared with the ledger now, not
 *       with the balance at the period's end;</li>
 *   <li>every ledger entry balanced.</li>
 * </ol>
 * Each kind of difference is counted in full; at most {@link #LISTED} of a kind are listed.
 */
@Service
public class Reconciliation {

  /** Differences of one kind listed at most (all are counted). */
  public static final int LISTED = 100;

  /** One currency's figures. */
  public record Figures(String currency, BigDecimal ledgerReceivablesAtPeriodEnd, BigDecimal ledgerReceivables,
                        BigDecimal openInvoices, BigDecimal bankMovements, BigDecimal refundsPaidOut,
                        BigDecimal paymentsReceived, BigDecimal agingTotal, BigDecimal ledgerReceivablesAged) {}

  /**
   * One difference: what the ledger says against what the other side says.
   *
   * @param subject what it is about: a currency, an invoice number, a payment, a payment file, an entry
   */
  public record Difference(ReconciliationCheck check, String currency, String subject, BigDecimal ledger,
                           BigDecimal other, BigDecimal difference, String description) {}

  public record Result(YearMonth period, LocalDate agingDate, List<Figures> figures, int differenceCount,
                       List<Difference> differences) {}

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  /** An invoice's open amount as Invoice.openAmount() computes it (never below zero). */
  private static final String OPEN_AMOUNT = """
      CASE WHEN i.total_amount + i.fees_amount - i.paid_amount - i.credited_amount - i.written_off_amount > 0
           THEN i.total_amount + i.fees_amount - i.paid_amount - i.credited_amount - i.written_off_amount
           ELSE 0 END""";

  private final JdbcClient jdbc;
  private final LedgerAccounts accounts;
  private final AgingReport aging;

  public Reconciliation(JdbcClient jdbc, LedgerAccounts accounts, AgingReport aging) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.aging = aging;
  }

  /**
   * Reconciles the month.
   *
   * @param agingDate the day the aging report is taken (the day the close runs)
   * @param zone      the zone in which a payment file's receipt belongs to the month
   */
  public Result reconcile(YearMonth period, LocalDate agingDate, ZoneId zone) {
    String receivables = accounts.account(Role.RECEIVABLES);
    String bank = accounts.account(Role.BANK);
    LocalDate first = period.atDay(1);
    LocalDate last = period.atEndOfMonth();
    Map<String, Figures> figures = new TreeMap<>();
    List<Difference> differences = new ArrayList<>();
    int count = 0;

    // (a) The receivables account against the invoices.
    jdbc.sql("""
        SELECT e.currency, SUM(CASE WHEN e.booking_date <= ? THEN l.amount ELSE 0 END), SUM(l.amount)
        FROM fordra_ledger_line l JOIN fordra_ledger_entry e ON e.id = l.entry_id
        WHERE l.account = ? GROUP BY e.currency""").params(last, receivables)
        .query(rs -> {
          BigDecimal atEnd = money(rs.getBigDecimal(2));
          BigDecimal now = money(rs.getBigDecimal(3));
          update(figures, rs.getString(1), f -> with(f, atEnd, now, null, null, null, null, null, null));
        });
    jdbc.sql("SELECT i.currency, SUM(" + OPEN_AMOUNT + ") FROM fordra_invoice i GROUP BY i.currency")
        .query(rs -> {
          BigDecimal open = money(rs.getBigDecimal(2));
          update(figures, rs.getString(1), f -> with(f, null, null, open, null, null, null, null, null));
        });
    String invoiceBalances = """
        FROM fordra_invoice i
        LEFT JOIN (SELECT invoice_id, SUM(amount) AS balance FROM fordra_ledger_line
                   WHERE account = ? AND invoice_id IS NOT NULL GROUP BY invoice_id) b ON b.invoice_id = i.id
        WHERE\s""" + OPEN_AMOUNT + " <> COALESCE(b.balance, 0)";
    count += jdbc.sql("SELECT COUNT(*) " + invoiceBalances).param(receivables).query(Integer.class).single();
    jdbc.sql("SELECT i.invoice_number, i.currency, COALESCE(b.balance, 0), " + OPEN_AMOUNT + " "
            + invoiceBalances + " ORDER BY i.id LIMIT " + LISTED).param(receivables)
        .query(rs -> {
          differences.add(difference(ReconciliationCheck.INVOICE_BALANCE, rs.getString(2), rs.getString(1),
              rs.getBigDecimal(3), rs.getBigDecimal(4), "Invoice " + rs.getString(1)
                  + ": receivables balance %s, open amount %s"));
        });
    List<Difference> withoutInvoice = jdbc.sql("""
        SELECT e.currency, SUM(l.amount), COUNT(*)
        FROM fordra_ledger_line l JOIN fordra_ledger_entry e ON e.id = l.entry_id
        WHERE l.account = ? AND (l.invoice_id IS NULL
              OR NOT EXISTS (SELECT 1 FROM fordra_invoice i WHERE i.id = l.invoice_id))
        GROUP BY e.currency""").param(receivables)
        .query((rs, n) -> difference(ReconciliationCheck.RECEIVABLE_WITHOUT_INVOICE, rs.getString(1),
            rs.getInt(3) + " lines", rs.getBigDecimal(2), ZERO, rs.getInt(3)
                + " receivables lines name no invoice: %s on the account, no invoice owes %s"))
        .list();
    count += withoutInvoice.size();
    differences.addAll(withoutInvoice);

    // (b) The bank account against the payments received.
    jdbc.sql("""
        SELECT e.currency, SUM(l.amount), SUM(CASE WHEN e.kind = 'REFUND' THEN l.amount ELSE 0 END)
        FROM fordra_ledger_entry e JOIN fordra_ledger_line l ON l.entry_id = e.id
        WHERE e.booking_date BETWEEN ? AND ? AND l.account = ? GROUP BY e.currency""").params(first, last, bank)
        .query(rs -> {
          BigDecimal movements = money(rs.getBigDecimal(2));
          BigDecimal refunds = money(rs.getBigDecimal(3)).negate();
          update(figures, rs.getString(1), f -> with(f, null, null, null, movements, refunds, null, null, null));
        });
    jdbc.sql("""
        SELECT currency, SUM(amount) FROM fordra_payment
        WHERE paid_at BETWEEN ? AND ? AND allocated_from IS NULL GROUP BY currency""").params(first, last)
        .query(rs -> {
          BigDecimal received = money(rs.getBigDecimal(2));
          update(figures, rs.getString(1), f -> with(f, null, null, null, null, null, received, null, null));
        });
    String paymentsNotBooked = """
        FROM (SELECT p.id, p.bank_transaction_id, p.currency, p.amount,
                     (SELECT COALESCE(SUM(l.amount), 0) FROM fordra_ledger_entry e
                        JOIN fordra_ledger_line l ON l.entry_id = e.id
                      WHERE e.payment_id = p.id AND l.account = ?) AS booked
              FROM fordra_payment p
              WHERE p.paid_at BETWEEN ? AND ? AND p.allocated_from IS NULL) x
        WHERE x.amount <> x.booked""";
    count += jdbc.sql("SELECT COUNT(*) " + paymentsNotBooked).params(bank, first, last).query(Integer.class).single();
    jdbc.sql("SELECT x.id, x.bank_transaction_id, x.currency, x.booked, x.amount " + paymentsNotBooked
            + " ORDER BY x.id LIMIT " + LISTED).params(bank, first, last)
        .query(rs -> {
          differences.add(difference(ReconciliationCheck.PAYMENT_NOT_BOOKED, rs.getString(3),
              "payment " + rs.getLong(1), rs.getBigDecimal(4), rs.getBigDecimal(5), "Payment " + rs.getLong(1)
                  + " (bank transaction " + rs.getString(2) + "): %s on the bank account, %s received"));
        });
    OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime until = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
    List<Difference> files = jdbc.sql("""
        SELECT f.id, f.file_name, f.status, f.total_amount, f.duplicate_amount, f.processed, f.payment_count,
               COALESCE(p.stored, 0), p.currency
        FROM fordra_payment_file f
        LEFT JOIN (SELECT payment_file_id, SUM(amount) AS stored, MIN(currency) AS currency FROM fordra_payment
                   WHERE payment_file_id IS NOT NULL AND allocated_from IS NULL
                   GROUP BY payment_file_id) p ON p.payment_file_id = f.id
        WHERE f.received_at >= ? AND f.received_at < ?
        ORDER BY f.id""").params(from, until)
        .query((rs, n) -> {
          BigDecimal stated = rs.getBigDecimal(4);
          BigDecimal stored = rs.getBigDecimal(8).add(rs.getBigDecimal(5));
          boolean importing = !"DONE".equals(rs.getString(3));
          if (stated.compareTo(stored) == 0 && !importing) {
            return null;
          }
          return difference(ReconciliationCheck.PAYMENT_FILE, rs.getString(9) == null ? "" : rs.getString(9),
              "payment file " + rs.getLong(1), stored, stated, "Payment file " + rs.getLong(1) + " ("
                  + rs.getString(2) + (importing ? ", import not finished: " + rs.getInt(6) + " of "
                  + rs.getInt(7) + " payments booked" : "")
                  + "): %s stored from it (duplicates included), the file states %s");
        })
        .list().stream().filter(java.util.Objects::nonNull).toList();
    count += files.size();
    differences.addAll(files.stream().limit(LISTED).toList());

    // (c) The aging report against the ledger.
    for (AgingReport.Totals t : aging.on(agingDate).totals()) {
      update(figures, t.currency(), f -> with(f, null, null, null, null, null, null, money(t.total()), null));
    }
    jdbc.sql("""
        SELECT i.currency, SUM(l.amount)
        FROM fordra_ledger_line l JOIN fordra_invoice i ON i.id = l.invoice_id
        WHERE l.account = ? AND i.issue_date <= ? GROUP BY i.currency""").params(receivables, agingDate)
        .query(rs -> {
          BigDecimal aged = money(rs.getBigDecimal(2));
          update(figures, rs.getString(1), f -> with(f, null, null, null, null, null, null, null, aged));
        });

    // (d) Every entry balanced.
    String unbalanced = """
        FROM fordra_ledger_entry e JOIN fordra_ledger_line l ON l.entry_id = e.id
        GROUP BY e.id, e.currency, e.text HAVING SUM(l.amount) <> 0""";
    count += jdbc.sql("SELECT COUNT(*) FROM (SELECT e.id " + unbalanced + ") u").query(Integer.class).single();
    jdbc.sql("SELECT e.id, e.currency, e.text, SUM(l.amount) " + unbalanced + " ORDER BY e.id LIMIT " + LISTED)
        .query(rs -> {
          differences.add(difference(ReconciliationCheck.UNBALANCED_ENTRY, rs.getString(2),
              "entry " + rs.getLong(1), rs.getBigDecimal(4), ZERO, "Entry " + rs.getLong(1) + " ("
                  + rs.getString(3) + ") does not balance: its lines add up to %s, not %s"));
        });

    // The totals per currency.
    List<Difference> totals = new ArrayList<>();
    for (Figures f : figures.values()) {
      if (f.ledgerReceivables().compareTo(f.openInvoices()) != 0) {
        totals.add(difference(ReconciliationCheck.RECEIVABLES_TOTAL, f.currency(), f.currency(),
            f.ledgerReceivables(), f.openInvoices(), "Receivables account %s, open invoices %s"));
      }
      BigDecimal bankReceived = f.bankMovements().add(f.refundsPaidOut());
      if (bankReceived.compareTo(f.paymentsReceived()) != 0) {
        totals.add(difference(ReconciliationCheck.BANK_TOTAL, f.currency(), f.currency(), bankReceived,
            f.paymentsReceived(), "Bank account in " + period + " (refunds of " + f.refundsPaidOut().toPlainString()
                + " aside) %s, payments received %s"));
      }
      if (f.ledgerReceivablesAged().compareTo(f.agingTotal()) != 0) {
        totals.add(difference(ReconciliationCheck.AGING_TOTAL, f.currency(), f.currency(),
            f.ledgerReceivablesAged(), f.agingTotal(), "Receivables of the invoices issued up to " + agingDate
                + " %s, aging report " + agingDate + " %s"));
      }
    }
    count += totals.size();
    differences.addAll(0, totals);
    return new Result(period, agingDate, List.copyOf(figures.values()), count, List.copyOf(differences));
  }

  private static Difference difference(ReconciliationCheck check, String currency, String subject,
                                       BigDecimal ledger, BigDecimal other, String description) {
    BigDecimal l = money(ledger);
    BigDecimal o = money(other);
    return new Difference(check, currency, subject, l, o, l.subtract(o),
        description.formatted(l.toPlainString(), o.toPlainString()) + " (difference " + l.subtract(o).toPlainString()
            + (currency == null || currency.isEmpty() ? "" : " " + currency) + ")");
  }

  private static void update(Map<String, Figures> figures, String currency, Function<Figures, Figures> change) {
    figures.put(currency, change.apply(figures.getOrDefault(currency, new Figures(currency, ZERO, ZERO, ZERO, ZERO,
        ZERO, ZERO, ZERO, ZERO))));
  }

  private static Figures with(Figures f, BigDecimal atPeriodEnd, BigDecimal receivables, BigDecimal open,
                              BigDecimal bank, BigDecimal refunds, BigDecimal payments, BigDecimal agingTotal,
                              BigDecimal aged) {
    return new Figures(f.currency(), or(atPeriodEnd, f.ledgerReceivablesAtPeriodEnd()),
        or(receivables, f.ledgerReceivables()), or(open, f.openInvoices()), or(bank, f.bankMovements()),
        or(refunds, f.refundsPaidOut()), or(payments, f.paymentsReceived()), or(agingTotal, f.agingTotal()),
        or(aged, f.ledgerReceivablesAged()));
  }

  private static BigDecimal or(BigDecimal value, BigDecimal fallback) {
    return value != null ? value : fallback;
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? ZERO : value.setScale(2);
  }
}
