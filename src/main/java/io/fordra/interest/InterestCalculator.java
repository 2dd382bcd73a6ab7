package io.fordra.interest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Late-payment interest, day by day: from the day after the due date up to and including the day the principal is
 * paid, on what was still unpaid that day, at the rate valid that day. A year's rate is earned over 365 days, also in
 * a leap year (so 366 days earn a little more than the year's rate). Each period (same principal, same rate) is
 * rounded half-up to öre/øre; the total is the sum of the periods, so an interest invoice's lines add up. Days
 * excluded (a kept payment plan that waived interest) are a period of their own that earns 0.00 and says why.
 */
final class InterestCalculator {

  private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private InterestCalculator() {}

  /** A rate valid from one day to another (both included), in percent a year. */
  public record Rate(LocalDate from, LocalDate to, BigDecimal percent) {}

  /** A payment of the principal; the money stops earning interest the day after. */
  public record Paid(LocalDate on, BigDecimal amount) {}

  /** Days (both included) on which no interest is charged, and why (e.g. "payment plan PP-3"). */
  public record Excluded(LocalDate from, LocalDate to, String note) {}

  /**
   * Days (both included) with one principal at one rate, and what they earned; an excluded span has the note of its
   * {@link Excluded}, percent 0 and interest 0.00 (note null otherwise).
   */
  public record Period(LocalDate from, LocalDate to, long days, BigDecimal principal, BigDecimal percent,
                       BigDecimal interest, String note) {

    public Period(LocalDate from, LocalDate to, long days, BigDecimal principal, BigDecimal percent,
                  BigDecimal interest) {
      this(from, to, days, principal, percent, interest, null);
    }

    public boolean excluded() {
      return note != null;
    }
  }

  public record Interest(List<Period> periods, BigDecimal total) {}

  /** No rate is known for a day on which interest runs: someone must add the row (a data change). */
  public static class MissingRate extends RuntimeException {
    public MissingRate(LocalDate day) {
      super("No late-payment interest rate for " + day + ": finance adds it (POST /api/interest-rates or the task"
          + " \"Enter the reference rate\"), and the interest is invoiced then");
    }
  }

  /**
   * @param dueDate   the invoice's due date (interest starts the day after)
   * @param principal what was due on the due date (fees excluded)
   * @param payments  payments of the principal, any order
   * @param until     the last day to reckon (e.g. the end of the month being invoiced, or today)
   * @param rates     the late-payment rates of the seller's country
   */
  public static Interest interest(LocalDate dueDate, BigDecimal principal, List<Paid> payments, LocalDate until,
                                  List<Rate> rates) {
    return interest(dueDate, principal, payments, until, rates, List.of());
  }

  /**
   * As above, without interest on the excluded days (they need no rate either).
   *
   * @param excluded spans of days without interest, any order
   */
  public static Interest interest(LocalDate dueDate, BigDecimal principal, List<Paid> payments, LocalDate until,
                                  List<Rate> rates, List<Excluded> excluded) {
    List<Paid> paid = payments.stream().sorted(Comparator.comparing(Paid::on)).toList();
    // Days on which principal, rate or exclusion may change: the day after each payment, the first day of each rate,
    // the first day of each excluded span and the day after it.
    TreeSet<LocalDate> changes = new TreeSet<>();
    excluded.forEach(e -> {
      changes.add(e.from());
      changes.add(e.to().plusDays(1));
    });
    paid.forEach(p -> changes.add(p.on().plusDays(1)));
    rates.forEach(r -> {
      changes.add(r.from());
      changes.add(r.to().plusDays(1));
    });
    List<Period> periods = new ArrayList<>();
    LocalDate day = dueDate.plusDays(1);
    while (!day.isAfter(until)) {
      BigDecimal open = outstanding(principal, paid, day);
      if (open.signum() <= 0) {
        break;
      }
      LocalDate next = changes.higher(day);
      LocalDate last = next == null || next.isAfter(until) ? until : next.minusDays(1);
      long days = ChronoUnit.DAYS.between(day, last) + 1;
      Excluded waived = excludedOn(excluded, day);
      if (waived != null) {
        // A rate's change within an excluded span changes nothing: one period, from the span's first day.
        Period before = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        if (before != null && waived.note().equals(before.note()) && before.principal().compareTo(open) == 0
            && before.to().plusDays(1).equals(day)) {
          periods.remove(periods.size() - 1);
          day = before.from();
          days += before.days();
        }
        periods.add(new Period(day, last, days, open, BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), waived.note()));
        day = last.plusDays(1);
        continue;
      }
      Rate rate = rateOn(rates, day);
      BigDecimal interest = open.multiply(rate.percent()).multiply(BigDecimal.valueOf(days))
          .divide(HUNDRED.multiply(DAYS_PER_YEAR), 2, RoundingMode.HALF_UP);
      periods.add(new Period(day, last, days, open, rate.percent(), interest));
      day = last.plusDays(1);
    }
    BigDecimal total = periods.stream().map(Period::interest).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return new Interest(List.copyOf(periods), total);
  }

  /** What was unpaid on the day: payments made before it have stopped earning. */
  private static BigDecimal outstanding(BigDecimal principal, List<Paid> paid, LocalDate day) {
    BigDecimal open = principal;
    for (Paid p : paid) {
      if (p.on().isBefore(day)) {
        open = open.subtract(p.amount());
      }
    }
    return open;
  }

  private static Excluded excludedOn(List<Excluded> excluded, LocalDate day) {
    return excluded.stream().filter(e -> !day.isBefore(e.from()) && !day.isAfter(e.to())).findFirst().orElse(null);
  }

  private static Rate rateOn(List<Rate> rates, LocalDate day) {
    return rates.stream().filter(r -> !day.isBefore(r.from()) && !day.isAfter(r.to())).findFirst()
        .orElseThrow(() -> new MissingRate(day));
  }
}
