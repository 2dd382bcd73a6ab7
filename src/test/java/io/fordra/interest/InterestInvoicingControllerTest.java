package io.fordra.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fordra.kernel.BusinessDates;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violation;
import io.fordra.process.FordraClock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/interest-invoicing without Spring or the engine: the process is behind its port, a mock. */
class InterestInvoicingControllerTest {

  private final InterestInvoicingRuns runs = mock(InterestInvoicingRuns.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final InterestInvoicingController controller =
      new InterestInvoicingController(runs, new BusinessDates(clock, Period.ofDays(1)));

  @BeforeEach
  void itIsTheThirdOfNovember() {
    when(clock.today()).thenReturn(LocalDate.of(2026, 11, 3));
  }

  @Test
  void aRunForAPastMonthStartsTheProcessForThatMonth() {
    when(runs.startByHand(YearMonth.of(2026, 10))).thenReturn("instance-1");

    var answer = controller.run(new InterestInvoicingController.RunRequest("2026-10"));

    assertThat(answer.getStatusCode().value()).isEqualTo(202);
    assertThat(answer.getBody()).containsEntry("processInstanceId", "instance-1").containsEntry("month", "2026-10");
  }

  @Test
  void withoutAMonthTheProcessTakesThePreviousOne() {
    when(runs.startByHand(null)).thenReturn("instance-2");

    assertThat(controller.run(null).getBody()).containsEntry("processInstanceId", "instance-2")
        .containsEntry("month", "the previous month");
  }

  @Test
  void aMonthToComeOrNoMonthAtAllStartsNothing() {
    assertThatThrownBy(() -> controller.run(new InterestInvoicingController.RunRequest("9999-12")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .containsExactly(new Violation("month", "9999-12 is in the future: the latest month is 2026-11")));
    assertThatThrownBy(() -> controller.run(new InterestInvoicingController.RunRequest("2026-13")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
            .containsExactly(new Violation("month", "must be a month as YYYY-MM, e.g. 2026-10")));
    verifyNoInteractions(runs);
  }
}
