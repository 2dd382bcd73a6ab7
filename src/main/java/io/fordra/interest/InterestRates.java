package io.fordra.interest;

import io.fordra.customer.Country;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The late-payment rate table (fordra_interest_rate): a row per country and period, shipped with the rates of
 * 2025-H1 to 2026-H1 (see the README for their sources) and kept up to date as data.
 */
@Repository
class InterestRates {

  /** A row of the table. */
  public record Row(Country country, LocalDate validFrom, LocalDate validTo, BigDecimal referenceRate,
                    BigDecimal rate, String source) {}

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

  public List<Row> all() {
    return jdbc.sql("SELECT * FROM fordra_interest_rate ORDER BY country, valid_from")
        .query((rs, n) -> new Row(Country.valueOf(rs.getString("country")), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class), rs.getBigDecimal("reference_rate"), rs.getBigDecimal("rate"),
            rs.getString("source")))
        .list();
  }
}
