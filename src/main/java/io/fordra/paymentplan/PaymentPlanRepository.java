package io.fordra.paymentplan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** fordra_payment_plan and its invoices, holds, instalments and counted payments (V44, V45). */
@Repository
class PaymentPlanRepository {

  private final JdbcClient jdbc;

  PaymentPlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A plan's own row. */
  record Plan(long id, String customerNumber, PlanKind kind, PlanStatus status, BigDecimal fee, String currency,
              Instant createdAt, String decidedBy, String reason, Integer requestedInstalments,
              LocalDate requestedFirstDueDate, LocalDate deferTo, String note, PlanRequest.RequestedBy requestedBy,
              String requestedByUser, BigDecimal openAmount, boolean interestRuns, Instant approvedAt,
              Instant endedAt) {

    String number() {
      return PaymentPlanView.planNumber(id);
    }
  }

  /** An instalment's row; status OPEN, PAID or LATE. */
  record InstalmentRow(int number, LocalDate dueDate, BigDecimal amount, String paymentReference,
                       BigDecimal paidAmount, String status) {

    boolean paid() {
      return "PAID".equals(status);
    }
  }

  /** The requested or running plan that holds an invoice. */
  record Hold(long invoiceId, long planId, PlanStatus status) {}

  long insert(String customerNumber, PlanKind kind, String currency, Instant createdAt, Integer instalments,
              LocalDate firstDueDate, LocalDate deferTo, String note, PlanRequest.RequestedBy requestedBy,
              String user, BigDecimal openAmount, boolean interestRuns) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_payment_plan (customer_number, kind, status, currency, created_at, requested_instalments,
          requested_first_due_date, defer_to, note, requested_by, requested_by_user, open_amount, interest_runs)
        VALUES (?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(customerNumber, kind.name(), currency, utc(createdAt), instalments, firstDueDate, deferTo, note,
            requestedBy.name(), user, openAmount, interestRuns)
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  void insertInvoice(long planId, long invoiceId, int order) {
    jdbc.sql("INSERT INTO fordra_payment_plan_invoice (plan_id, invoice_id, invoice_order) VALUES (?, ?, ?)")
        .params(planId, invoiceId, order).update();
  }

  /** Fails with a duplicate key when another requested or running plan holds the invoice. */
  void insertHold(long invoiceId, long planId) {
    jdbc.sql("INSERT INTO fordra_payment_plan_hold (invoice_id, plan_id) VALUES (?, ?)").params(invoiceId, planId)
        .update();
  }

  void releaseHolds(long planId) {
    jdbc.sql("DELETE FROM fordra_payment_plan_hold WHERE plan_id = ?").param(planId).update();
  }

  List<Hold> holds(Collection<Long> invoiceIds) {
    if (invoiceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT h.invoice_id, h.plan_id, p.status FROM fordra_payment_plan_hold h
            JOIN fordra_payment_plan p ON p.id = h.plan_id WHERE h.invoice_id IN (:ids)""")
        .param("ids", List.copyOf(invoiceIds))
        .query((rs, n) -> new Hold(rs.getLong(1), rs.getLong(2), PlanStatus.valueOf(rs.getString(3)))).list();
  }

  Optional<Plan> find(long planId) {
    return jdbc.sql("SELECT * FROM fordra_payment_plan WHERE id = ?").param(planId)
        .query(PaymentPlanRepository::plan).optional();
  }

  /** The plan's row locked until the transaction ends: its lifecycle steps and payments go one after the other. */
  Optional<Plan> lock(long planId) {
    return jdbc.sql("SELECT * FROM fordra_payment_plan WHERE id = ? FOR UPDATE").param(planId)
        .query(PaymentPlanRepository::plan).optional();
  }

  /** The covered invoices' ids in the order the request named them. */
  List<Long> invoiceIds(long planId) {
    return jdbc.sql("SELECT invoice_id FROM fordra_payment_plan_invoice WHERE plan_id = ? "
        + "ORDER BY invoice_order, invoice_id").param(planId).query(Long.class).list();
  }

  List<Long> idsOfCustomer(String customerNumber) {
    return jdbc.sql("SELECT id FROM fordra_payment_plan WHERE customer_number = ? ORDER BY id DESC")
        .param(customerNumber).query(Long.class).list();
  }

  List<Long> idsOfInvoice(long invoiceId) {
    return jdbc.sql("SELECT plan_id FROM fordra_payment_plan_invoice WHERE invoice_id = ? ORDER BY plan_id DESC")
        .param(invoiceId).query(Long.class).list();
  }

  /** Whether another plan over any of these invoices was approved with a fee (the fee is charged once a debt). */
  boolean feeChargedBefore(long planId, Collection<Long> invoiceIds) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM fordra_payment_plan p JOIN fordra_payment_plan_invoice i ON i.plan_id = p.id
            WHERE p.id <> :plan AND p.fee > 0 AND i.invoice_id IN (:ids)""")
        .param("plan", planId).param("ids", List.copyOf(invoiceIds)).query(Long.class).single() > 0;
  }

  void insertInstalment(long planId, Instalment instalment, String paymentReference) {
    jdbc.sql("""
        INSERT INTO fordra_payment_plan_instalment (plan_id, number, due_date, amount, payment_reference, status)
        VALUES (?, ?, ?, ?, ?, 'OPEN')""")
        .params(planId, instalment.number(), instalment.dueDate(), instalment.amount(), paymentReference).update();
  }

  List<InstalmentRow> instalments(long planId) {
    return jdbc.sql("SELECT * FROM fordra_payment_plan_instalment WHERE plan_id = ? ORDER BY number").param(planId)
        .query((rs, n) -> new InstalmentRow(rs.getInt("number"), rs.getObject("due_date", LocalDate.class),
            rs.getBigDecimal("amount"), rs.getString("payment_reference"), rs.getBigDecimal("paid_amount"),
            rs.getString("status")))
        .list();
  }

  void updateInstalment(long planId, int number, BigDecimal paidAmount, String status) {
    jdbc.sql("UPDATE fordra_payment_plan_instalment SET paid_amount = ?, status = ? WHERE plan_id = ? AND number = ?")
        .params(paidAmount, status, planId, number).update();
  }

  void approved(long planId, BigDecimal fee, BigDecimal openAmount, LocalDate deferTo, Instant at, String decidedBy,
                String reason) {
    jdbc.sql("""
        UPDATE fordra_payment_plan SET status = 'RUNNING', fee = ?, open_amount = ?, defer_to = ?, approved_at = ?,
          decided_by = ?, reason = ?, version = version + 1 WHERE id = ?""")
        .params(fee, openAmount, deferTo, utc(at), decidedBy, reason, planId).update();
  }

  void refused(long planId, Instant at, String decidedBy, String reason) {
    jdbc.sql("""
        UPDATE fordra_payment_plan SET status = 'REFUSED', ended_at = ?, decided_by = ?, reason = ?,
          version = version + 1 WHERE id = ?""")
        .params(utc(at), decidedBy, reason, planId).update();
  }

  void ended(long planId, PlanStatus status, Instant at) {
    jdbc.sql("UPDATE fordra_payment_plan SET status = ?, ended_at = ?, version = version + 1 WHERE id = ?")
        .params(status.name(), utc(at), planId).update();
  }

  boolean allocated(long paymentId) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_payment_plan_payment WHERE payment_id = ?").param(paymentId)
        .query(Long.class).single() > 0;
  }

