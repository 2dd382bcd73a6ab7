package io.fordra.dunning;

import io.fordra.customer.Country;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.dunning.*: when reminder runs happen, and the legal limits per debtor country that the dunning policy
 * (processes/dunning-policy.dmn) cannot exceed.
 */
@ConfigurationProperties("fordra.dunning")
record DunningProperties(List<Integer> reminderRunDays, String reminderRunTime, Map<Country, Limits> limits) {

  public DunningProperties {
    if (reminderRunDays == null || reminderRunDays.isEmpty()) {
      reminderRunDays = List.of(1, 15);
    }
    for (int day : reminderRunDays) {
      if (day < 1 || day > 28) {
        throw new IllegalArgumentException("fordra.dunning.reminder-run-days: " + day
            + " is not a day that every month has (1-28)");
      }
    }
    reminderRunDays = reminderRunDays.stream().sorted().distinct().toList();
    reminderRunTime = reminderRunTime == null ? "06:00" : reminderRunTime;
    LocalTime.parse(reminderRunTime);
    limits = limits == null ? Map.of() : Map.copyOf(limits);
  }

  public LocalTime runTime() {
    return LocalTime.parse(reminderRunTime);
  }

  public Limits limitsFor(Country country) {
    Limits l = limits.get(country);
    if (l == null) {
      throw new IllegalStateException("fordra.dunning.limits." + country + " is not configured");
    }
    return l;
  }

  /** What the law of the debtor's country allows. */
  public record Limits(
      BigDecimal maxReminderFee,
      boolean reminderFeeRequiresAgreement,
      int maxReminderFees,
      int minDaysAfterDueForFee,
      BigDecimal maxCollectionNoticeFee,
      int minCollectionNoticePeriodDays) {}
}
