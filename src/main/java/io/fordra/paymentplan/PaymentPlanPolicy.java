package io.fordra.paymentplan;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the payment plan policy (processes/payment-plan-policy.dmn, the latest deployed version, edited by the process
 * owner) says about a request: approved at once, decided by a case handler, or refused, and why. On Camunda:
 * {@link EnginePaymentPlanPolicy}.
 */
public interface PaymentPlanPolicy {

  String DECISION = "payment-plan-policy";

  /** The table's answer. */
  enum Outcome {
    AUTO_APPROVE, DECIDE_BY_HAND, REFUSE
  }

  /**
   * What the table is asked.
   *
   * @param dunningStep the invoice's status (SENT, OVERDUE, REMINDED, COLLECTION_NOTICE_SENT, IN_COLLECTION), for
   *     several invoices the furthest one
   * @param instalments number of instalments (0 for a deferral)
   * @param firstDueInDays days from today to the first instalment (0 for a deferral)
   * @param deferralDays days the due date moves (0 for instalments)
   */
  record Request(PlanKind kind, String customerType, String country, String dunningStep,
                 BigDecimal openAmount, int instalments, int firstDueInDays, int deferralDays) {}

  record Decision(Outcome outcome, String reason) {

    /**
     * A row's outputs as a decision. No matching row, or an outcome the table's editor mistyped, goes to a case
     * handler rather than approving anything: the reason names what was wrong so it can be corrected.
     */
    public static Decision from(Map<String, Object> row) {
      if (row == null) {
        return new Decision(Outcome.DECIDE_BY_HAND, "Decision " + DECISION + ": no row matched");
      }
      Object outcome = row.get("decision");
      Object reason = row.get("reason");
      try {
        return new Decision(Outcome.valueOf(String.valueOf(outcome)), reason == null ? "" : String.valueOf(reason));
      } catch (IllegalArgumentException e) {
        return new Decision(Outcome.DECIDE_BY_HAND, "Decision " + DECISION + ": \"" + outcome
            + "\" is not AUTO_APPROVE, DECIDE_BY_HAND or REFUSE");
      }
    }
  }

  Decision decide(Request request);
}
