package io.fordra.paymentplan;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * fordra.payment-plan.*: the limits every plan keeps, whatever the policy table (processes/payment-plan-policy.dmn)
 * says, and the fee a written plan may carry.
 *
 * @param maxInstalments most instalments a plan may have
 * @param minimumInstalment smallest instalment by currency; a currency without one has no minimum
 * @param gracePeriod how long after its due date an unpaid instalment waits before the reminder about it
 * @param interval time between two instalments' due dates
 * @param fee fee for drawing up a written plan over the whole debt, by the country whose law the claim follows
 *     (SE: lag 1981:739 3 § 2 and 4 § 3, at most 170 kronor; a country without an amount charges none)
 * @param interestDuringPlan whether late-payment interest keeps running while the plan runs
 * @param maxDeferral how far a deferral may move an invoice's date to pay: from its due date, or from today when that
 *     has passed
 */
@ConfigurationProperties("fordra.payment-plan")
public record PaymentPlanProperties(Integer maxInstalments, Map<String, BigDecimal> minimumInstalment,
                                    Period gracePeriod, Period interval, Map<String, BigDecimal> fee,
                                    Boolean interestDuringPlan, Period maxDeferral) {

  @ConstructorBinding
  public PaymentPlanProperties {
    maxInstalments = maxInstalments == null ? 12 : maxInstalments;
    minimumInstalment = minimumInstalment == null
        ? Map.of("SEK", new BigDecimal("300.00"), "NOK", new BigDecimal("300.00"), "EUR", new BigDecimal("30.00"))
        : Map.copyOf(minimumInstalment);
    gracePeriod = gracePeriod == null ? Period.ofDays(7) : gracePeriod;
    interval = interval == null ? Period.ofMonths(1) : interval;
    fee = fee == null ? Map.of("SE", new BigDecimal("170.00")) : Map.copyOf(fee);
    interestDuringPlan = interestDuringPlan == null || interestDuringPlan;
    maxDeferral = maxDeferral == null ? Period.ofDays(60) : maxDeferral;
    if (maxInstalments < 1) {
      throw new IllegalArgumentException("fordra.payment-plan.max-instalments must be 1 or more, but was "
          + maxInstalments);
    }
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("fordra.payment-plan.interval must be positive, but was " + interval);
    }
    if (maxDeferral.isZero() || maxDeferral.isNegative()) {
      throw new IllegalArgumentException("fordra.payment-plan.max-deferral must be positive, but was " + maxDeferral);
    }
  }

  /** The settings before max-deferral (its default, P60D). */
  public PaymentPlanProperties(Integer maxInstalments, Map<String, BigDecimal> minimumInstalment, Period gracePeriod,
                               Period interval, Map<String, BigDecimal> fee, Boolean interestDuringPlan) {
    this(maxInstalments, minimumInstalment, gracePeriod, interval, fee, interestDuringPlan, null);
  }

  /** The smallest instalment in {@code currency}, zero if none is set. */
  public BigDecimal minimumInstalmentIn(String currency) {
    return minimumInstalment.getOrDefault(currency, BigDecimal.ZERO);
  }

  /** The written plan's fee under the law of {@code country} (SE/NO), zero if none is set. */
  public BigDecimal feeIn(String country) {
    return fee.getOrDefault(country, BigDecimal.ZERO).setScale(2);
  }
}
