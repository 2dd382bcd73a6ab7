package io.fordra.dunning;

import io.fordra.customer.Country;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the law of the debtor's country allows in reminders and collection notices, from a day on: no dunning
 * policy (processes/dunning-policy.dmn) can charge more or give less time. Recorded by finance, with who and when.
 */
public record DunningLimit(
    long id,
    Country country,
    LocalDate validFrom,
    BigDecimal maxReminderFee,
    boolean reminderFeeRequiresAgreement,
    int maxReminderFees,
    int minDaysAfterDueForFee,
    BigDecimal maxCollectionNoticeFee,
    int minCollectionNoticePeriodDays,
    String source,
    String recordedBy,
    Instant recordedAt) {

  /** The same limits from the same day with the same source: recording it again would change nothing. */
  boolean sameLimitsAs(DunningLimit other) {
    return country == other.country && validFrom.equals(other.validFrom)
        && maxReminderFee.compareTo(other.maxReminderFee) == 0
        && reminderFeeRequiresAgreement == other.reminderFeeRequiresAgreement
        && maxReminderFees == other.maxReminderFees && minDaysAfterDueForFee == other.minDaysAfterDueForFee
        && maxCollectionNoticeFee.compareTo(other.maxCollectionNoticeFee) == 0
        && minCollectionNoticePeriodDays == other.minCollectionNoticePeriodDays && source.equals(other.source);
  }
}
