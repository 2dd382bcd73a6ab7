package io.fordra.report;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.valuation.provision-percent: the share of each aging bucket (not due, 1-30, 31-60, 61-90, over 90 days)
 * that the year-end valuation proposes to provide for as doubtful (seed 004's "värdering av kundfordringar").
 */
@ConfigurationProperties("fordra.valuation")
public record ProvisionProperties(List<BigDecimal> provisionPercent) {

  public ProvisionProperties {
    provisionPercent = provisionPercent == null || provisionPercent.isEmpty()
        ? List.of(BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("25"),
            new BigDecimal("50"))
        : List.copyOf(provisionPercent);
    if (provisionPercent.size() != AgingReport.BUCKETS.size()
        || provisionPercent.stream().anyMatch(p -> p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new IllegalArgumentException("fordra.valuation.provision-percent needs " + AgingReport.BUCKETS.size()
          + " percentages between 0 and 100 (" + AgingReport.BUCKETS + "), got " + provisionPercent);
    }
  }
}
