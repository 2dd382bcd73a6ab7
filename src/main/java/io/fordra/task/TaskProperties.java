package io.fordra.task;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.tasks.*: when a user task without a deadline of its own is due, in working days (of the seller's country)
 * after the day it was created, by the id of its form (e.g. {@code review-dunning: 2}).
 */
@ConfigurationProperties("fordra.tasks")
public record TaskProperties(Map<String, Integer> dueInWorkingDays) {

  public TaskProperties {
    dueInWorkingDays = dueInWorkingDays == null ? Map.of() : Map.copyOf(dueInWorkingDays);
  }

  /** The working days a task of the form has; a form left out of the configuration is refused at its first task. */
  public int dueInWorkingDays(String formId) {
    Integer days = dueInWorkingDays.get(formId);
    if (days == null || days < 0) {
      throw new IllegalStateException("fordra.tasks.due-in-working-days." + formId
          + " is not set (or negative): how many working days a " + formId + " task has");
    }
    return days;
  }
}
