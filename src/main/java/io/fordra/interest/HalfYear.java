package io.fordra.interest;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar half-year (1 January-30 June, 1 July-31 December): the period for which Riksbanken sets the reference
 * rate (räntelagen 9 §) and Finansdepartementet the forsinkelsesrente, written as 2026-H2.
 */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {

  private static final Pattern TEXT = Pattern.compile("(\\d{4})-H([12])");

  public HalfYear {
    if (half != 1 && half != 2) {
      throw new IllegalArgumentException("A half-year is H1 or H2, not H" + half);
    }
  }

  public static HalfYear of(LocalDate day) {
    return new HalfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
  }

  /** "2026-H2"; null for anything else. */
  public static HalfYear parse(String text) {
    Matcher m = text == null ? null : TEXT.matcher(text.strip());
    return m != null && m.matches() ? new HalfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
  }

  public LocalDate start() {
    return LocalDate.of(year, half == 1 ? Month.JANUARY : Month.JULY, 1);
  }

  public LocalDate end() {
    return half == 1 ? LocalDate.of(year, Month.JUNE, 30) : LocalDate.of(year, Month.DECEMBER, 31);
  }

  public HalfYear next() {
    return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
  }

  @Override
  public int compareTo(HalfYear other) {
    return start().compareTo(other.start());
  }

  @Override
  public String toString() {
    return year + "-H" + half;
  }
}
