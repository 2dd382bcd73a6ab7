package io.fordra.dunning;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A new set of legal limits for one country (POST /api/dunning-limits/{country}); validFrom defaults to today. */
public record DunningLimitRequest(
    // A day as yyyy-MM-dd only: a number (days since 1970) or a time would store a limit for a day nobody meant.
    @JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE)
    LocalDate validFrom,
    BigDecimal maxReminderFee,
    Boolean reminderFeeRequiresAgreement,
    Integer maxReminderFees,
    Integer minDaysAfterDueForFee,
    BigDecimal maxCollectionNoticeFee,
    Integer minCollectionNoticePeriodDays,
    String source) {}
