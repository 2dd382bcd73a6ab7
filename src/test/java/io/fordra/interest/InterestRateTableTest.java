package io.fordra.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violation;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The rate table's rules without Spring: the repository, the seller and both process ports are mocks. */
class InterestRateTableTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private final InterestRates rates = mock(InterestRates.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final SellerProperties seller = mock(SellerProperties.class);
  private final InterestInvoicingRuns runs = mock(InterestInvoicingRuns.class);
  private final ReferenceRateReminders reminders = mock(ReferenceRateReminders.class);
  private final InterestRateTable table = new InterestRateTable(rates, clock, seller, runs, reminders);
  private final List<InterestRate> shipped = new ArrayList<>(List.of(
      row(Country.SE, "2025-01-01", "2025-06-30", "3.00", "11.00"),
      row(Country.SE, "2025-07-01", "2025-12-31", "2.00", "10.00"),
      row(Country.SE, "2026-01-01", "2026-06-30", "2.00", "10.00"),
      row(Country.NO, "2025-01-01", "2025-06-30", null, "12.50"),
      row(Country.NO, "2025-07-01", "2025-12-31", null, "12.25"),
      row(Country.NO, "2026-01-01", "2026-06-30", null, "12.00")));

  @BeforeEach
  void today() {
    when(clock.today()).thenReturn(TODAY);
    when(clock.now()).thenReturn(NOW);
    when(seller.country()).thenReturn(Country.SE);
    when(rates.all()).thenReturn(shipped);
    when(rates.lockCountry(any())).thenAnswer(a -> shipped.stream().filter(r -> r.country() == a.getArgument(0))
        .toList());
    when(runs.startByHand(null)).thenReturn("run-1");
  }

  @Test
  void aSwedishHalfYearIsTheReferenceRatePlusEight_recordedWithWhoAndWhen_andTheWaitingInterestCaughtUp() {
    InterestRate recorded = table.record(se("2026-07-01", "2026-12-31", "2.00", null), "fia");

    ArgumentCaptor<InterestRate> stored = ArgumentCaptor.forClass(InterestRate.class);
    verify(rates).insert(stored.capture());
    assertThat(stored.getValue()).isEqualTo(recorded);
    assertThat(recorded.referenceRate()).isEqualByComparingTo("2.00");
    assertThat(recorded.rate()).isEqualByComparingTo("10.00");
    assertThat(recorded.source()).isEqualTo("Riksbanken, referensräntan 2026-07-01");
    assertThat(recorded.recordedBy()).isEqualTo("fia");
    assertThat(recorded.recordedAt()).isEqualTo(NOW);
    verify(runs).startByHand(null);
    verify(reminders).recorded(Country.SE, new HalfYear(2026, 2));
  }

  @Test
  void aRowFromTheTaskDoesNotEndItsOwnTask_aNorwegianRowOfTheSellerInSwedenStartsNoRun() {
    InterestRate recorded = table.recordFromTask(no("2026-07-01", "2026-12-31", "11.75"), "bo");

    assertThat(recorded.rate()).isEqualByComparingTo("11.75");
    assertThat(recorded.referenceRate()).isNull();
    verifyNoInteractions(reminders, runs);
  }

  @Test
  void aRowAheadOfItsHalfYearStartsNoRun() {
    shipped.add(row(Country.SE, "2026-07-01", "2026-12-31", "2.00", "10.00"));
    table.record(se("2027-01-01", "2027-06-30", "2.00", "10.00"), "fia");
    verify(runs, never()).startByHand(any());
  }

  @Test
  void everyBadFieldIsListedAndNothingIsStored() {
    assertThatThrownBy(() -> table.record(new InterestRateRequest("FI", LocalDate.of(2026, 7, 2),
        LocalDate.of(2026, 12, 30), null, null, " "), "fia"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("country", "must be one of SE, NO"),
            new Violation("validFrom", "must be the first day of a half-year (1 January or 1 July)"),
            new Violation("source", "is required")));
    assertThatThrownBy(() -> table.record(se("2026-07-01", "2027-06-30", "2.00", null), "fia"))
        .hasMessageContaining("validTo: must be the last day of the half-year that validFrom starts (2026-12-31)");
    assertThatThrownBy(() -> table.record(se("2026-07-01", "2026-12-31", "2.00", "11.00"), "fia"))
        .hasMessageContaining("rate: must be referenceRate + 8 = 10.00 (räntelagen 6 §)");
    assertThatThrownBy(() -> table.record(se("2026-07-01", "2026-12-31", "1.75", null), "fia"))
        .hasMessageContaining("referenceRate: must be a multiple of 0.50");
    assertThatThrownBy(() -> table.record(se("2026-07-01", "2026-12-31", "25", null), "fia"))
        .hasMessageContaining("referenceRate: must be between -5.00 and 20.00 (percent)");
    assertThatThrownBy(() -> table.record(se("2026-07-01", "2026-12-31", null, "10.00"), "fia"))
        .hasMessageContaining("referenceRate: is required");
    assertThatThrownBy(() -> table.record(no("2026-07-01", "2026-12-31", "12.125"), "fia"))
        .hasMessageContaining("rate: has more than 2 decimals");
    assertThatThrownBy(() -> table.record(no("2026-07-01", "2026-12-31", "31"), "fia"))
        .hasMessageContaining("rate: must be between 0 and 30.00");
    assertThatThrownBy(() -> table.record(new InterestRateRequest("NO", LocalDate.of(2026, 7, 1),
        LocalDate.of(2026, 12, 31), new BigDecimal("4.00"), new BigDecimal("12.00"), "x"), "fia"))
        .hasMessageContaining("referenceRate: is not used for NO");
    assertThatThrownBy(() -> table.record(se("2027-07-01", "2027-12-31", "2.00", null), "fia"))
        .hasMessageContaining("validFrom: is more than a half-year ahead (the latest is 2027-01-01)");
    assertThatThrownBy(() -> table.record(null, "fia")).isInstanceOf(InvalidRequestException.class);
    verify(rates, never()).insert(any());
    verifyNoInteractions(runs, reminders);
  }

  @Test
  void anOverlapIsAConflict_aGapIsRefused_aGapIsFilledExactly() {
    assertThatThrownBy(() -> table.record(se("2026-01-01", "2026-06-30", "2.00", null), "fia"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("SE has a rate for 2026-01-01–2026-06-30 already (10 %, recorded by migration at "
            + "2026-12-01T00:00:00Z); rows never overlap");
    shipped.add(row(Country.SE, "2026-07-01", "2026-12-31", "2.00", "10.00"));
    assertThatCode(() -> table.record(se("2027-01-01", "2027-06-30", "2.00", null), "fia"))
        .as("the next half-year after the last is fine").doesNotThrowAnyException();

    shipped.removeIf(r -> r.country() == Country.SE && r.validFrom().getYear() == 2026);
    assertThatThrownBy(() -> table.record(se("2026-07-01", "2026-12-31", "2.00", null), "fia"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("validFrom", "leaves a gap: SE's rates end on 2025-12-31, so its next row starts on "
                + "2026-01-01")));
    // The gap 2026-H1–2026-H2 is filled half-year by half-year, in order.
    shipped.add(row(Country.SE, "2027-01-01", "2027-06-30", "2.00", "10.00"));
    table.record(se("2026-01-01", "2026-06-30", "2.00", null), "fia");
    verify(rates, org.mockito.Mockito.times(2)).insert(any());
  }

  @Test
  void aCountryWithoutARateFromADayUpToTodayIsNamed() {
    assertThat(InterestRateTable.missing(shipped, TODAY)).extracting(MissingRate::message)
        .containsExactly("no rate for SE from 2026-07-01", "no rate for NO from 2026-07-01");
    assertThat(InterestRateTable.missing(shipped, LocalDate.of(2026, 6, 30))).as("covered up to today").isEmpty();
    List<InterestRate> withAGap = new ArrayList<>(shipped);
    withAGap.removeIf(r -> r.country() == Country.NO && r.validFrom().equals(LocalDate.of(2025, 7, 1)));
    withAGap.removeIf(r -> r.country() == Country.SE);
    assertThat(InterestRateTable.missing(withAGap, TODAY)).extracting(MissingRate::message)
        .containsExactly("no rate for NO from 2025-07-01");
  }

  @Test
  void theHalfYearsToAskForAreThoseMissingAndStartingWithinTheDaysBefore() {
    assertThat(InterestRateTable.due(shipped, TODAY, 14)).extracting(d -> d.country() + " " + d.halfYear())
        .containsExactly("SE 2026-H2", "NO 2026-H2");
    assertThat(InterestRateTable.due(shipped, LocalDate.of(2026, 12, 18), 14))
        .extracting(d -> d.country() + " " + d.halfYear())
        .containsExactly("SE 2026-H2", "SE 2027-H1", "NO 2026-H2", "NO 2027-H1");
    assertThat(InterestRateTable.due(shipped, LocalDate.of(2026, 6, 16), 14)).as("15 days before: not yet").isEmpty();
    assertThat(InterestRateTable.due(shipped, LocalDate.of(2026, 6, 17), 14)).hasSize(2);
    assertThat(InterestRateTable.due(shipped, LocalDate.of(2030, 1, 1), 0)).as("at most four per country")
        .hasSize(2 * InterestRateTable.MAX_REMINDERS);
  }

  private static InterestRateRequest se(String from, String to, String reference, String rate) {
    return new InterestRateRequest("SE", LocalDate.parse(from), LocalDate.parse(to),
        reference == null ? null : new BigDecimal(reference), rate == null ? null : new BigDecimal(rate),
        " Riksbanken, referensräntan " + from + " ");
  }

  private static InterestRateRequest no(String from, String to, String rate) {
    return new InterestRateRequest("NO", LocalDate.parse(from), LocalDate.parse(to), null, new BigDecimal(rate),
        "Finansdepartementet, forskrift om forsinkelsesrente");
  }

  private static InterestRate row(Country country, String from, String to, String reference, String rate) {
    return new InterestRate(country, LocalDate.parse(from), LocalDate.parse(to),
        reference == null ? null : new BigDecimal(reference), new BigDecimal(rate), "shipped", "migration",
        Instant.parse("2026-12-01T00:00:00Z"));
  }
}
