package io.fordra.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.Map;

/**
 * One row of the dunning policy's answer: what to do next, the fee, how long the customer gets to pay, and whether
 * this letter claims the fixed compensation for recovery costs (a business debtor, once per invoice).
 */
public record DunningStep(String action, BigDecimal fee, Period paymentPeriod, int earliestDaysAfterDue,
                          boolean compensation) {

  /** A step that claims no fixed compensation. */
  public DunningStep(String action, BigDecimal fee, Period paymentPeriod, int earliestDaysAfterDue) {
    this(action, fee, paymentPeriod, earliestDaysAfterDue, false);
  }

  public static DunningStep from(Map<String, Object> result) {
    if (result == null) {
      throw new IllegalStateException("The dunning policy gave no result for this invoice");
    }
    Object fee = result.get("fee");
    Object period = result.get("paymentPeriod");
    Object earliest = result.get("earliestDaysAfterDue");
    return new DunningStep(
        String.valueOf(result.get("action")),
        fee == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(fee.toString()).setScale(2, RoundingMode.HALF_UP),
        period == null ? Period.ZERO : Period.parse(period.toString()),
        earliest == null ? 0 : ((Number) earliest).intValue(),
        Boolean.TRUE.equals(result.get("compensation")));
  }
}
