package io.fordra.paymentplan;

import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How an amount is split into instalments, and what a written plan may cost. Pure: no clock, no database.
 *
 * <p>Every instalment but the last is the equal share rounded down to öre/øre; the last takes the remainder, so the
 * instalments add up to the amount exactly and the last is never smaller than the others. Due dates are the first
 * due date plus whole intervals counted from it (31 Jan, 28 Feb, 31 Mar with P1M), not from the previous date, so a
 * short month does not pull every later date earlier.
 */
@Component
public final class InstalmentSchedule {

  private final PaymentPlanProperties properties;

  public InstalmentSchedule(PaymentPlanProperties properties) {
    this.properties = properties;
  }

  /**
   * The instalments of {@code amount} in {@code currency}.
   *
   * @throws InvalidRequestException if {@code count} is below 1 or above max-instalments, the first due date is
   *     before {@code today}, the amount is not positive, or an instalment would be below the currency's minimum
   */
  public List<Instalment> split(BigDecimal amount, String currency, int count, LocalDate firstDueDate,
                                LocalDate today) {
    Violations violations = new Violations();
    if (amount == null || amount.signum() <= 0) {
      violations.add("amount", "must be more than 0");
    } else if (amount.stripTrailingZeros().scale() > 2) {
      violations.add("amount", "must have at most 2 decimals, but was " + amount.toPlainString());
    }
    if (count < 1) {
      violations.add("instalments", "must be 1 or more, but was " + count);
    } else if (count > properties.maxInstalments()) {
      violations.add("instalments", "must be at most " + properties.maxInstalments() + ", but was " + count);
    }
    if (firstDueDate == null) {
      violations.add("firstDueDate", "is required");
    } else if (firstDueDate.isBefore(today)) {
      violations.add("firstDueDate", "must be today or later, but was " + firstDueDate);
    }
    BigDecimal share = null;
    if (violations.isEmpty()) {
      share = amount.setScale(2).divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
      BigDecimal minimum = properties.minimumInstalmentIn(currency);
      if (share.compareTo(minimum) < 0) {
        violations.add("instalments", count + " instalments of " + amount.setScale(2).toPlainString() + " " + currency
            + " would be " + share.toPlainString() + " each, below the minimum instalment of "
            + minimum.setScale(2).toPlainString() + " " + currency);
      }
    }
    violations.throwIfAny();
    List<Instalment> instalments = new ArrayList<>(count);
    BigDecimal rest = amount.setScale(2);
    for (int i = 1; i <= count; i++) {
      BigDecimal part = i == count ? rest : share;
      rest = rest.subtract(part);
      instalments.add(new Instalment(i, firstDueDate.plus(properties.interval().multipliedBy(i - 1)), part));
    }
    return List.copyOf(instalments);
  }

  /**
   * The fee a written plan carries: in Sweden (lag 1981:739 3 § 2, 4 § 3) only for a complete plan for the rest of
   * the debt, at most once for a debt; elsewhere what fordra.payment-plan.fee sets for the country of the claim's law.
   *
   * @param lawOfClaim SE or NO
   * @param coversWholeDebt whether the plan covers everything still open on the debt
   * @param feeAlreadyCharged whether a plan fee was charged for this debt before (a plan that replaces a broken one)
   */
  public BigDecimal fee(String lawOfClaim, boolean coversWholeDebt, boolean feeAlreadyCharged) {
    if (!coversWholeDebt || feeAlreadyCharged) {
      return BigDecimal.ZERO.setScale(2);
    }
    return properties.feeIn(lawOfClaim);
  }
}
