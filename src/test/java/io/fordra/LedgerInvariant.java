package io.fordra;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.ledger.LedgerAccounts;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every test of every scenario: the ledger agrees with the invoices. Each entry is balanced; per invoice, the
 * receivables balance is the open amount and the customer-credit balance is what is held as overpayment.
 * A test that plants a difference on purpose must undo it before it ends.
 */
public class LedgerInvariant implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    JdbcClient jdbc = spring.getBean(JdbcClient.class);
    LedgerAccounts accounts = spring.getBean(LedgerAccounts.class);
    assertThat(violations(jdbc, accounts)).as("ledger invariant after " + context.getDisplayName()).isEmpty();
  }

  /** Every way the ledger and the invoices disagree, one line each; empty when they agree. */
  public static List<String> violations(JdbcClient jdbc, LedgerAccounts accounts) {
    List<String> found = new java.util.ArrayList<>();
    found.addAll(jdbc.sql("""
        SELECT entry_id, SUM(amount) AS s FROM fordra_ledger_line GROUP BY entry_id HAVING SUM(amount) <> 0""")
        .query((rs, n) -> "entry " + rs.getLong(1) + " does not balance: " + rs.getBigDecimal(2)).list());
    found.addAll(jdbc.sql("""
        SELECT i.invoice_number, i.status, o.open_amount, COALESCE(r.balance, 0) AS receivable,
               i.credit_balance - i.refunded_amount AS held, COALESCE(-c.balance, 0) AS customer_credit
        FROM fordra_invoice i
        JOIN (SELECT id, CASE WHEN total_amount + fees_amount - paid_amount - credited_amount - written_off_amount > 0
                              THEN total_amount + fees_amount - paid_amount - credited_amount - written_off_amount
                              ELSE 0 END AS open_amount FROM fordra_invoice) o ON o.id = i.id
        LEFT JOIN (SELECT invoice_id, SUM(amount) AS balance FROM fordra_ledger_line WHERE account = ?
                   GROUP BY invoice_id) r ON r.invoice_id = i.id
        LEFT JOIN (SELECT invoice_id, SUM(amount) AS balance FROM fordra_ledger_line WHERE account = ?
                   GROUP BY invoice_id) c ON c.invoice_id = i.id
        WHERE o.open_amount <> COALESCE(r.balance, 0) OR i.credit_balance - i.refunded_amount <> COALESCE(-c.balance, 0)
        """)
        .params(accounts.account(LedgerAccounts.Role.RECEIVABLES), accounts.account(LedgerAccounts.Role.CUSTOMER_CREDIT))
        .query((rs, n) -> "invoice " + rs.getString(1) + " (" + rs.getString(2) + "): open " + rs.getBigDecimal(3)
            + " but receivables " + rs.getBigDecimal(4) + "; credit balance " + rs.getBigDecimal(5)
            + " but customer credit " + rs.getBigDecimal(6))
        .list());
    return found;
  }
}
