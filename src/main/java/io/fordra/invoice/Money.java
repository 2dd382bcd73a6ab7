package io.fordra.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Amounts (and quantities) as people read them: "12 345,50" in Swedish and Norwegian, "12,345.50" in English. */
public final class Money {

  private Money() {}

  public static String format(BigDecimal amount, String language) {
    return new DecimalFormat("#,##0.00", symbols(language)).format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  /**
   * A quantity beside the amounts, in their separators and with only the decimals it has (at most three, as
   * stored): "7,5" and "1 200" in Swedish and Norwegian, "7.5" and "1,200" in English.
   */
  public static String quantity(BigDecimal quantity, String language) {
    return new DecimalFormat("#,##0.###", symbols(language)).format(quantity.setScale(3, RoundingMode.HALF_UP));
  }

  private static DecimalFormatSymbols symbols(String language) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols();
    boolean english = "en".equals(language);
    symbols.setGroupingSeparator(english ? ',' : '\u00a0');
    symbols.setDecimalSeparator(english ? '.' : ',');
    symbols.setMinusSign('-');
    return symbols;
  }
}
