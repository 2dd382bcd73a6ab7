package io.fordra.close;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sums the month-end reconciliation compares, each one query summed in the database (no loop over invoices).
 * Amounts come as the database gives them (null where nothing was summed); {@link Reconciliation} rounds and
 * compares them. Listings are ordered by id and capped at the given limit.
 */
@Repository
class ReconciliationRepository {

  /** A currency and a sum in it. */
  record Sum(String currency, BigDecimal amount) {}

  /** The receivables account of a currency: booked up to the period's last day, and in total now. */
  record Receivables(String currency, BigDecimal atPeriodEnd, BigDecimal now) {}

  /** An invoice whose open amount is not its receivables balance. */
  record InvoiceBalance(String invoiceNumber, String currency, BigDecimal balance, BigDecimal openAmount) {}

  /** Receivables lines of a currency that name no (existing) invoice. */
  record LinesWithoutInvoice(String currency, BigDecimal amount, int lines) {}

  /** The bank account's movements of a currency in the period, and (as booked, negative) the refunds among them. */
  record BankMovements(String currency, BigDecimal movements, BigDecimal refunds) {}

  /** A payment received in the period whose amount is not what its entries put on the bank account. */
  record PaymentNotBooked(long id, String bankTransactionId, String currency, BigDecimal booked, BigDecimal amount) {}

  /**
   * A payment file received in the period: its stated total, the duplicates it held, its progress, and the sum (and
   * currency, null if none) of the payments stored from it.
   */
  record PaymentFile(long id, String fileName, String status, BigDecimal totalAmount, BigDecimal duplicateAmount,
                     int processed, int paymentCount, BigDecimal stored, String currency) {}

  /** A ledger entry whose lines do not add up to zero. */
  record UnbalancedEntry(long id, String currency, String text, BigDecimal sum) {}

  /** An invoice's open amount as Invoice.openAmount() computes it (never below zero). */
  private static final String OPEN_AMOUNT = """
      CASE WHEN i.total_amount + i.fees_amount - i.paid_amount - i.credited_amount - i.written_off_amount > 0
           THEN i.total_amount + i.fees_amount - i.paid_amount - i.credited_amount - i.written_off_amount
           ELSE 0 END""";

  private static final String INVOICE_BALANCES = """
      FROM fordra_invoice i
      LEFT JOIN (SELECT invoice_id, SUM(amount) AS balance FROM fordra_ledger_line
                 WHERE account = ? AND invoice_id IS NOT NULL GROUP BY invoice_id) b ON b.invoice_id = i.id
      WHERE\s""" + OPEN_AMOUNT + " <> COALESCE(b.balance, 0)";

  private static final String PAYMENTS_NOT_BOOKED = """
      FROM (SELECT p.id, p.bank_transaction_id, p.currency, p.amount,
                   (SELECT COALESCE(SUM(l.amount), 0) FROM fordra_ledger_entry e
                      JOIN fordra_ledger_line l ON l.entry_id = e.id
                    WHERE e.payment_id = p.id AND l.account = ?) AS booked
            FROM fordra_payment p
            WHERE COALESCE(p.booking_date, p.paid_at) BETWEEN ? AND ? AND p.allocated_from IS NULL) x
      WHERE x.amount <> x.booked""";

  private static final String UNBALANCED = """
      FROM fordra_ledger_entry e JOIN fordra_ledger_line l ON l.entry_id = e.id
      GROUP BY e.id, e.currency, e.text HAVING SUM(l.amount) <> 0""";

  /** An invoice whose deferred-revenue balance (credit positive) is not what is still to be released of it. */
  record DeferredBalance(String invoiceNumber, String currency, BigDecimal balance, BigDecimal toBeReleased) {}

