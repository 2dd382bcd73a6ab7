package io.fordra.interest;

import io.fordra.customer.Country;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@link ReferenceRateReminders} on Camunda: the start message ReferenceRateMissing and the message
 * ReferenceRateRecorded, keyed by country and half-year.
 */
@Component
class EngineReferenceRateReminders implements ReferenceRateReminders {

  private final RuntimeService runtime;

  EngineReferenceRateReminders(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void recorded(Country country, HalfYear halfYear) {
    // correlateAll: no reminder may be open (the row came before its day), and that is not an error.
    runtime.createMessageCorrelation(ReferenceRateReminder.RATE_RECORDED)
        .processInstanceBusinessKey(ReferenceRateReminder.businessKey(country, halfYear))
        .correlateAll();
  }

  @Override
  public boolean remind(Country country, HalfYear halfYear) {
    String key = ReferenceRateReminder.businessKey(country, halfYear);
    if (runtime.createProcessInstanceQuery().processDefinitionKey(ReferenceRateReminder.KEY)
        .processInstanceBusinessKey(key).count() > 0) {
      return false;
    }
    runtime.startProcessInstanceByMessage(ReferenceRateReminder.RATE_MISSING, key, Variables.createVariables()
        .putValue(ReferenceRateReminder.COUNTRY.name(), country.name())
        .putValue(ReferenceRateReminder.HALF_YEAR.name(), halfYear.toString()));
    return true;
  }
}
