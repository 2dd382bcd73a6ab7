package io.fordra.paymentplan;

import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link PaymentPlanPolicy} on Camunda: the latest deployed version of the decision payment-plan-policy. */
@Component
class EnginePaymentPlanPolicy implements PaymentPlanPolicy {

  private final DecisionService decisions;
  private final IdentityService identity;

  EnginePaymentPlanPolicy(DecisionService decisions, IdentityService identity) {
    this.decisions = decisions;
    this.identity = identity;
  }

  @Override
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
    return Decision.from(row == null ? null : row.getEntryMap());
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
