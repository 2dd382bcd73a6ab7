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
    Instant recordedAt) {}
