package io.fordra.invoice;

import io.fordra.customer.Country;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The VAT rates (percent) a seller may charge: Sweden 25/12/6/0, Norway 25/15/12/0. */
final class VatRates {

  private static final Map<Country, List<BigDecimal>> RATES = Map.of(
      Country.SE, rates(25, 12, 6, 0),
      Country.NO, rates(25, 15, 12, 0));

  private VatRates() {}

  static List<BigDecimal> of(Country sellerCountry) {
    return RATES.get(sellerCountry);
  }

  static boolean isValid(Country sellerCountry, BigDecimal rate) {
    return of(sellerCountry).stream().anyMatch(r -> r.compareTo(rate) == 0);
  }

  private static List<BigDecimal> rates(int... percents) {
    return java.util.Arrays.stream(percents).mapToObj(BigDecimal::valueOf).toList();
  }
}
