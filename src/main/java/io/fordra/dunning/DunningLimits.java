package io.fordra.dunning;

import io.fordra.customer.Country;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal limits of dunning per debtor country (fordra_dunning_limit), read on every reminder and collection
 * notice, so a change recorded by finance applies from its first day without a restart.
 */
@Service
public class DunningLimits {

  /** No Nordic dunning fee comes near this; a larger figure is a typing error. */
  static final BigDecimal MAX_FEE = new BigDecimal("10000");
  static final int MAX_DAYS = 365;
  static final int MAX_FEES = 10;

  private final DunningLimitRepository repository;
  private final FordraClock clock;

  public DunningLimits(DunningLimitRepository repository, FordraClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** The limits in force today (Fordra's clock) for a debtor in this country. */
  @Transactional(readOnly = true)
  public DunningLimit inForce(Country country) {
    return repository.inForce(country, clock.today()).orElseThrow(() -> new IllegalStateException(
        "No dunning limits for " + country + " are in force on " + clock.today()
            + "; record them with POST /api/dunning-limits/" + country));
  }

  /** The limits in force today for every country that has any. */
  @Transactional(readOnly = true)
  public List<DunningLimit> inForce() {
    List<DunningLimit> all = new ArrayList<>();
    for (Country country : List.of(Country.SE, Country.NO)) {
      repository.inForce(country, clock.today()).ifPresent(all::add);
    }
    return all;
  }

  /** Every set of limits recorded for the country, the latest valid first (future ones included). */
  @Transactional(readOnly = true)
  public List<DunningLimit> history(String country) {
    return repository.history(country(country));
  }

  /**
   * Records new limits for a country from validFrom (today if not given; never a past day, since what was charged
   * then stays as it was). Every field is checked before anything is stored.
   */
  @Transactional
  public DunningLimit record(String country, DunningLimitRequest request, String user) {
    Country debtorCountry = country(country);
    Violations violations = new Violations();
    if (request == null) {
      throw new InvalidRequestException("body", "is required");
    }
    LocalDate validFrom = request.validFrom() == null ? clock.today() : request.validFrom();
    if (validFrom.isBefore(clock.today())) {
      violations.add("validFrom", validFrom + " is before today (" + clock.today()
          + "): a change applies from today or later, what was charged before stays");
    }
    fee(violations, "maxReminderFee", request.maxReminderFee());
    violations.required("reminderFeeRequiresAgreement", request.reminderFeeRequiresAgreement());
    count(violations, "maxReminderFees", request.maxReminderFees(), MAX_FEES);
    count(violations, "minDaysAfterDueForFee", request.minDaysAfterDueForFee(), MAX_DAYS);
    fee(violations, "maxCollectionNoticeFee", request.maxCollectionNoticeFee());
    count(violations, "minCollectionNoticePeriodDays", request.minCollectionNoticePeriodDays(), MAX_DAYS);
    violations.text("source", request.source(), 500);
    violations.throwIfAny();
    DunningLimit limit = new DunningLimit(0, debtorCountry, validFrom, request.maxReminderFee().setScale(2),
        request.reminderFeeRequiresAgreement(), request.maxReminderFees(), request.minDaysAfterDueForFee(),
        request.maxCollectionNoticeFee().setScale(2), request.minCollectionNoticePeriodDays(),
        request.source().strip(), user == null ? "system" : user, clock.now());
    // Locks the country's latest row: two posts at once are recorded one after the other, and the second sees the
    // first. The same limits from the same day again (a double click) are refused; a correction is a new row.
    repository.lockLatest(debtorCountry).filter(latest -> latest.sameLimitsAs(limit)).ifPresent(latest -> {
      throw new ConflictException("These limits for " + debtorCountry + " from " + validFrom + " were recorded "
          + "already (by " + latest.recordedBy() + " at " + latest.recordedAt() + "); nothing is recorded twice");
    });
    long id = repository.insert(limit);
    return new DunningLimit(id, limit.country(), limit.validFrom(), limit.maxReminderFee(),
        limit.reminderFeeRequiresAgreement(), limit.maxReminderFees(), limit.minDaysAfterDueForFee(),
        limit.maxCollectionNoticeFee(), limit.minCollectionNoticePeriodDays(), limit.source(), limit.recordedBy(),
        limit.recordedAt());
  }

  private static Country country(String country) {
    for (Country c : Country.values()) {
      if (c.hasOwnRules() && c.name().equals(country)) {
        return c;
      }
    }
    throw new NotFoundException("Fordra collects in SE and NO only; there are no dunning limits for this country");
  }

  private static void fee(Violations violations, String field, BigDecimal value) {
    if (!violations.amount(field, value)) {
      return;
    }
    if (value.signum() < 0) {
      violations.add(field, "must not be negative");
    } else if (value.compareTo(MAX_FEE) > 0) {
      violations.add(field, "is larger than " + MAX_FEE.toPlainString() + ": no dunning fee comes near that");
    }
  }

  private static void count(Violations violations, String field, Integer value, int max) {
    if (violations.required(field, value) && (value < 0 || value > max)) {
      violations.add(field, "must be between 0 and " + max);
    }
  }
}
