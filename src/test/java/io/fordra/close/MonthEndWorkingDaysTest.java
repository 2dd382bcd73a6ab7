package io.fordra.close;

import io.fordra.task.WorkingDays;
import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.customer.Country;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The first working day of a month, checked by hand against a calendar. */
class MonthEndWorkingDaysTest {

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
      // 1 Jan 2026 is a Thursday (New Year's Day).
      "2026-01, SE, 2026-01-02", "2026-01, NO, 2026-01-02",
      // 1 May 2026 is a Friday (May Day), then the weekend.
      "2026-05, SE, 2026-05-04", "2026-05, NO, 2026-05-04",
      // 1 May 2027 is a Saturday.
      "2027-05, SE, 2027-05-03", "2027-05, NO, 2027-05-03",
      // 1 Jan 2022 is a Saturday.
      "2022-01, SE, 2022-01-03",
      // 1 Mar 2026 is a Sunday; 1 Aug 2026 a Saturday; 1 Jun 2026 a Monday (Whit Monday is 25 May).
      "2026-03, SE, 2026-03-02", "2026-08, NO, 2026-08-03", "2026-06, NO, 2026-06-01",
      // Easter 2026 is 5 April: 1 April (Wednesday) is before Maundy Thursday.
      "2026-04, SE, 2026-04-01", "2026-04, NO, 2026-04-01",
      // Easter 2021 is 4 April: Maundy Thursday 1 April (a holiday in Norway only), Good Friday 2, Easter Monday 5.
      "2021-04, SE, 2021-04-01", "2021-04, NO, 2021-04-06",
      // Easter 2029 is 1 April: Easter Monday 2 April.
      "2029-04, SE, 2029-04-03", "2029-04, NO, 2029-04-03",
      // Easter 2024 is 31 March: Easter Monday 1 April.
      "2024-04, SE, 2024-04-02",
      // Easter 2020 is 12 April: Whit Monday 1 June is a holiday in Norway, no longer in Sweden.
      "2020-06, SE, 2020-06-01", "2020-06, NO, 2020-06-02",
      // Easter 2000 is 23 April: Ascension Day Thursday 1 June.
      "2000-06, SE, 2000-06-02", "2000-06, NO, 2000-06-02"
  })
  void firstWorkingDay(String month, Country country, LocalDate expected) {
    assertThat(WorkingDays.firstWorkingDay(YearMonth.parse(month), country)).isEqualTo(expected);
  }

  @Test
  void easterSundays() {
    assertThat(WorkingDays.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
    assertThat(WorkingDays.easterSunday(2021)).isEqualTo(LocalDate.of(2021, 4, 4));
    assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    assertThat(WorkingDays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
  }

  @Test
  void holidaysOfEachCountry() {
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14), Country.SE)).as("Ascension Day").isFalse();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25), Country.NO)).as("Whit Monday NO").isFalse();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25), Country.SE)).as("Whit Monday SE").isTrue();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 18), Country.NO)).as("a Monday").isTrue();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 6, 19), Country.SE)).as("Midsummer Eve").isFalse();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 6, 19), Country.NO)).isTrue();
  }
}
