package io.fordra.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.customer.Country;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The legal limits of dunning as finance records them, without Spring: the repository is a mock. */
class DunningLimitsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
  private final DunningLimitRepository repository = mock(DunningLimitRepository.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final DunningLimits limits = new DunningLimits(repository, clock);

  @BeforeEach
  void today() {
    when(clock.today()).thenReturn(TODAY);
    when(clock.now()).thenReturn(Instant.parse("2026-12-03T10:00:00Z"));
  }

  @Test
  void theLimitsInForceTodayOrWhatToRecordWhenThereAreNone() {
    DunningLimit sweden = new DunningLimit(1, Country.SE, LocalDate.of(2000, 1, 1), new BigDecimal("60.00"), true,
        1, 0, new BigDecimal("180.00"), 8, "law", "flyway", Instant.EPOCH);
    when(repository.inForce(Country.SE, TODAY)).thenReturn(Optional.of(sweden));
    when(repository.inForce(Country.NO, TODAY)).thenReturn(Optional.empty());

    assertThat(limits.inForce(Country.SE)).isSameAs(sweden);
    assertThat(limits.inForce()).containsExactly(sweden);
    assertThatThrownBy(() -> limits.inForce(Country.NO)).isInstanceOf(IllegalStateException.class)
        .hasMessage("No dunning limits for NO are in force on 2026-12-03; record them with POST /api/dunning-limits/NO");
  }

  @Test
  void aChangeIsStoredFromTodayWithWhoAndWhen() {
    when(repository.insert(any())).thenReturn(7L);

    DunningLimit recorded = limits.record("NO", request(null, "70"), "fia");

    ArgumentCaptor<DunningLimit> stored = ArgumentCaptor.forClass(DunningLimit.class);
    verify(repository).insert(stored.capture());
    assertThat(stored.getValue().validFrom()).isEqualTo(TODAY);
    assertThat(stored.getValue().maxReminderFee()).isEqualTo(new BigDecimal("70.00"));
    assertThat(stored.getValue().source()).isEqualTo("Inkassoforskriften § 1-2");
    assertThat(recorded.id()).isEqualTo(7L);
    assertThat(recorded.recordedBy()).isEqualTo("fia");
    assertThat(recorded.recordedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
  }

  @Test
  void aPastDayAnUnknownCountryOrAMissingFieldStoresNothing() {
    assertThatThrownBy(() -> limits.record("NO", request(LocalDate.of(2026, 12, 2), "70"), "fia"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("validFrom");
    assertThatThrownBy(() -> limits.record("NO", request(null, null), "fia"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxReminderFee");
    assertThatThrownBy(() -> limits.record("FI", request(null, "70"), "fia")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> limits.record("NO", null, "fia")).isInstanceOf(InvalidRequestException.class);
    verifyNoInteractions(repository);
  }

  /** Issue 15, found trying the jar: the same limits posted twice (a double click) were stored twice. */
  @Test
  void theSameLimitsFromTheSameDayAgainAreRefusedAndStoreNothing() {
    DunningLimit recorded = new DunningLimit(7, Country.NO, TODAY, new BigDecimal("70.00"), false, 2, 14,
        new BigDecimal("0.00"), 14, "Inkassoforskriften § 1-2", "fia", Instant.parse("2026-12-03T09:59:00Z"));
    when(repository.lockLatest(Country.NO)).thenReturn(Optional.of(recorded));

    assertThatThrownBy(() -> limits.record("NO", request(null, "70"), "bo")).isInstanceOf(ConflictException.class)
        .hasMessage("These limits for NO from 2026-12-03 were recorded already (by fia at 2026-12-03T09:59:00Z); "
            + "nothing is recorded twice");
    verify(repository, org.mockito.Mockito.never()).insert(any());

    when(repository.insert(any())).thenReturn(8L);
    assertThat(limits.record("NO", request(null, "75"), "bo").id()).as("a different fee is a change").isEqualTo(8L);
    assertThat(limits.record("NO", request(TODAY.plusDays(1), "70"), "bo").id()).as("another day too").isEqualTo(8L);
  }

  private static DunningLimitRequest request(LocalDate validFrom, String maxReminderFee) {
    return new DunningLimitRequest(validFrom, maxReminderFee == null ? null : new BigDecimal(maxReminderFee), false,
        2, 14, BigDecimal.ZERO, 14, " Inkassoforskriften § 1-2 ");
  }
}
