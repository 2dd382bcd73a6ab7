package io.fordra.interest;

import io.fordra.customer.Country;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The late-payment rate table (fordra_interest_rate): a row per country and period, shipped with the rates of
 * 2025-H1 to 2026-H1 (see the README for their sources) and kept up to date as data (InterestRateTable).
 */
@Repository
class InterestRates {


  private final JdbcClient jdbc;

  public InterestRates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rates of the country that overlap the days from … to (both included), oldest first. */
  public List<InterestCalculator.Rate> between(Country country, LocalDate from, LocalDate to) {
    return jdbc.sql("""
        SELECT valid_from, valid_to, rate FROM fordra_interest_rate
        WHERE country = ? AND valid_from <= ? AND valid_to >= ? ORDER BY valid_from""")
        .params(country.name(), to, from)
        .query((rs, n) -> new InterestCalculator.Rate(rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class), rs.getBigDecimal("rate")))
        .list();
  }

  /** Every row, by country and period. */
  public List<InterestRate> all() {
    return jdbc.sql("SELECT * FROM fordra_interest_rate ORDER BY country, valid_from").query(InterestRates::row).list();
  }

  /**
   * The country's rows, oldest first, locked (FOR UPDATE): two rows recorded at once for a country are checked one
   * after the other, so the second sees the first.
   */
  public List<InterestRate> lockCountry(Country country) {
    return jdbc.sql("SELECT * FROM fordra_interest_rate WHERE country = ? ORDER BY valid_from FOR UPDATE")
        .param(country.name()).query(InterestRates::row).list();
  }

  public void insert(InterestRate rate) {
    jdbc.sql("""
        INSERT INTO fordra_interest_rate (country, valid_from, valid_to, reference_rate, rate, source, recorded_by,
          recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(rate.country().name(), rate.validFrom(), rate.validTo(), rate.referenceRate(), rate.rate(),
            rate.source(), rate.recordedBy(), OffsetDateTime.ofInstant(rate.recordedAt(), ZoneOffset.UTC))
        .update();
  }

  private static InterestRate row(ResultSet rs, int n) throws SQLException {
    return new InterestRate(Country.valueOf(rs.getString("country")), rs.getObject("valid_from", LocalDate.class),
        rs.getObject("valid_to", LocalDate.class), rs.getBigDecimal("reference_rate"), rs.getBigDecimal("rate"),
        rs.getString("source"), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
  }
}
