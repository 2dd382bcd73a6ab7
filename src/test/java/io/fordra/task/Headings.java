package io.fordra.task;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fordra.document.Letters;
import io.fordra.process.FordraClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

/** TaskHeadings for listener unit tests: the Swedish seller of Letters, today fixed, 2 working days for every form. */
public final class Headings {

  public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  private Headings() {}

  public static TaskHeadings on(LocalDate today) {
    FordraClock clock = mock(FordraClock.class);
    when(clock.today()).thenReturn(today);
    when(clock.engineDate(any(), any())).thenAnswer(i -> new FordraClock(ZONE)
        .engineDate(i.getArgument(0), i.getArgument(1)));
    return new TaskHeadings(Letters.SELLER, clock, new TaskProperties(Map.of("decide-disputed-claim", 2,
        "review-dunning", 2, "correct-distribution-deviation", 2, "match-payment", 2, "review-reconciliation", 2)));
  }

  /** The end of that day in Fordra's zone, as a task's due date. */
  public static Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(ZONE).toInstant());
  }
}
