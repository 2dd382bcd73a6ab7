package io.fordra.interest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What interest invoicing reads and marks on customers and invoices. */
@Repository
class InterestRepository {

  /** An invoice that may have earned interest, with what interest invoicing knows of it. */
  public record Candidate(long id, String invoiceNumber, LocalDate dueDate, BigDecimal totalAmount, String currency,
                          LocalDate invoicedThrough, boolean compensationCharged) {}

  private final JdbcClient jdbc;

  public InterestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next customers selected for interest invoicing, in customer-number order after the given one. */
  public List<String> selectedCustomers(String after, int limit) {
    return jdbc.sql("""
        SELECT customer_number FROM fordra_customer WHERE interest_invoicing = TRUE AND customer_number > ?
        ORDER BY customer_number LIMIT ?""").params(after, limit).query(String.class).list();
  }

  /** The customer's invoices that were overdue at some day up to the given one and may still earn interest. */
  public List<Candidate> candidates(String customerNumber, LocalDate through) {
    return jdbc.sql("""
        SELECT id, invoice_number, due_date, total_amount, currency, interest_invoiced_through,
               late_compensation_charged
        FROM fordra_invoice
        WHERE customer_number = ? AND interest_done = FALSE AND interest_invoice = FALSE AND due_date < ?
          AND status NOT IN ('CREDITED', 'CLOSED')
          AND (interest_invoiced_through IS NULL OR interest_invoiced_through < ?)
        ORDER BY due_date, id""")
        .params(customerNumber, through, through)
        .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("invoice_number"),
            rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("total_amount"), rs.getString("currency"),
            rs.getObject("interest_invoiced_through", LocalDate.class), rs.getBoolean("late_compensation_charged")))
        .list();
  }

  /** Money that lowered the invoice's principal, and the day: booked payments, and credit notes (instants). */
  public List<InterestCalculator.Paid> payments(long invoiceId) {
    return jdbc.sql("SELECT paid_at, amount FROM fordra_payment WHERE invoice_id = ? AND status = 'MATCHED'")
        .param(invoiceId)
        .query((rs, n) -> new InterestCalculator.Paid(rs.getObject("paid_at", LocalDate.class), rs.getBigDecimal("amount")))
        .list();
  }

  public record Credit(Instant at, BigDecimal amount) {}

  public List<Credit> credits(long invoiceId) {
    return jdbc.sql("SELECT created_at, amount FROM fordra_credit_note WHERE invoice_id = ?").param(invoiceId)
        .query((rs, n) -> new Credit(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getBigDecimal("amount")))
        .list();
  }

  /** Interest is invoiced through the day; done = nothing can accrue any more (paid in full before it). */
  public void invoicedThrough(long invoiceId, LocalDate through, boolean done, boolean compensationCharged) {
    jdbc.sql("""
        UPDATE fordra_invoice SET interest_invoiced_through = ?, interest_done = ?,
          late_compensation_charged = late_compensation_charged OR ? WHERE id = ?""")
        .params(through, done, compensationCharged, invoiceId).update();
  }

  public void markInterestInvoice(long invoiceId) {
    jdbc.sql("UPDATE fordra_invoice SET interest_invoice = TRUE, interest_done = TRUE WHERE id = ?")
        .param(invoiceId).update();
  }
}
