package io.fordra.migration;

import io.fordra.dunning.DunningStep;
import io.fordra.invoice.InvoiceToCash;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@link MigrationPolicy} on Camunda: the decision table dunning-policy as deployed now, asked as a case handler's
 * review would leave it (reviewed), so that a priority customer's row gives the step itself.
 */
@Component
class EngineMigrationPolicy implements MigrationPolicy {

  /** How far past the reminders sent the policy is searched for its collection notice. */
  private static final int SEARCH = 5;

  private final DecisionService decisions;
  private final IdentityService identity;

  EngineMigrationPolicy(DecisionService decisions, IdentityService identity) {
    this.decisions = decisions;
    this.identity = identity;
  }

  /** The policy's step at a dunning level (letters sent since the due date). */
  @Override
  public DunningStep at(String country, String customerType, boolean priority, int level) {
    // Fordra's own reading of its policy, not the caller's decision: evaluated without the caller's authorizations.
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      var result = decisions.evaluateDecisionByKey(InvoiceToCash.DUNNING_POLICY)
          .variables(Variables.createVariables()
              .putValue(InvoiceToCash.COUNTRY.name(), country)
              .putValue(InvoiceToCash.CUSTOMER_TYPE.name(), customerType)
              .putValue(InvoiceToCash.PRIORITY.name(), priority)
              .putValue(InvoiceToCash.REVIEWED.name(), true)
              .putValue(InvoiceToCash.DUNNING_LEVEL.name(), level))
          .evaluate().getSingleResult();
      return DunningStep.from(result == null ? null : result.getEntryMap());
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** The level at which the policy sends the collection notice, at or after the reminders sent; empty if never. */
  @Override
  public Optional<Integer> collectionNoticeLevel(String country, String customerType, boolean priority, int reminders) {
    for (int level = reminders; level <= reminders + SEARCH; level++) {
      String action = at(country, customerType, priority, level).action();
      if (InvoiceToCash.Actions.COLLECTION_NOTICE.equals(action)) {
        return Optional.of(level);
      }
      if (InvoiceToCash.Actions.HAND_OFF.equals(action)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
