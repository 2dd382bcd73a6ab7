package io.fordra.seller;

import io.fordra.customer.Country;
import io.fordra.kernel.Violations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The VAT rates (percent) a seller may charge: Sweden 25/12/6/0, Norway 25/15/12/0. */
public final class VatRates {

  private static final Map<Country, List<BigDecimal>> RATES = Map.of(
      Country.SE, rates(25, 12, 6, 0),
      Country.NO, rates(25, 15, 12, 0));

  private VatRates() {}

  public static List<BigDecimal> of(Country sellerCountry) {
    return RATES.get(sellerCountry);
  }

  public static boolean isValid(Country sellerCountry, BigDecimal rate) {
    return of(sellerCountry).stream().anyMatch(r -> r.compareTo(rate) == 0);
  }

  /**
   * Adds a violation to field unless the rate is given, is a VAT rate of the seller's country and can be booked
   * (canBook: {@code Ledger#canBook}, the chart has its sales and output VAT accounts); returns whether it is usable.
   */
  public static boolean check(String field, BigDecimal rate, Country sellerCountry, Predicate<BigDecimal> canBook,
                              Violations violations) {
    if (!violations.required(field, rate)) {
      return false;
    }
    if (!isValid(sellerCountry, rate)) {
      violations.add(field, rate.toPlainString() + " % is not a VAT rate in " + sellerCountry + " (allowed: "
          + of(sellerCountry) + ")");
      return false;
    }
    if (!canBook.test(rate)) {
      String percent = rate.stripTrailingZeros().toPlainString();
      violations.add(field, "the chart of accounts has no sales or output VAT account for " + percent
          + " % (set fordra.ledger.sales." + percent + " and fordra.ledger.output-vat." + percent + ")");
      return false;
    }
    return true;
  }

  private static List<BigDecimal> rates(int... percents) {
    return java.util.Arrays.stream(percents).mapToObj(BigDecimal::valueOf).toList();
  }
}