  /** Per invoice: the deferred-revenue lines (credit positive) beside the unreleased shares of its release plan. */
  private static final String DEFERRED_BY_INVOICE = """
      FROM (SELECT invoice_id, SUM(ledger) AS ledger, SUM(planned) AS planned
            FROM (SELECT l.invoice_id, -l.amount AS ledger, 0 AS planned FROM fordra_ledger_line l
                  WHERE l.account IN (:accounts) AND l.invoice_id IS NOT NULL
                  UNION ALL
                  SELECT invoice_id, 0, amount - credited_amount FROM fordra_revenue_release
                  WHERE entry_id IS NULL) x
            GROUP BY invoice_id HAVING SUM(ledger) <> SUM(planned)) d
      JOIN fordra_invoice i ON i.id = d.invoice_id""";

  private final JdbcClient jdbc;

  ReconciliationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The deferred-revenue accounts: the configured one and any a release plan still names (the chart may change). */
  List<String> deferredRevenueAccounts(String configured) {
    List<String> accounts = new java.util.ArrayList<>(List.of(configured));
    jdbc.sql("SELECT DISTINCT deferred_account FROM fordra_revenue_release").query(String.class).list().stream()
        .filter(a -> !a.equals(configured)).forEach(accounts::add);
    return accounts;
  }

  /** The deferred-revenue accounts' balance per currency, as booked (credit negative). */
  List<Sum> deferredRevenue(List<String> accounts) {
    return jdbc.sql("""
        SELECT e.currency, SUM(l.amount) FROM fordra_ledger_line l JOIN fordra_ledger_entry e ON e.id = l.entry_id
        WHERE l.account IN (:accounts) GROUP BY e.currency""").param("accounts", accounts)
        .query((rs, n) -> new Sum(rs.getString(1), rs.getBigDecimal(2)))
        .list();
  }

  /** What is still to be released per currency: the unreleased, uncredited shares of every release plan. */
  List<Sum> toBeReleased() {
    return jdbc.sql("""
        SELECT currency, SUM(amount - credited_amount) FROM fordra_revenue_release WHERE entry_id IS NULL
        GROUP BY currency""")
        .query((rs, n) -> new Sum(rs.getString(1), rs.getBigDecimal(2)))
        .list();
  }

  int countDeferredBalanceDifferences(List<String> accounts) {
    return jdbc.sql("SELECT COUNT(*) " + DEFERRED_BY_INVOICE).param("accounts", accounts).query(Integer.class)
        .single();
  }

  List<DeferredBalance> deferredBalanceDifferences(List<String> accounts, int limit) {
    return jdbc.sql("SELECT i.invoice_number, i.currency, d.ledger, d.planned " + DEFERRED_BY_INVOICE
            + " ORDER BY i.id LIMIT " + limit).param("accounts", accounts)
        .query((rs, n) -> new DeferredBalance(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
            rs.getBigDecimal(4)))
        .list();
  }

