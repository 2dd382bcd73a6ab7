package io.fordra.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PortalUserRepository {

  /** A user and the hash of their password, for the login check only. */
  /** What the login check needs: the user, the hash, and the lock after too many wrong passwords. */
  public record Credentials(PortalUser user, String passwordHash, int failedLogins, Instant lockedUntil) {}

  private final JdbcClient jdbc;

  public PortalUserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String customerNumber, String username, String name, String email, String passwordHash,
                     boolean administrator, boolean financial, String language, Instant at, String createdBy) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO fordra_portal_user (customer_number, username, display_name, email, password_hash, administrator,
          financial, language, disabled, sessions_valid_from, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)""")
        .params(customerNumber, username, name, email, passwordHash, administrator, financial, language, utc(at),
            utc(at), createdBy)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public boolean usernameExists(String username) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_portal_user WHERE username = ?").param(username)
        .query(Integer.class).single() > 0;
  }

  public Optional<PortalUser> find(long id) {
    return jdbc.sql("SELECT * FROM fordra_portal_user WHERE id = ?").param(id)
        .query(PortalUserRepository::map).optional();
  }

  public Optional<Credentials> credentials(String username) {
    return jdbc.sql("SELECT * FROM fordra_portal_user WHERE username = ?").param(username)
        .query((rs, n) -> new Credentials(map(rs, n), rs.getString("password_hash"), rs.getInt("failed_logins"),
            Optional.ofNullable(rs.getObject("locked_until", java.time.OffsetDateTime.class))
                .map(java.time.OffsetDateTime::toInstant).orElse(null)))
        .optional();
  }

  /** Counts a wrong password; a user reaching the limit is locked until the given time and counts from 0 again. */
  public void loginFailed(long id, int failedLogins, Instant lockedUntil) {
    jdbc.sql("UPDATE fordra_portal_user SET failed_logins = ?, locked_until = ? WHERE id = ?")
        .params(failedLogins, lockedUntil == null ? null
            : java.time.OffsetDateTime.ofInstant(lockedUntil, java.time.ZoneOffset.UTC), id)
        .update();
  }

  public void loginSucceeded(long id) {
    jdbc.sql("UPDATE fordra_portal_user SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
  }

  public List<PortalUser> ofCustomer(String customerNumber) {
    return jdbc.sql("SELECT * FROM fordra_portal_user WHERE customer_number = ? ORDER BY username")
        .param(customerNumber).query(PortalUserRepository::map).list();
  }

  public void updateFinancial(long id, boolean financial) {
    jdbc.sql("UPDATE fordra_portal_user SET financial = ? WHERE id = ?").params(financial, id).update();
  }

  /** Disables the user and voids their sessions. */
  public void disable(long id, Instant at) {
    jdbc.sql("UPDATE fordra_portal_user SET disabled = TRUE, sessions_valid_from = ? WHERE id = ?")
        .params(utc(at), id).update();
  }

  public void updateLanguage(long id, String language) {
    jdbc.sql("UPDATE fordra_portal_user SET language = ? WHERE id = ?").params(language, id).update();
  }

  public void voidSessions(long id, Instant at) {
    jdbc.sql("UPDATE fordra_portal_user SET sessions_valid_from = ? WHERE id = ?").params(utc(at), id).update();
  }

  private static PortalUser map(ResultSet rs, int row) throws SQLException {
    return new PortalUser(
        rs.getLong("id"),
        rs.getString("customer_number"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getBoolean("administrator"),
        rs.getBoolean("financial"),
        rs.getString("language"),
        rs.getBoolean("disabled"),
        rs.getObject("sessions_valid_from", OffsetDateTime.class).toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
