package io.fordra.invoice.file;

import java.math.BigDecimal;

/** Numbers in the files people make with spreadsheets: the billing file and the migration file read them alike. */
public final class SpreadsheetNumbers {

  private SpreadsheetNumbers() {}

  /**
   * A number as spreadsheets write it: "1250.50", "1 250,50" (decimal comma, spaces between thousands), "1.250,50",
   * "25 %"; a minus sign may be the typographic one.
   */
  public static BigDecimal decimal(String value) {
    String s = value.replaceAll("[\\s\\u00a0\\u202f%]", "").replace('\u2212', '-');
    int comma = s.lastIndexOf(',');
    int dot = s.lastIndexOf('.');
    if (comma >= 0 && dot >= 0) {
      s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
    } else if (comma >= 0) {
      if (s.indexOf(',') != comma) {
        throw new NumberFormatException(value);
      }
      s = s.replace(',', '.');
    }
    if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      throw new NumberFormatException(value);
    }
    return new BigDecimal(s);
  }
}
