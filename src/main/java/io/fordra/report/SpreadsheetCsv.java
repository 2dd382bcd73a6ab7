package io.fordra.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * How Fordra writes every CSV file (for a spreadsheet): UTF-8 with a byte-order mark, ';' between cells, CRLF, written
 * by Apache Commons CSV with every text cell in quotes, so that a line break or a ';' in a name stays inside its cell.
 *
 * <p>Text that a spreadsheet would take for a formula (it begins with {@code = + - @}, a tab or a carriage return:
 * OWASP's "CSV injection") gets a leading {@code '}, so that it is shown, never run. Which cell is text and which a
 * number is decided by its type: numbers that Fordra computes are passed as numbers (BigDecimal, Integer …) and
 * written unquoted as they are, so that {@code -250.00} stays a number a spreadsheet can add up; everything else (a
 * customer's name, a number typed by someone) is text and is neutralised.
 */
public final class SpreadsheetCsv {

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
      .setQuoteMode(QuoteMode.NON_NUMERIC).get();
  private static final String FORMULA_START = "=+-@\t\r";

  private final StringBuilder out = new StringBuilder("\uFEFF");
  private final CSVPrinter printer;

  public SpreadsheetCsv(List<String> header) {
    try {
      printer = new CSVPrinter(out, FORMAT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    row(header.toArray());
  }

  /** One record: numbers as numbers, anything else as neutralised text, null as an empty cell. */
  public SpreadsheetCsv row(Object... cells) {
    try {
      for (Object cell : cells) {
        printer.print(cell(cell));
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  static Object cell(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.scale() < 0 ? decimal.setScale(0) : decimal;   // 1E+3 would be text to a spreadsheet
    }
    if (value instanceof Number) {
      return value;
    }
    String text = value.toString();
    return !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
