package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fordra.kernel.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstalmentScheduleTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private final PaymentPlanProperties defaults = new PaymentPlanProperties(null, null, null, null, null, null);
  private final InstalmentSchedule schedule = new InstalmentSchedule(defaults);

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(defaults.maxInstalments()).isEqualTo(12);
    assertThat(defaults.minimumInstalmentIn("SEK")).isEqualByComparingTo("300");
    assertThat(defaults.minimumInstalmentIn("NOK")).isEqualByComparingTo("300");
    assertThat(defaults.minimumInstalmentIn("EUR")).isEqualByComparingTo("30");
    assertThat(defaults.gracePeriod()).hasToString("P7D");
    assertThat(defaults.interval()).hasToString("P1M");
    assertThat(defaults.interestDuringPlan()).isTrue();
  }

  @Test
  void nineThousandInThreeIsThreeThousandEachAMonthApart() {
    List<Instalment> plan = schedule.split(new BigDecimal("9000.00"), "SEK", 3, LocalDate.of(2026, 12, 20), TODAY);
    assertThat(plan).containsExactly(
        new Instalment(1, LocalDate.of(2026, 12, 20), new BigDecimal("3000.00")),
        new Instalment(2, LocalDate.of(2027, 1, 20), new BigDecimal("3000.00")),
        new Instalment(3, LocalDate.of(2027, 2, 20), new BigDecimal("3000.00")));
  }

  @Test
  void theLastInstalmentTakesTheRemainder() {
    List<Instalment> plan = schedule.split(new BigDecimal("1000.00"), "SEK", 3, TODAY, TODAY);
    assertThat(plan).extracting(Instalment::amount).containsExactly(
        new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
  }

  @Test
  void dueDatesCountFromTheFirstSoMonthEndsStay() {
    List<Instalment> plan = schedule.split(new BigDecimal("3000"), "SEK", 3, LocalDate.of(2027, 1, 31), TODAY);
    assertThat(plan).extracting(Instalment::dueDate).containsExactly(
        LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
    assertThat(plan).allSatisfy(i -> assertThat(i.amount().scale()).isEqualTo(2));
  }

  @Test
  void theSumIsExactForManyAmounts() {
    Random random = new Random(20);
    for (int run = 0; run < 10_000; run++) {
      int count = 1 + random.nextInt(12);
      // from count × 300.00 up to about 1 000 000.00, any öre
      BigDecimal amount = BigDecimal.valueOf(count * 30_000L + random.nextInt(100_000_000), 2);
      List<Instalment> plan = schedule.split(amount, "SEK", count, TODAY, TODAY);
      assertThat(plan).hasSize(count);
      assertThat(plan.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(amount);
      BigDecimal first = plan.get(0).amount();
      assertThat(plan.subList(0, count - 1)).allSatisfy(i -> assertThat(i.amount()).isEqualTo(first));
      // the remainder is less than one öre per instalment
      assertThat(plan.get(count - 1).amount().subtract(first))
          .isBetween(BigDecimal.ZERO, BigDecimal.valueOf(count - 1, 2));
    }
  }

  @ParameterizedTest(name = "{0} {1} in {2} from {3}: {4}")
  @CsvSource({
      "9000.00, SEK, 0,  2026-12-20, 'instalments: must be 1 or more, but was 0'",
      "9000.00, SEK, 13, 2026-12-20, 'instalments: must be at most 12, but was 13'",
      "1000.00, SEK, 4,  2026-12-20, '4 instalments of 1000.00 SEK would be 250.00 each, below the minimum instalment of 300.00 SEK'",
      "100.00,  EUR, 4,  2026-12-20, 'below the minimum instalment of 30.00 EUR'",
      "9000.00, SEK, 3,  2026-12-03, 'firstDueDate: must be today or later, but was 2026-12-03'",
      "0.00,    SEK, 1,  2026-12-20, 'amount: must be more than 0'",
      "10.001,  SEK, 1,  2026-12-20, 'amount: must have at most 2 decimals'",
  })
  void refuses(String amount, String currency, int count, LocalDate first, String message) {
    assertThatThrownBy(() -> schedule.split(new BigDecimal(amount), currency, count, first, TODAY))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining(message);
  }

  @Test
  void aCurrencyWithoutAMinimumHasNone() {
    assertThat(schedule.split(new BigDecimal("1.00"), "DKK", 1, TODAY, TODAY))
        .extracting(Instalment::amount).containsExactly(new BigDecimal("1.00"));
  }

  @Test
  void theSwedishFeeOnlyForAPlanOverTheWholeDebtAndOnce() {
    assertThat(schedule.fee("SE", true, false)).isEqualTo(new BigDecimal("170.00"));
    assertThat(schedule.fee("SE", false, false)).isEqualTo(new BigDecimal("0.00"));
    assertThat(schedule.fee("SE", true, true)).isEqualTo(new BigDecimal("0.00"));
    assertThat(schedule.fee("NO", true, false)).isEqualTo(new BigDecimal("0.00"));
  }
}
