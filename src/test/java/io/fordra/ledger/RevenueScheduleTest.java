package io.fordra.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a periodised line is spread over its months: whole months alike, part months by days, the sum exact. */
class RevenueScheduleTest {

  @Test
  void aYearOfWholeMonthsGivesEachMonthATwelfth() {
    Map<YearMonth, BigDecimal> shares = RevenueSchedule.of(new BigDecimal("12000.00"), LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31));
    assertThat(shares).hasSize(12);
    assertThat(shares.values()).allMatch(s -> s.compareTo(new BigDecimal("1000.00")) == 0);
    assertThat(shares.keySet()).startsWith(YearMonth.of(2027, 1)).endsWith(YearMonth.of(2027, 12));
  }

  @Test
  void aFebruaryWeighsAsMuchAsAJanuaryWhenWhole() {
    // Per day, February (28 days) would get less than January (31); per month, whole months are alike.
    Map<YearMonth, BigDecimal> shares = RevenueSchedule.of(new BigDecimal("200.00"), LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 2, 28));
    assertThat(shares).containsExactly(Map.entry(YearMonth.of(2027, 1), new BigDecimal("100.00")),
        Map.entry(YearMonth.of(2027, 2), new BigDecimal("100.00")));
  }

  @Test
  void roundingHalfUpAndTheLastMonthTakesTheRemainderSoTheSumIsExact() {
    Map<YearMonth, BigDecimal> thirds = RevenueSchedule.of(new BigDecimal("100.00"), LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 3, 31));
    assertThat(thirds.values()).containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"),
        new BigDecimal("33.34"));
    // 1 000.00 over 7 months: 142.857… rounds to 142.86 six times (857.16), the last takes 142.84.
    Map<YearMonth, BigDecimal> sevenths = RevenueSchedule.of(new BigDecimal("1000.00"), LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 7, 31));
    assertThat(sevenths.values()).containsExactly(new BigDecimal("142.86"), new BigDecimal("142.86"),
        new BigDecimal("142.86"), new BigDecimal("142.86"), new BigDecimal("142.86"), new BigDecimal("142.86"),
        new BigDecimal("142.84"));
    assertThat(sevenths.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000.00");
  }

  @Test
  void partMonthsWeighTheirDaysOverTheMonthsDays() {
    // 15 Jan - 14 Apr: January 17/31, February 1, March 1, April 14/30; total weight 3.0150537634…; 3 000.00 × 17/31 / 3.01505… = 545.649… → 545.65
    Map<YearMonth, BigDecimal> shares = RevenueSchedule.of(new BigDecimal("3000.00"), LocalDate.of(2027, 1, 15),
        LocalDate.of(2027, 4, 14));
    assertThat(shares).containsExactly(
        Map.entry(YearMonth.of(2027, 1), new BigDecimal("545.65")),
        Map.entry(YearMonth.of(2027, 2), new BigDecimal("995.01")),
        Map.entry(YearMonth.of(2027, 3), new BigDecimal("995.01")),
        Map.entry(YearMonth.of(2027, 4), new BigDecimal("464.33")));
    assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("3000.00");
  }

  @Test
  void oneDayIsOneMonthWithTheWholeAmount() {
    assertThat(RevenueSchedule.of(new BigDecimal("99.99"), LocalDate.of(2027, 2, 3), LocalDate.of(2027, 2, 3)))
        .containsExactly(Map.entry(YearMonth.of(2027, 2), new BigDecimal("99.99")));
  }

  @Test
  void aLongPeriodsSharesAddUpExactly() {
    Map<YearMonth, BigDecimal> shares = RevenueSchedule.of(new BigDecimal("100000.01"), LocalDate.of(2027, 3, 17),
        LocalDate.of(2036, 11, 2));
    assertThat(shares).hasSize(117);
    assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100000.01");
    assertThat(Collections.min(shares.values())).isPositive();
  }

  @Test
  void periodisedOnlyWhenThePeriodRunsPastTheMonthTheInvoiceIsBookedIn() {
    LocalDate booked = LocalDate.of(2027, 1, 15);
    assertThat(RevenueSchedule.extendsPast(LocalDate.of(2027, 1, 31), booked)).isFalse();
    assertThat(RevenueSchedule.extendsPast(LocalDate.of(2026, 12, 31), booked)).isFalse();
    assertThat(RevenueSchedule.extendsPast(LocalDate.of(2027, 2, 1), booked)).isTrue();
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> RevenueSchedule.of(BigDecimal.TEN, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
