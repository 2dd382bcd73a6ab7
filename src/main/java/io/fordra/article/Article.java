package io.fordra.article;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An article of the register: what an invoice line that names it takes when the line leaves description, price or
 * VAT out.
 *
 * @param descriptions  per language (sv, nb, en), at least one
 * @param unit          how it is counted ("st", "tim", "kg" …)
 * @param revenueAccount where its sales are booked; null for the sales account of its VAT rate
 */
public record Article(String articleNumber, Map<String, String> descriptions, String unit, BigDecimal unitPrice,
                      BigDecimal vatRate, String revenueAccount, Instant createdAt, Instant updatedAt) {

  /** The description in the language asked for, else in the fallback language, else in any language it has. */
  public String description(String language, String fallbackLanguage) {
    String text = descriptions.get(language);
    if (text == null) {
      text = descriptions.get(fallbackLanguage);
    }
    return text != null ? text : descriptions.values().stream().sorted().findFirst().orElse(null);
  }
}
