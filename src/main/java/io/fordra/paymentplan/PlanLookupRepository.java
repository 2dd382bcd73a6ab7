package io.fordra.paymentplan;

import io.fordra.interest.InterestFreePlans;
import io.fordra.invoice.InvoiceView;
import io.fordra.payment.PlanInstalments;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What payments, invoice-to-cash and the invoice's view read about plans (V44's tables): which plan an instalment's
 * OCR/KID belongs to, whether an invoice is in a running plan, an invoice's current or latest plan, and the plans
 * that waived its interest.
 */
@Repository
class PlanLookupRepository {

  private final JdbcClient jdbc;

  PlanLookupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The instalment with this OCR/KID and its plan's invoices, oldest due date first (then the oldest invoice). */
  Optional<PlanInstalments.Instalment> instalment(String reference) {
    return jdbc.sql("SELECT plan_id, number FROM fordra_payment_plan_instalment WHERE payment_reference = :r")
        .param("r", reference)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
        .optional()
        .map(found -> new PlanInstalments.Instalment(PaymentPlanView.planNumber(found[0]), (int) found[1],
            jdbc.sql("""
                    SELECT i.invoice_number FROM fordra_payment_plan_invoice pi
                    JOIN fordra_invoice i ON i.id = pi.invoice_id
                    WHERE pi.plan_id = :p ORDER BY i.due_date, i.id""")
                .param("p", found[0]).query(String.class).list()));
  }

  /** Whether a plan that covers the invoice runs (status RUNNING). */
  boolean inRunningPlan(String invoiceNumber) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM fordra_payment_plan p
            JOIN fordra_payment_plan_invoice pi ON pi.plan_id = p.id
            JOIN fordra_invoice i ON i.id = pi.invoice_id
            WHERE i.invoice_number = :n AND p.status = 'RUNNING'""")
        .param("n", invoiceNumber).query(Long.class).single() > 0;
  }

  /** The plan that covers the invoice: the requested or running one if there is one, else the most recent. */
  Optional<InvoiceView.PaymentPlanSummary> latestFor(long invoiceId) {
    return jdbc.sql("""
            SELECT p.id, p.kind, p.status FROM fordra_payment_plan p
            JOIN fordra_payment_plan_invoice pi ON pi.plan_id = p.id
            WHERE pi.invoice_id = :i
            ORDER BY CASE WHEN p.status IN ('REQUESTED', 'APPROVED', 'RUNNING') THEN 0 ELSE 1 END, p.id DESC
            FETCH FIRST 1 ROWS ONLY""")
        .param("i", invoiceId)
        .query((rs, n) -> new InvoiceView.PaymentPlanSummary(PaymentPlanView.planNumber(rs.getLong(1)),
            rs.getString(2), rs.getString(3), instalments(rs.getLong(1))))
        .optional();
  }

  /**
   * The invoice's approved plans without interest (interest_runs false) that run or ended PAID, oldest approval first,
   * with their days in the seller's zone. BROKEN plans are left out on purpose: the creditor waived interest only on
   * the condition that the plan was kept (the conservative reading of räntelagen 2 § and forsinkelsesrenteloven), so
   * once it lapsed its days earn interest as if there had been no plan.
   */
  List<InterestFreePlans.Plan> interestFree(long invoiceId, ZoneId zone) {
    return jdbc.sql("""
            SELECT p.id, p.status, p.approved_at, p.ended_at FROM fordra_payment_plan p
            JOIN fordra_payment_plan_invoice pi ON pi.plan_id = p.id
            WHERE pi.invoice_id = :i AND p.interest_runs = FALSE AND p.approved_at IS NOT NULL
              AND (p.status = 'RUNNING' OR p.status = 'PAID' AND p.ended_at IS NOT NULL)
            ORDER BY p.approved_at, p.id""")
        .param("i", invoiceId)
        .query((rs, n) -> new InterestFreePlans.Plan(PaymentPlanView.planNumber(rs.getLong(1)),
            day(rs.getObject(3, OffsetDateTime.class), zone),
            "PAID".equals(rs.getString(2)) ? day(rs.getObject(4, OffsetDateTime.class), zone) : null))
        .list();
  }

  private static LocalDate day(OffsetDateTime at, ZoneId zone) {
    return at.atZoneSameInstant(zone).toLocalDate();
  }

  private List<InvoiceView.PlanInstalment> instalments(long planId) {
    return jdbc.sql("""
            SELECT number, due_date, amount, payment_reference, paid_amount, status
            FROM fordra_payment_plan_instalment WHERE plan_id = :p ORDER BY number""")
        .param("p", planId)
        .query((rs, n) -> new InvoiceView.PlanInstalment(rs.getInt(1), rs.getObject(2, java.time.LocalDate.class),
            money(rs.getBigDecimal(3)), rs.getString(4), money(rs.getBigDecimal(5)), rs.getString(6)))
        .list();
  }

  private static BigDecimal money(BigDecimal value) {
    return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }
}
