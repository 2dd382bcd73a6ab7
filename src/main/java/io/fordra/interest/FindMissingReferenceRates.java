package io.fordra.interest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The daily check: for each country's half-year whose row is missing and due, a reminder (one instance per country
 * and half-year, found by its business key) unless one is already waiting.
 */
@Component
class FindMissingReferenceRates implements JavaDelegate {

  private final InterestRateTable table;
  private final InterestProperties properties;

  FindMissingReferenceRates(InterestRateTable table, InterestProperties properties) {
    this.table = table;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    int started = 0;
    for (InterestRateTable.Due due : table.due(properties.rateReminderDaysBefore())) {
      String key = ReferenceRateReminder.businessKey(due.country(), due.halfYear());
      if (runtime.createProcessInstanceQuery().processDefinitionKey(ReferenceRateReminder.KEY)
          .processInstanceBusinessKey(key).count() == 0) {
        runtime.startProcessInstanceByMessage(ReferenceRateReminder.RATE_MISSING, key, Variables.createVariables()
            .putValue(ReferenceRateReminder.COUNTRY.name(), due.country().name())
            .putValue(ReferenceRateReminder.HALF_YEAR.name(), due.halfYear().toString()));
        started++;
      }
    }
    ReferenceRateReminder.REMINDERS_STARTED.set(execution, started);
  }
}
