package io.fordra.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.dunning.late-compensation.*: the fixed compensation for recovery costs that a business debtor owes once per
 * invoice (late-payment directive 2011/7/EU art. 6: EUR 40; Sweden's förseningsersättning, lag 1981:739 § 4 a: 450 SEK),
 * per invoice currency. The dunning policy's output "compensation" asks for it; a currency without an amount gets
 * none (the directive names no NOK amount, Norway has none of its own in force for Fordra).
 */
@ConfigurationProperties("fordra.dunning.late-compensation")
public record LateCompensationProperties(Map<String, BigDecimal> amounts) {

  public LateCompensationProperties {
    Map<String, BigDecimal> checked = new TreeMap<>();
    (amounts == null ? Map.of("EUR", new BigDecimal("40"), "SEK", new BigDecimal("450")) : amounts)
        .forEach((currency, amount) -> {
          if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("fordra.dunning.late-compensation.amounts." + currency
                + " must be 0 or more");
          }
          checked.put(currency.toUpperCase(java.util.Locale.ROOT), amount.setScale(2, RoundingMode.HALF_UP));
        });
    amounts = Map.copyOf(checked);
  }

  /** The amount in the currency, when one is configured and above zero. */
  public Optional<BigDecimal> in(String currency) {
    return Optional.ofNullable(amounts.get(currency)).filter(a -> a.signum() > 0);
  }
}
