package io.fordra.kernel;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds on the dates a client gives for things that have happened (issue 13, finding 10): a payment is not dated
 * after today (the business clock, which the simulation moves) plus {@code fordra.payments.max-ahead}, allowing for a
 * bank in another time zone; an interest-invoicing run is not for a month still to come.
 */
@Component
public class BusinessDates {

  private final BusinessClock clock;
  private final Period paymentMaxAhead;

  public BusinessDates(BusinessClock clock, @Value("${fordra.payments.max-ahead:P1D}") Period paymentMaxAhead) {
    if (paymentMaxAhead.isNegative()) {
      throw new IllegalArgumentException("fordra.payments.max-ahead must not be negative, not " + paymentMaxAhead);
    }
    this.clock = clock;
    this.paymentMaxAhead = paymentMaxAhead;
  }

  /** Adds a violation when the payment date is later than today plus the margin; a missing date is not checked here. */
  public void paymentDate(Violations violations, String field, LocalDate paidAt) {
    LocalDate latest = clock.today().plus(paymentMaxAhead);
    if (paidAt != null && paidAt.isAfter(latest)) {
      violations.add(field, paidAt + " is in the future: a payment is dated at the latest " + latest
          + " (today " + clock.today() + " + fordra.payments.max-ahead " + paymentMaxAhead + ")");
    }
  }

  /** Adds a violation when the month has not begun yet. */
  public void pastOrCurrentMonth(Violations violations, String field, YearMonth month) {
    YearMonth current = YearMonth.from(clock.today());
    if (month != null && month.isAfter(current)) {
      violations.add(field, month + " is in the future: the latest month is " + current);
    }
  }
}
