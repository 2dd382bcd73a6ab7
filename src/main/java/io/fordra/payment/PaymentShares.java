package io.fordra.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How one payment for several invoices is shared: each invoice up to its open amount, in the order named. */
public final class PaymentShares {

  private PaymentShares() {}

  /**
   * @param amount        the payment
   * @param openAmounts   what each named invoice has open, in the order the payer (or a person) named them
   * @param lastTakesRest whether the last invoice takes what is left over (an overpayment on it); if not, the rest
   *                      stays with the caller
   * @return each invoice's share (zero where nothing was left for it), same order and size as openAmounts
   */
  public static List<BigDecimal> of(BigDecimal amount, List<BigDecimal> openAmounts, boolean lastTakesRest) {
    List<BigDecimal> shares = new ArrayList<>(openAmounts.size());
    BigDecimal left = amount;
    for (int i = 0; i < openAmounts.size(); i++) {
      boolean last = i == openAmounts.size() - 1;
      BigDecimal share = last && lastTakesRest ? left : left.min(openAmounts.get(i).max(BigDecimal.ZERO));
      share = share.max(BigDecimal.ZERO);
      shares.add(share);
      left = left.subtract(share);
    }
    return shares;
  }
}
