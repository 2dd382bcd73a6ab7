package io.fordra.paymentplan;

import java.time.LocalDate;
import java.util.List;

/**
 * What a debtor or a case handler asks for.
 *
 * @param invoiceNumbers the invoices the plan covers (INSTALMENTS: one or more of the customer's; DEFERRAL: one)
 * @param instalments INSTALMENTS: how many parts; null for a deferral
 * @param firstDueDate INSTALMENTS: when the first part is due (null: today + fordra.payment-plan.interval)
 * @param deferTo DEFERRAL: the new date to pay by; null for instalments
 * @param note the debtor's or case handler's words, shown in "Decide payment plan"
 * @param requestedBy who asked: the customer in the portal, or a case handler on the phone's word
 * @param user the portal user's or case handler's user name, for the history
 */
public record PlanRequest(String customerNumber, List<String> invoiceNumbers, PlanKind kind, Integer instalments,
                          LocalDate firstDueDate, LocalDate deferTo, String note, RequestedBy requestedBy,
                          String user) {

  public enum RequestedBy {
    CUSTOMER, CASE_HANDLER
  }
}
