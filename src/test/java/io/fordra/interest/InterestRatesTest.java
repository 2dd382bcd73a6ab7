package io.fordra.interest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.customer.Country;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rate table as shipped (V9), and interest reckoned from it. */
@FordraTestContext
class InterestRatesTest {

  @Autowired InterestRates rates;

  @Test
  void theShippedRowsAreTheLegalRatesOf2025And2026H1() {
    assertThat(rates.all()).extracting(r -> r.country() + " " + r.validFrom() + " " + r.rate().stripTrailingZeros()
        .toPlainString()).containsExactly(
        "NO 2025-01-01 12.5", "NO 2025-07-01 12.25", "NO 2026-01-01 12",
        "SE 2025-01-01 11", "SE 2025-07-01 10", "SE 2026-01-01 10");
    assertThat(rates.all()).filteredOn(r -> r.country() == Country.SE)
        .allSatisfy(r -> assertThat(r.rate()).isEqualByComparingTo(r.referenceRate().add(BigDecimal.valueOf(8))))
        .allSatisfy(r -> assertThat(r.source()).contains("räntelagen"));
  }

  @Test
  void interestFromTheTableAcrossTheTurnOfTheYear() {
    // SE 8 000.00 due 2025-12-15, paid 2026-01-14, 10 % both half-years:
    // 16-31 Dec: 16 days: 8000 × 0.10 × 16 / 365 = 35.0684… → 35.07; 1-14 Jan: 14 days → 30.6849… → 30.68
    List<InterestCalculator.Rate> se = rates.between(Country.SE, LocalDate.of(2025, 12, 16), LocalDate.of(2026, 1, 31));
    assertThat(se).hasSize(2);
    var interest = InterestCalculator.interest(LocalDate.of(2025, 12, 15), new BigDecimal("8000.00"),
        List.of(new InterestCalculator.Paid(LocalDate.of(2026, 1, 14), new BigDecimal("8000.00"))),
        LocalDate.of(2026, 1, 31), se);
    assertThat(interest.periods()).extracting(p -> p.interest().toPlainString()).containsExactly("35.07", "30.68");
    assertThat(interest.total()).isEqualByComparingTo("65.75");
  }
}
