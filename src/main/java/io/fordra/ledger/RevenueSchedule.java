package io.fordra.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a periodised line's net amount is spread over the months of its service period.
 *
 * <p>Each month weighs the share of that month the period covers: a whole month weighs 1 (so a period of whole
 * months gives each month the same share: a licence for a year, a twelfth a month), a part of a month its days over
 * the month's days (1-14 January weighs 14/31). Each month's share is net × weight / total weight, computed exactly
 * (34 digits) and rounded half-up to öre/øre; the last month takes the remainder, so that the shares add up to the
 * net amount exactly. 100.00 over three whole months: 33.33, 33.33, 33.34.
 */
public final class RevenueSchedule {

  private static final MathContext EXACT = MathContext.DECIMAL128;

  private RevenueSchedule() {}

  /** The shares per month, in month order; both days included. */
  public static Map<YearMonth, BigDecimal> of(BigDecimal net, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("A service period ends on or after its start: " + from + ".." + to);
    }
    Map<YearMonth, BigDecimal> weights = new LinkedHashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
      LocalDate first = max(month.atDay(1), from);
      LocalDate last = min(month.atEndOfMonth(), to);
      BigDecimal weight = BigDecimal.valueOf(ChronoUnit.DAYS.between(first, last) + 1)
          .divide(BigDecimal.valueOf(month.lengthOfMonth()), EXACT);
      weights.put(month, weight);
      total = total.add(weight, EXACT);
    }
    Map<YearMonth, BigDecimal> shares = new LinkedHashMap<>();
    BigDecimal given = BigDecimal.ZERO.setScale(2);
    YearMonth lastMonth = YearMonth.from(to);
    for (Map.Entry<YearMonth, BigDecimal> w : weights.entrySet()) {
      BigDecimal share = w.getKey().equals(lastMonth) ? net.subtract(given).setScale(2, RoundingMode.UNNECESSARY)
          : net.multiply(w.getValue(), EXACT).divide(total, EXACT).setScale(2, RoundingMode.HALF_UP);
      shares.put(w.getKey(), share);
      given = given.add(share);
    }
    return shares;
  }

  /** Whether a line with this service period is periodised: the period runs past the month the invoice is booked in. */
  public static boolean extendsPast(LocalDate serviceTo, LocalDate bookingDate) {
    return YearMonth.from(serviceTo).isAfter(YearMonth.from(bookingDate));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
