package io.fordra.interest;

import io.fordra.customer.Country;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The late-payment rate table as finance keeps it: a row per country and half-year, added over
 * POST /api/interest-rates or by completing "Enter the reference rate for …" (reference-rate-reminder), both through
 * {@link #record}. A row never overlaps another nor leaves a gap behind it; for SE the rate is Riksbanken's reference
 * rate + 8 percentage points (räntelagen 6 §), computed here. A row that covers days already past starts interest
 * invoicing again for the previous month, which catches up what could not be invoiced for want of the rate.
 */
@Service
public class InterestRateTable {

  private static final Logger log = LoggerFactory.getLogger(InterestRateTable.class);

  /** Räntelagen 6 §: the reference rate + 8 percentage points. */
  static final BigDecimal SE_MARKUP = new BigDecimal("8.00");
  /** Riksbanken rounds the reference rate up to the next half percentage point (räntelagen 9 §). */
  private static final BigDecimal HALF_POINT = new BigDecimal("0.50");
  /** Sane bounds: neither country has had a rate near these; a figure outside them is a typing error. */
  static final BigDecimal MIN_REFERENCE = new BigDecimal("-5.00");
  static final BigDecimal MAX_REFERENCE = new BigDecimal("20.00");
  static final BigDecimal MAX_RATE = new BigDecimal("30.00");
  /** At most this many half-years per country are reminded of at once (the oldest first: they go in in order). */
  static final int MAX_REMINDERS = 4;

  /** A half-year of a country whose row is missing and due now. */
  public record Due(Country country, HalfYear halfYear) {}

  private final InterestRates rates;
  private final FordraClock clock;
  private final SellerProperties seller;
  private final InterestInvoicingRuns runs;
  private final ReferenceRateReminders reminders;

  public InterestRateTable(InterestRates rates, FordraClock clock, SellerProperties seller, InterestInvoicingRuns runs,
                           ReferenceRateReminders reminders) {
    this.rates = rates;
    this.clock = clock;
    this.seller = seller;
    this.runs = runs;
    this.reminders = reminders;
  }

  @Transactional(readOnly = true)
  public List<InterestRate> all() {
    return rates.all();
  }

  /** Each country that has no rate from a day up to today: "no rate for SE from 2026-07-01". */
  @Transactional(readOnly = true)
  public List<MissingRate> missing() {
    return missing(rates.all(), clock.today());
  }

  static List<MissingRate> missing(List<InterestRate> all, LocalDate today) {
    List<MissingRate> missing = new ArrayList<>();
    byCountry(all).forEach((country, rows) -> {
      LocalDate from = firstUncovered(rows);
      if (!from.isAfter(today)) {
        missing.add(new MissingRate(country, from));
      }
    });
    return missing;
  }

  /**
   * The half-years whose row is missing for a country and that start within daysBefore days from today (or have
   * started): from the first day the country's rows leave uncovered, at most {@value #MAX_REMINDERS} per country.
   */
  @Transactional(readOnly = true)
  public List<Due> due(int daysBefore) {
    return due(rates.all(), clock.today(), daysBefore);
  }

  static List<Due> due(List<InterestRate> all, LocalDate today, int daysBefore) {
    List<Due> due = new ArrayList<>();
    HalfYear last = HalfYear.of(today.plusDays(daysBefore));
    byCountry(all).forEach((country, rows) -> {
      int count = 0;
      for (HalfYear h = HalfYear.of(firstUncovered(rows)); h.compareTo(last) <= 0 && count < MAX_REMINDERS;
           h = h.next()) {
        HalfYear half = h;
        if (rows.stream().noneMatch(r -> !r.validFrom().isAfter(half.start()) && !r.validTo().isBefore(half.start()))) {
          due.add(new Due(country, half));
          count++;
        }
      }
    });
    return due;
  }

  /** Records a row sent over the API; a task still asking for it ends. */
  @Transactional
  public InterestRate record(InterestRateRequest request, String user) {
    InterestRate recorded = store(request, user);
    reminders.recorded(recorded.country(), HalfYear.of(recorded.validFrom()));
    return recorded;
  }

  /** Records the row a person entered in the task for it (the task ends by its own completion). */
  @Transactional
  public InterestRate recordFromTask(InterestRateRequest request, String user) {
    return store(request, user);
  }

  private InterestRate store(InterestRateRequest request, String user) {
    if (request == null) {
      throw new InvalidRequestException("body", "is required");
    }
    Violations violations = new Violations();
    Country country = country(violations, request.country());
    LocalDate from = request.validFrom();
    if (violations.required("validFrom", from) && !from.equals(HalfYear.of(from).start())) {
      violations.add("validFrom", "must be the first day of a half-year (1 January or 1 July)");
      from = null;
    }
    if (from != null) {
      LocalDate latest = HalfYear.of(clock.today()).next().start();
      if (from.isAfter(latest)) {
        violations.add("validFrom", "is more than a half-year ahead (the latest is " + latest
            + "): a rate is set shortly before its half-year");
      }
    }
    if (violations.required("validTo", request.validTo()) && from != null
        && !request.validTo().equals(HalfYear.of(from).end())) {
      violations.add("validTo", "must be the last day of the half-year that validFrom starts ("
          + HalfYear.of(from).end() + ")");
    }
    BigDecimal rate = country == null ? null : rate(violations, country, request);
    violations.text("source", request.source(), 500);
    violations.throwIfAny();

    LocalDate validFrom = request.validFrom();
    LocalDate validTo = request.validTo();
    List<InterestRate> rows = rates.lockCountry(country);
    rows.stream().filter(r -> !r.validFrom().isAfter(validTo) && !r.validTo().isBefore(validFrom)).findFirst()
        .ifPresent(r -> {
          throw new ConflictException(country + " has a rate for " + r.validFrom() + "–" + r.validTo() + " already ("
              + r.rate().stripTrailingZeros().toPlainString() + " %, recorded by " + r.recordedBy() + " at "
              + r.recordedAt() + "); rows never overlap");
        });
    InterestRate before = rows.stream().filter(r -> r.validTo().isBefore(validFrom)).reduce((a, b) -> b).orElse(null);
    InterestRate after = rows.stream().filter(r -> r.validFrom().isAfter(validTo)).findFirst().orElse(null);
    if (before != null && !before.validTo().plusDays(1).equals(validFrom)) {
      throw new InvalidRequestException("validFrom", "leaves a gap: " + country + "'s rates end on "
          + before.validTo() + ", so its next row starts on " + before.validTo().plusDays(1));
    }
    if (before == null && after != null && !validTo.plusDays(1).equals(after.validFrom())) {
      throw new InvalidRequestException("validTo", "leaves a gap: " + country + "'s rates start on "
          + after.validFrom() + ", so a row before them ends on " + after.validFrom().minusDays(1));
    }
    InterestRate row = new InterestRate(country, validFrom, validTo,
        country == Country.SE ? request.referenceRate().setScale(2, RoundingMode.UNNECESSARY) : null, rate,
        request.source().strip(), user == null || user.isBlank() ? "system" : user, clock.now());
    rates.insert(row);
    catchUp(row);
    return row;
  }

  /**
   * Interest invoicing skips an invoice whose interest needs a day without a rate, and leaves its
   * interest_invoiced_through where it was: a run for the previous month now invoices all it has earned since.
   */
  private void catchUp(InterestRate row) {
    LocalDate previousMonthEnd = YearMonth.from(clock.today()).minusMonths(1).atEndOfMonth();
    if (row.country() == seller.country() && !row.validFrom().isAfter(previousMonthEnd)) {
      String instance = runs.startByHand(null);
      log.info("Rate for {} from {} recorded: interest invoicing started again ({}) for what waited for it",
          row.country(), row.validFrom(), instance);
    }
  }

  private static BigDecimal rate(Violations violations, Country country, InterestRateRequest request) {
    if (country == Country.SE) {
      BigDecimal reference = request.referenceRate();
      if (!percent(violations, "referenceRate", reference, MIN_REFERENCE, MAX_REFERENCE)) {
        return null;
      }
      if (reference.remainder(HALF_POINT).signum() != 0) {
        violations.add("referenceRate", "must be a multiple of 0.50: Riksbanken rounds it up to the next half "
            + "percentage point (räntelagen 9 §)");
        return null;
      }
      BigDecimal rate = reference.add(SE_MARKUP).setScale(2, RoundingMode.UNNECESSARY);
      if (request.rate() != null && request.rate().compareTo(rate) != 0) {
        violations.add("rate", "must be referenceRate + 8 = " + rate.toPlainString()
            + " (räntelagen 6 §), or left out to be computed");
        return null;
      }
      return rate;
    }
    if (request.referenceRate() != null) {
      violations.add("referenceRate", "is not used for NO: give the forsinkelsesrente as rate");
    }
    return percent(violations, "rate", request.rate(), BigDecimal.ZERO, MAX_RATE)
        ? request.rate().setScale(2, RoundingMode.UNNECESSARY) : null;
  }

  private static boolean percent(Violations violations, String field, BigDecimal value, BigDecimal min,
                                 BigDecimal max) {
    if (!violations.required(field, value)) {
      return false;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      violations.add(field, "has more than 2 decimals");
      return false;
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      violations.add(field, "must be between " + min.toPlainString() + " and " + max.toPlainString() + " (percent)");
      return false;
    }
    return true;
  }

  private static Country country(Violations violations, String country) {
    if (!violations.required("country", country)) {
      return null;
    }
    for (Country c : Country.values()) {
      if (c.name().equals(country)) {
        return c;
      }
    }
    violations.add("country", "must be one of SE, NO");
    return null;
  }

  private static Map<Country, List<InterestRate>> byCountry(List<InterestRate> all) {
    Map<Country, List<InterestRate>> byCountry = new TreeMap<>();
    for (InterestRate r : all) {
      byCountry.computeIfAbsent(r.country(), c -> new ArrayList<>()).add(r);
    }
    byCountry.values().forEach(rows -> rows.sort((a, b) -> a.validFrom().compareTo(b.validFrom())));
    return byCountry;
  }

  /** The first day after the country's first row that no row covers. */
  private static LocalDate firstUncovered(List<InterestRate> rows) {
    LocalDate cursor = rows.get(0).validFrom();
    for (InterestRate r : rows) {
      if (r.validFrom().isAfter(cursor)) {
        return cursor;
      }
      if (!r.validTo().isBefore(cursor)) {
        cursor = r.validTo().plusDays(1);
      }
    }
    return cursor;
  }
}
