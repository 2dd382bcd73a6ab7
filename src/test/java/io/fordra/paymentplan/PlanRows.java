package io.fordra.paymentplan;

import io.fordra.invoice.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A payment plan written straight into V44's tables, as the plan's own service would leave it: for tests of what
 * reads plans (payments, invoice-to-cash's hold, the invoice's view, the aging report) without that service.
 */
public final class PlanRows {

  private final JdbcClient jdbc;
  private final InstalmentReferences references;

  public PlanRows(JdbcClient jdbc, InstalmentReferences references) {
    this.jdbc = jdbc;
    this.references = references;
  }

  /** A stored plan: its id, number and each instalment's OCR/KID (in instalment order). */
  public record Plan(long id, String planNumber, List<String> references) {}

  /**
   * A plan over the invoices (of one customer, in one currency) with instalments of these amounts, due a month apart
   * from {@code firstDue}.
   */
  public Plan insert(PlanStatus status, LocalDate firstDue, List<Invoice> invoices, String... amounts) {
    return insert(status, java.time.OffsetDateTime.parse("2026-03-02T08:00:00Z"), firstDue, invoices, amounts);
  }

  /** As above, asked for at {@code createdAt}. */
  public Plan insert(PlanStatus status, java.time.OffsetDateTime createdAt, LocalDate firstDue, List<Invoice> invoices,
                     String... amounts) {
    Invoice first = invoices.get(0);
    jdbc.sql("""
            INSERT INTO fordra_payment_plan (customer_number, kind, status, fee, currency, created_at, decided_by)
            VALUES (:c, 'INSTALMENTS', :s, 0, :cur, :at, 'test')""")
        .param("c", first.customerNumber()).param("s", status.name()).param("cur", first.currency().name())
        .param("at", createdAt).update();
    long id = jdbc.sql("SELECT MAX(id) FROM fordra_payment_plan WHERE customer_number = :c")
        .param("c", first.customerNumber()).query(Long.class).single();
    for (Invoice invoice : invoices) {
      jdbc.sql("INSERT INTO fordra_payment_plan_invoice (plan_id, invoice_id) VALUES (:p, :i)")
          .param("p", id).param("i", invoice.id()).update();
    }
    List<String> refs = new ArrayList<>();
    for (int n = 1; n <= amounts.length; n++) {
      String reference = references.next();
      refs.add(reference);
      jdbc.sql("""
              INSERT INTO fordra_payment_plan_instalment (plan_id, number, due_date, amount, payment_reference, status)
              VALUES (:p, :n, :d, :a, :r, 'OPEN')""")
          .param("p", id).param("n", n).param("d", firstDue.plusMonths(n - 1L))
          .param("a", new BigDecimal(amounts[n - 1])).param("r", reference).update();
    }
    return new Plan(id, PaymentPlanView.planNumber(id), List.copyOf(refs));
  }

  public void status(Plan plan, PlanStatus status) {
    jdbc.sql("UPDATE fordra_payment_plan SET status = :s WHERE id = :p").param("s", status.name())
        .param("p", plan.id()).update();
  }
}
