package io.fordra.paymentplan;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * What the payment plan policy (processes/payment-plan-policy.dmn, the latest deployed version, edited by the process
 * owner) says about a request: approved at once, decided by a case handler, or refused, and why.
 */
@Component
public class PaymentPlanPolicy {

  public static final String DECISION = "payment-plan-policy";

  /** The table's answer. */
  public enum Outcome {
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
  public record Request(PlanKind kind, String customerType, String country, String dunningStep,
                        BigDecimal openAmount, int instalments, int firstDueInDays, int deferralDays) {}

  public record Decision(Outcome outcome, String reason) {}

  private final DecisionService decisions;
  private final IdentityService identity;

  public PaymentPlanPolicy(DecisionService decisions, IdentityService identity) {
    this.decisions = decisions;
    this.identity = identity;
  }

  public Decision decide(Request request) {
    DmnDecisionResultEntries row = withoutAuthorization(() -> decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables()
            .putValue("requestKind", request.kind().name())
            .putValue("customerType", request.customerType())
            .putValue("country", request.country())
            .putValue("dunningStep", request.dunningStep())
            .putValue("openAmount", request.openAmount().doubleValue())
            .putValue("instalments", request.instalments())
            .putValue("firstDueInDays", request.firstDueInDays())
            .putValue("deferralDays", request.deferralDays()))
        .evaluate().getSingleResult());
    return from(row == null ? null : row.getEntryMap());
  }

  /**
   * A row's outputs as a decision. No matching row, or an outcome the table's editor mistyped, goes to a case
   * handler rather than approving anything: the reason names what was wrong so it can be corrected.
   */
  static Decision from(Map<String, Object> row) {
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

  /** The policy is Fordra's to read, whoever's request asks it (a portal user has no right to evaluate decisions). */
  private <T> T withoutAuthorization(Supplier<T> read) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      return context.runWithoutAuthorization(read::get);
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
