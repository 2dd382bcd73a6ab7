package io.fordra.interest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A half-year's row (POST /api/interest-rates): SE gives Riksbanken's referenceRate (the rate, if given, must be
 * reference + 8); NO gives the forsinkelsesrente as rate. validFrom/validTo are the half-year's first and last day.
 */
public record InterestRateRequest(
    String country,
    // A day as yyyy-MM-dd only: a number (days since 1970) or a time would store a row for a day nobody meant.
    @JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE)
    LocalDate validFrom,
    @JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE)
    LocalDate validTo,
    BigDecimal referenceRate,
    BigDecimal rate,
    String source) {}
