package io.fordra.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/invoices/{n}: the invoice, its receivable and its history; creditBalance is the overpayment still held
 * for the customer (after refunds); bookingDate the day the ledger booked it (the issue date, or the first open day
 * when the issue date fell in a closed month); deliveryDate or period when the goods or services were supplied on
 * another day than the issue date (as the request gave them; both null otherwise); migrated when the invoice was
 * taken over from the previous system at cut-over (sent by that system, never sent again by Fordra); paymentPlan the
 * current or most recent payment plan that covers the invoice (absent if it never had one).
 */
public record InvoiceView(
    String invoiceNumber,
    String customerNumber,
    InvoiceStatus status,
    LocalDate issueDate,
    LocalDate bookingDate,
    LocalDate dueDate,
    LocalDate deliveryDate,
    InvoiceRequest.Period period,
    Currency currency,
    BigDecimal netAmount,
    BigDecimal totalAmount,
    BigDecimal vatAmount,
    BigDecimal paidAmount,
    BigDecimal openAmount,
    BigDecimal disputedAmount,
    BigDecimal feesAmount,
    BigDecimal creditBalance,
    BigDecimal creditedAmount,
    BigDecimal writtenOffAmount,
    BigDecimal refundedAmount,
    String paymentReference,
    int dunningLevel,
    int remindersSent,
    LocalDate payBy,
    List<InvoiceLine> lines,
    List<InvoiceEvent> events,
    DisputeView dispute,
    boolean migrated,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    PaymentPlanSummary paymentPlan) {

  /** The invoice's latest objection (null if it never had one). */
  public record DisputeView(String status, java.math.BigDecimal disputedAmount, String reason, String raisedBy,
                            String reply, LocalDate deadline) {}

  /**
   * The payment plan that covers the invoice: the one requested or running, else the most recent.
   *
   * @param planNumber "PP-" + the plan's id
   * @param kind INSTALMENTS or DEFERRAL
   * @param status REQUESTED, APPROVED, REFUSED, RUNNING, PAID or BROKEN
   * @param instalments in order; empty until the plan is approved
   */
  public record PaymentPlanSummary(String planNumber, String kind, String status, List<PlanInstalment> instalments) {}

  /**
   * One part of a plan.
   *
   * @param paymentReference the instalment's own OCR/KID: a payment by it pays the plan's invoices
   * @param status OPEN, PAID or LATE
   */
  public record PlanInstalment(int number, LocalDate dueDate, BigDecimal amount, String paymentReference,
                               BigDecimal paidAmount, String status) {}

  static InvoiceView of(Invoice i, LocalDate bookingDate, Supply supply, List<InvoiceLine> lines,
                        List<InvoiceEvent> events, DisputeView dispute) {
    return of(i, bookingDate, supply, lines, events, dispute, null);
  }

  static InvoiceView of(Invoice i, LocalDate bookingDate, Supply supply, List<InvoiceLine> lines,
                        List<InvoiceEvent> events, DisputeView dispute, PaymentPlanSummary paymentPlan) {
    return new InvoiceView(i.invoiceNumber(), i.customerNumber(), i.status(), i.issueDate(),
        bookingDate == null ? i.issueDate() : bookingDate, i.dueDate(), supply == null ? null : supply.date(),
        supply == null || supply.date() != null ? null : new InvoiceRequest.Period(supply.from(), supply.to()),
        i.currency(), i.netAmount(), i.totalAmount(), i.vatAmount(), i.paidAmount(), i.openAmount(),
        i.disputedAmount(), i.feesAmount(), i.refundableAmount(), i.creditedAmount(), i.writtenOffAmount(),
        i.refundedAmount(), i.paymentReference(),
        i.dunningLevel(), i.remindersSent(), i.payBy(), lines, events, dispute, i.migrated(), paymentPlan);
  }
}