  void allocate(long paymentId, long planId, BigDecimal amount, Instant at) {
    jdbc.sql("INSERT INTO fordra_payment_plan_payment (payment_id, plan_id, amount, allocated_at) VALUES (?, ?, ?, ?)")
        .params(paymentId, planId, amount, utc(at)).update();
  }

  /**
   * A booked payment's amount. Read here rather than from payment.PaymentService: the payment package asks the plans
   * which instalment an OCR/KID names, so asking it back would tie the two packages into a cycle.
   */
  Optional<BigDecimal> paymentAmount(long paymentId) {
    return jdbc.sql("SELECT amount FROM fordra_payment WHERE id = ?").param(paymentId).query(BigDecimal.class)
        .optional();
  }

  private static Plan plan(ResultSet rs, int row) throws SQLException {
    return new Plan(rs.getLong("id"), rs.getString("customer_number"), PlanKind.valueOf(rs.getString("kind")),
        PlanStatus.valueOf(rs.getString("status")), rs.getBigDecimal("fee"), rs.getString("currency"),
        instant(rs, "created_at"), rs.getString("decided_by"), rs.getString("reason"),
        rs.getObject("requested_instalments", Integer.class), rs.getObject("requested_first_due_date", LocalDate.class),
        rs.getObject("defer_to", LocalDate.class), rs.getString("note"),
        PlanRequest.RequestedBy.valueOf(rs.getString("requested_by")), rs.getString("requested_by_user"),
        rs.getBigDecimal("open_amount"), rs.getBoolean("interest_runs"), instant(rs, "approved_at"),
        instant(rs, "ended_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
