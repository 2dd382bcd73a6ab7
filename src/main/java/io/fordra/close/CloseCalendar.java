package io.fordra.close;

import io.fordra.task.WorkingDays;
import io.fordra.deployment.ModelFunctions;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * month-end-close "Wait for the first working day": the timer on the 1st fires early in the morning; the close
 * itself waits until the first working day of the month in the seller's country, at the same time of day. Used as
 * {@code timeDate="${closeCalendar.firstWorkingDay()}"} (Camunda has no per-element business calendar).
 */
@Component
@ModelFunctions
public class CloseCalendar {

  private final FordraClock clock;
  private final SellerProperties seller;

  public CloseCalendar(FordraClock clock, SellerProperties seller) {
    this.clock = clock;
    this.seller = seller;
  }

  /** The first working day of this month at the current time of day; now, if that day has come already. */
  public Date firstWorkingDay() {
    LocalDate today = clock.today();
    LocalDate first = WorkingDays.firstWorkingDay(YearMonth.from(today), seller.country());
    if (!first.isAfter(today)) {
      return Date.from(clock.now());
    }
    return Date.from(clock.now().atZone(clock.zone()).plusDays(first.toEpochDay() - today.toEpochDay()).toInstant());
  }
}
