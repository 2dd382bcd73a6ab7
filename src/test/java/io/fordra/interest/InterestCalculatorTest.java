package io.fordra.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.interest.InterestCalculator.Interest;
import io.fordra.interest.InterestCalculator.Paid;
import io.fordra.interest.InterestCalculator.Rate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Late-payment interest, computed by hand for each case (amount × rate × days / 365, each period rounded). */
class InterestCalculatorTest {

  /** The shipped Swedish rows (reference rate + 8). */
  static final List<Rate> SE = List.of(
      new Rate(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), new BigDecimal("11.00")),
      new Rate(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), new BigDecimal("10.00")),
      new Rate(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), new BigDecimal("10.00")));
  static final List<Rate> NO = List.of(
      new Rate(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), new BigDecimal("12.00")));

  @Test
  void acrossAHalfYearBoundaryEachDayEarnsItsOwnRate() {
    // 10 000.00 due 2025-06-20, paid 2025-07-10:
    // 21-30 June: 10 days at 11 %: 10000 × 0.11 × 10 / 365 = 30.1369… → 30.14
    // 1-10 July: 10 days at 10 %: 10000 × 0.10 × 10 / 365 = 27.3972… → 27.40
    Interest i = InterestCalculator.interest(LocalDate.of(2025, 6, 20), new BigDecimal("10000.00"),
        List.of(new Paid(LocalDate.of(2025, 7, 10), new BigDecimal("10000.00"))), LocalDate.of(2025, 7, 31), SE);
    assertThat(i.periods()).extracting(InterestCalculator.Period::days).containsExactly(10L, 10L);
    assertThat(i.periods()).extracting(p -> p.interest().toPlainString()).containsExactly("30.14", "27.40");
    assertThat(i.total()).isEqualByComparingTo("57.54");
  }

  @Test
  void aPartialPaymentLowersThePrincipalFromTheNextDay() {
    // NO 20 000.00 due 2026-01-31; 5 000.00 paid 2026-02-10, the rest 2026-03-02, at 12.00 %:
    // 1-10 Feb: 10 days × 20 000: 20000 × 0.12 × 10 / 365 = 65.7534… → 65.75
    // 11 Feb-2 Mar: 20 days × 15 000: 15000 × 0.12 × 20 / 365 = 98.6301… → 98.63
    Interest i = InterestCalculator.interest(LocalDate.of(2026, 1, 31), new BigDecimal("20000.00"),
        List.of(new Paid(LocalDate.of(2026, 3, 2), new BigDecimal("15000.00")),
            new Paid(LocalDate.of(2026, 2, 10), new BigDecimal("5000.00"))),
        LocalDate.of(2026, 3, 31), NO);
    assertThat(i.periods()).extracting(p -> p.principal().toPlainString()).containsExactly("20000.00", "15000.00");
    assertThat(i.periods()).extracting(InterestCalculator.Period::days).containsExactly(10L, 20L);
    assertThat(i.total()).isEqualByComparingTo("164.38");
  }

  @Test
  void anExcludedSpanEarnsNothingAndSaysWhy() {
    // NO 20 000.00 due 2026-01-31 at 12.00 %, a payment plan PP-7 without interest kept 11 Feb-2 Mar, 5 000.00 paid
    // within it on 20 Feb:
    // 1-10 Feb: 10 days × 20 000: 20000 × 0.12 × 10 / 365 = 65.7534… → 65.75
    // 11-20 Feb (20 000) and 21 Feb-2 Mar (15 000): excluded, 0.00
    // 3-31 Mar: 29 days × 15 000: 15000 × 0.12 × 29 / 365 = 143.0136… → 143.01
    Interest i = InterestCalculator.interest(LocalDate.of(2026, 1, 31), new BigDecimal("20000.00"),
        List.of(new Paid(LocalDate.of(2026, 2, 20), new BigDecimal("5000.00"))), LocalDate.of(2026, 3, 31), NO,
        List.of(new InterestCalculator.Excluded(LocalDate.of(2026, 2, 11), LocalDate.of(2026, 3, 2),
            "payment plan PP-7")));
    assertThat(i.periods()).extracting(p -> p.from() + "–" + p.to() + " " + p.principal().toPlainString() + " "
            + p.interest().toPlainString() + " " + p.note())
        .containsExactly(
            "2026-02-01–2026-02-10 20000.00 65.75 null",
            "2026-02-11–2026-02-20 20000.00 0.00 payment plan PP-7",
            "2026-02-21–2026-03-02 15000.00 0.00 payment plan PP-7",
            "2026-03-03–2026-03-31 15000.00 143.01 null");
    assertThat(i.periods()).extracting(InterestCalculator.Period::days).containsExactly(10L, 10L, 10L, 29L);
    assertThat(i.total()).isEqualByComparingTo("208.76");
  }

  @Test
  void anExcludedDayNeedsNoRate() {
    // SE has no row from 2026-07-01; a plan without interest covers 25 June-15 July, so nothing is missing:
    // 21-24 June: 4 days × 1 000.00 × 10 % / 365 = 1.0958… → 1.10
    Interest i = InterestCalculator.interest(LocalDate.of(2026, 6, 20), new BigDecimal("1000.00"), List.of(),
        LocalDate.of(2026, 7, 15), SE, List.of(new InterestCalculator.Excluded(LocalDate.of(2026, 6, 25),
            LocalDate.of(2026, 7, 15), "payment plan PP-2")));
    assertThat(i.periods()).extracting(InterestCalculator.Period::excluded).containsExactly(false, true);
    assertThat(i.periods().get(1).days()).as("one period across the rate's change").isEqualTo(21);
    assertThat(i.total()).isEqualByComparingTo("1.10");
  }

  @Test
  void aLeapYearHas366DaysOfInterest() {
    // 1 000.00 due 2027-12-31, unpaid all of 2028 at 10 %: 1000 × 0.10 × 366 / 365 = 100.2739… → 100.27
    List<Rate> leap = List.of(new Rate(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31), new BigDecimal("10")));
    Interest i = InterestCalculator.interest(LocalDate.of(2027, 12, 31), new BigDecimal("1000.00"), List.of(),
        LocalDate.of(2028, 12, 31), leap);
    assertThat(i.periods()).singleElement().satisfies(p -> assertThat(p.days()).isEqualTo(366));
    assertThat(i.total()).isEqualByComparingTo("100.27");
  }

  @Test
  void interestStillRunsUntilTheEndOfTheReckoningWhileUnpaid_andEarnedInterestSurvivesPayment() {
    // SE 5 000.00 due 2026-01-31, unpaid, reckoned to 2026-02-28: 28 days × 5000 × 0.10 / 365 = 38.3561… → 38.36
    Interest unpaid = InterestCalculator.interest(LocalDate.of(2026, 1, 31), new BigDecimal("5000.00"), List.of(),
        LocalDate.of(2026, 2, 28), SE);
    assertThat(unpaid.total()).isEqualByComparingTo("38.36");
    // Paid in full on 2026-02-28: the same 28 days were earned; nothing after.
    Interest paid = InterestCalculator.interest(LocalDate.of(2026, 1, 31), new BigDecimal("5000.00"),
        List.of(new Paid(LocalDate.of(2026, 2, 28), new BigDecimal("5000.00"))), LocalDate.of(2026, 4, 30), SE);
    assertThat(paid.total()).isEqualByComparingTo("38.36");
  }

  @Test
  void paidOnTimeEarnsNothing() {
    Interest i = InterestCalculator.interest(LocalDate.of(2026, 1, 31), new BigDecimal("5000.00"),
        List.of(new Paid(LocalDate.of(2026, 1, 30), new BigDecimal("5000.00"))), LocalDate.of(2026, 2, 28), SE);
    assertThat(i.periods()).isEmpty();
    assertThat(i.total()).isEqualByComparingTo("0.00");
  }

  @Test
  void aDayWithoutAKnownRateIsAnErrorNotAGuess() {
    assertThatThrownBy(() -> InterestCalculator.interest(LocalDate.of(2026, 6, 20), new BigDecimal("1000.00"),
        List.of(), LocalDate.of(2026, 7, 15), SE))
        .isInstanceOf(InterestCalculator.MissingRate.class)
        .hasMessageContaining("2026-07-01").hasMessageContaining("POST /api/interest-rates");
  }
}
