package io.fordra.paymentplan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as everyone sees it (API, portal, letters, the decide task).
 *
 * @param planNumber "PP-" + id: the payment-plan process's business key
 * @param openAmount what the covered invoices owed when the plan was requested (fees and interest included)
 * @param fee the plan's own fee (SE: at most 170 kronor once; zero for a deferral and in Norway by default)
 * @param totalAmount openAmount + fee once approved: the sum of the instalments
 * @param paidAmount paid towards the instalments since the plan started
 * @param requestedInstalments / requestedFirstDueDate / deferTo what was asked (deferTo also what was granted)
 * @param interestRuns whether late-payment interest keeps running while the plan runs (fordra.payment-plan.*)
 * @param decidedBy the case handler, or "payment-plan-policy" when the table approved or refused it
 * @param reason the decision's reason (shown to the debtor on a refusal)
 * @param instalments empty until approved
 */
public record PaymentPlanView(long id, String planNumber, String customerNumber, PlanKind kind, PlanStatus status,
                              String currency, List<String> invoiceNumbers, BigDecimal openAmount, BigDecimal fee,
                              BigDecimal totalAmount, BigDecimal paidAmount, Integer requestedInstalments,
                              LocalDate requestedFirstDueDate, LocalDate deferTo, String note, boolean interestRuns,
                              PlanRequest.RequestedBy requestedBy, String decidedBy, String reason, Instant createdAt,
                              List<InstalmentView> instalments) {

  public static String planNumber(long id) {
    return "PP-" + id;
  }

  /** The id in a plan number, or -1 if it is not one. */
  public static long idOf(String planNumber) {
    if (planNumber == null || !planNumber.matches("PP-[1-9][0-9]{0,17}")) {
      return -1;
    }
    return Long.parseLong(planNumber.substring(3));
  }

  /** The invoice whose documents (invoice hotel) and distribution the plan's letters go with: the first covered. */
  public String letterInvoice() {
    return invoiceNumbers.get(0);
  }

  /**
   * One part of an approved plan.
   *
   * @param paymentReference its own OCR (SE seller) / KID (NO seller)
   * @param status OPEN, PAID or LATE (unpaid a grace period after its due date)
   */
  public record InstalmentView(int number, LocalDate dueDate, BigDecimal amount, String paymentReference,
                               BigDecimal paidAmount, String status) {}
}
