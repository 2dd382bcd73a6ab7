package io.fordra.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A new set of legal limits for one country (POST /api/dunning-limits/{country}); validFrom defaults to today. */
public record DunningLimitRequest(
    LocalDate validFrom,
    BigDecimal maxReminderFee,
    Boolean reminderFeeRequiresAgreement,
    Integer maxReminderFees,
    Integer minDaysAfterDueForFee,
    BigDecimal maxCollectionNoticeFee,
    Integer minCollectionNoticePeriodDays,
    String source) {}
