package io.fordra.task;

import io.fordra.customer.Country;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days in Sweden and Norway: not a Saturday or Sunday and not a public holiday (or a day banks treat as one).
 *
 * <p>Sweden (lag 1989:253 om allmänna helgdagar, plus the days banks are closed): 1 and 6 January, Good Friday,
 * Easter Monday, 1 May, Ascension Day, 6 June, Midsummer Eve, 24, 25, 26 and 31 December. Norway (lov om
 * helligdager og helligdagsfred, lov om 1. og 17. mai): 1 January, Maundy Thursday, Good Friday, Easter Monday,
 * 1 May, 17 May, Ascension Day, Whit Monday, 25 and 26 December. Of these only 1 January, 1 May, Maundy Thursday
 * (NO), Good Friday, Easter Monday, Ascension Day and Whit Monday (NO) can fall on the first days of a month.
 */
public final class WorkingDays {

  private WorkingDays() {}

  /** The first working day of the month in the country. */
  public static LocalDate firstWorkingDay(YearMonth month, Country country) {
    LocalDate day = month.atDay(1);
    while (!isWorkingDay(day, country)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /**
   * The day that many working days after from (a task due in 2 working days, given on a Friday or a Saturday, is due
   * on Tuesday); 0 is from itself, or the next working day when from is not one.
   */
  public static LocalDate plus(LocalDate from, int workingDays, Country country) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative, not " + workingDays);
    }
    LocalDate day = from;
    int left = workingDays;
    while (left > 0 || !isWorkingDay(day, country)) {
      day = day.plusDays(1);
      if (left > 0 && isWorkingDay(day, country)) {
        left--;
      }
    }
    return day;
  }

  public static boolean isWorkingDay(LocalDate day, Country country) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays(day.getYear(), country)
        .contains(day);
  }

  /** The public holidays (and bank holidays) of a year that can fall on a weekday. */
  static Set<LocalDate> holidays(int year, Country country) {
    LocalDate easter = easterSunday(year);
    Set<LocalDate> days = new HashSet<>();
    days.add(LocalDate.of(year, 1, 1));
    days.add(easter.minusDays(2));            // Good Friday
    days.add(easter.plusDays(1));             // Easter Monday
    days.add(LocalDate.of(year, 5, 1));
    days.add(easter.plusDays(39));            // Ascension Day
    days.add(LocalDate.of(year, 12, 25));
    days.add(LocalDate.of(year, 12, 26));
    if (country == Country.NO) {
      days.add(easter.minusDays(3));          // Maundy Thursday (skjærtorsdag)
      days.add(LocalDate.of(year, 5, 17));    // Constitution Day
      days.add(easter.plusDays(50));          // Whit Monday (2. pinsedag)
    } else {
      days.add(LocalDate.of(year, 1, 6));     // Epiphany
      days.add(LocalDate.of(year, 6, 6));     // National Day
      days.add(midsummerEve(year));
      days.add(LocalDate.of(year, 12, 24));
      days.add(LocalDate.of(year, 12, 31));
    }
    return days;
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  /** The Friday between 19 and 25 June. */
  private static LocalDate midsummerEve(int year) {
    LocalDate day = MonthDay.of(Month.JUNE, 19).atYear(year);
    while (day.getDayOfWeek() != DayOfWeek.FRIDAY) {
      day = day.plusDays(1);
    }
    return day;
  }
}
