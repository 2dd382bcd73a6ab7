package io.fordra.dunning;

import io.fordra.customer.Country;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** fordra_dunning_limit: insert-only, one row per recorded change. */
@Repository
class DunningLimitRepository {

  private static final String SELECT = """
      SELECT id, country, valid_from, max_reminder_fee, reminder_fee_requires_agreement, max_reminder_fees,
             min_days_after_due_for_fee, max_collection_notice_fee, min_collection_notice_period_days, source,
             recorded_by, recorded_at
      FROM fordra_dunning_limit
      """;

  private final JdbcClient jdbc;

  public DunningLimitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The row in force on the day: the latest valid_from on or before it, the latest recorded of that day. */
  public Optional<DunningLimit> inForce(Country country, LocalDate day) {
    return jdbc.sql(SELECT + "WHERE country = ? AND valid_from <= ? ORDER BY valid_from DESC, id DESC LIMIT 1")
        .params(country.name(), day).query(DunningLimitRepository::row).optional();
  }

  /** The country's latest recorded row, locked until the transaction ends (FOR UPDATE). */
  public Optional<DunningLimit> lockLatest(Country country) {
    return jdbc.sql(SELECT + "WHERE country = ? ORDER BY id DESC LIMIT 1 FOR UPDATE").param(country.name())
        .query(DunningLimitRepository::row).optional();
  }

  /** Every row recorded for the country, the latest valid first. */
  public List<DunningLimit> history(Country country) {
    return jdbc.sql(SELECT + "WHERE country = ? ORDER BY valid_from DESC, id DESC").param(country.name())
        .query(DunningLimitRepository::row).list();
  }

  public long insert(DunningLimit limit) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_dunning_limit (country, valid_from, max_reminder_fee, reminder_fee_requires_agreement,
          max_reminder_fees, min_days_after_due_for_fee, max_collection_notice_fee,
          min_collection_notice_period_days, source, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(limit.country().name(), limit.validFrom(), limit.maxReminderFee(),
            limit.reminderFeeRequiresAgreement(), limit.maxReminderFees(), limit.minDaysAfterDueForFee(),
            limit.maxCollectionNoticeFee(), limit.minCollectionNoticePeriodDays(), limit.source(),
            limit.recordedBy(), OffsetDateTime.ofInstant(limit.recordedAt(), ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  private static DunningLimit row(ResultSet rs, int n) throws SQLException {
    return new DunningLimit(rs.getLong("id"), Country.valueOf(rs.getString("country")),
        rs.getObject("valid_from", LocalDate.class), rs.getBigDecimal("max_reminder_fee"),
        rs.getBoolean("reminder_fee_requires_agreement"), rs.getInt("max_reminder_fees"),
        rs.getInt("min_days_after_due_for_fee"), rs.getBigDecimal("max_collection_notice_fee"),
        rs.getInt("min_collection_notice_period_days"), rs.getString("source"), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
  }
}
