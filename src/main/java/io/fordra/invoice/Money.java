package io.fordra.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Amounts as people read them: "12 345,50" in Swedish and Norwegian, "12,345.50" in English. */
public final class Money {

  private Money() {}

  public static String format(BigDecimal amount, String language) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols();
    boolean english = "en".equals(language);
    symbols.setGroupingSeparator(english ? ',' : '\u00a0');
    symbols.setDecimalSeparator(english ? '.' : ',');
    symbols.setMinusSign('-');
    DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }
}
