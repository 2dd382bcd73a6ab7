package io.fordra.interest;

import io.fordra.customer.Country;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** {@link ReferenceRateReminders} on Camunda: the message ReferenceRateRecorded, keyed by country and half-year. */
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
}
