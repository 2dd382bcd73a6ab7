package io.fordra.interest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The daily check: for each country's half-year whose row is missing and due, a reminder (one instance per country
 * and half-year, found by its business key) unless one is already waiting.
 */
@Component
class FindMissingReferenceRates implements JavaDelegate {

  private final InterestRateTable table;
  private final InterestProperties properties;
  private final ReferenceRateReminders reminders;

  FindMissingReferenceRates(InterestRateTable table, InterestProperties properties,
                            ReferenceRateReminders reminders) {
    this.table = table;
    this.properties = properties;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int started = 0;
    for (InterestRateTable.Due due : table.due(properties.rateReminderDaysBefore())) {
      if (reminders.remind(due.country(), due.halfYear())) {
        started++;
      }
    }
    ReferenceRateReminder.REMINDERS_STARTED.set(execution, started);
  }
}