  List<Receivables> receivables(String account, LocalDate periodEnd) {
    return jdbc.sql("""
        SELECT e.currency, SUM(CASE WHEN e.booking_date <= ? THEN l.amount ELSE 0 END), SUM(l.amount)
        FROM fordra_ledger_line l JOIN fordra_ledger_entry e ON e.id = l.entry_id
        WHERE l.account = ? GROUP BY e.currency""").params(periodEnd, account)
        .query((rs, n) -> new Receivables(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
        .list();
  }

  List<Sum> openInvoices() {
    return jdbc.sql("SELECT i.currency, SUM(" + OPEN_AMOUNT + ") FROM fordra_invoice i GROUP BY i.currency")
        .query((rs, n) -> new Sum(rs.getString(1), rs.getBigDecimal(2)))
        .list();
  }

  int countInvoiceBalanceDifferences(String account) {
    return jdbc.sql("SELECT COUNT(*) " + INVOICE_BALANCES).param(account).query(Integer.class).single();
  }

  List<InvoiceBalance> invoiceBalanceDifferences(String account, int limit) {
    return jdbc.sql("SELECT i.invoice_number, i.currency, COALESCE(b.balance, 0), " + OPEN_AMOUNT + " "
            + INVOICE_BALANCES + " ORDER BY i.id LIMIT " + limit).param(account)
        .query((rs, n) -> new InvoiceBalance(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
            rs.getBigDecimal(4)))
        .list();
  }

  List<LinesWithoutInvoice> receivablesWithoutInvoice(String account) {
    return jdbc.sql("""
        SELECT e.currency, SUM(l.amount), COUNT(*)
        FROM fordra_ledger_line l JOIN fordra_ledger_entry e ON e.id = l.entry_id
        WHERE l.account = ? AND (l.invoice_id IS NULL
              OR NOT EXISTS (SELECT 1 FROM fordra_invoice i WHERE i.id = l.invoice_id))
        GROUP BY e.currency""").param(account)
        .query((rs, n) -> new LinesWithoutInvoice(rs.getString(1), rs.getBigDecimal(2), rs.getInt(3)))
        .list();
  }

  List<BankMovements> bankMovements(String account, LocalDate first, LocalDate last) {
    return jdbc.sql("""
        SELECT e.currency, SUM(l.amount), SUM(CASE WHEN e.kind = 'REFUND' THEN l.amount ELSE 0 END)
        FROM fordra_ledger_entry e JOIN fordra_ledger_line l ON l.entry_id = e.id
        WHERE e.booking_date BETWEEN ? AND ? AND l.account = ? GROUP BY e.currency""").params(first, last, account)
        .query((rs, n) -> new BankMovements(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
        .list();
  }

  /**
   * Payments booked in the period (paid in it, or paid in a closed month and booked on its first open day), not
   * shares of a kept payment that a person placed later.
   */
  List<Sum> paymentsReceived(LocalDate first, LocalDate last) {
    return jdbc.sql("""
        SELECT currency, SUM(amount) FROM fordra_payment
        WHERE COALESCE(booking_date, paid_at) BETWEEN ? AND ? AND allocated_from IS NULL GROUP BY currency""").params(first, last)
        .query((rs, n) -> new Sum(rs.getString(1), rs.getBigDecimal(2)))
        .list();
  }

  int countPaymentsNotBooked(String bankAccount, LocalDate first, LocalDate last) {
    return jdbc.sql("SELECT COUNT(*) " + PAYMENTS_NOT_BOOKED).params(bankAccount, first, last)
        .query(Integer.class).single();
  }

  List<PaymentNotBooked> paymentsNotBooked(String bankAccount, LocalDate first, LocalDate last, int limit) {
    return jdbc.sql("SELECT x.id, x.bank_transaction_id, x.currency, x.booked, x.amount " + PAYMENTS_NOT_BOOKED
            + " ORDER BY x.id LIMIT " + limit).params(bankAccount, first, last)
        .query((rs, n) -> new PaymentNotBooked(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5)))
        .list();
  }

  /** The payment files received from (inclusive) until (exclusive). */
  List<PaymentFile> paymentFiles(OffsetDateTime from, OffsetDateTime until) {
    return jdbc.sql("""
        SELECT f.id, f.file_name, f.status, f.total_amount, f.duplicate_amount, f.processed, f.payment_count,
               COALESCE(p.stored, 0), p.currency
        FROM fordra_payment_file f
        LEFT JOIN (SELECT payment_file_id, SUM(amount) AS stored, MIN(currency) AS currency FROM fordra_payment
                   WHERE payment_file_id IS NOT NULL AND allocated_from IS NULL
                   GROUP BY payment_file_id) p ON p.payment_file_id = f.id
        WHERE f.received_at >= ? AND f.received_at < ?
        ORDER BY f.id""").params(from, until)
        .query((rs, n) -> new PaymentFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5), rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8), rs.getString(9)))
        .list();
  }

  int countUnbalancedEntries() {
    return jdbc.sql("SELECT COUNT(*) FROM (SELECT e.id " + UNBALANCED + ") u").query(Integer.class).single();
  }

  List<UnbalancedEntry> unbalancedEntries(int limit) {
    return jdbc.sql("SELECT e.id, e.currency, e.text, SUM(l.amount) " + UNBALANCED + " ORDER BY e.id LIMIT " + limit)
        .query((rs, n) -> new UnbalancedEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
        .list();
  }
}
