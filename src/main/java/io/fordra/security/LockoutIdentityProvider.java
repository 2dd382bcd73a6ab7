package io.fordra.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Camunda's own users, with Fordra's lock instead of the engine's: after max-failed-logins wrong passwords in a row a
 * user is locked for the lockout, then may try again; the right password resets the count. The engine's own check
 * throttles every wrong password and locks for good after loginMaxAttempts, so that anyone could lock out any user,
 * the administrator included. Every staff password goes through here: /api and /engine-rest HTTP Basic and the
 * webapp login all call IdentityService.checkPassword.
 *
 * <p>The count and the end of the lock are the engine's columns ACT_ID_USER.ATTEMPTS_ and LOCK_EXP_TIME_ (Camunda
 * Admin's "unlock" clears them), changed by one SQL update each so that parallel requests and every node of a cluster
 * count the same tries. The revision (REV_) is left alone: a try is no edit of the user.
 */
class LockoutIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger log = LoggerFactory.getLogger(LockoutIdentityProvider.class);

  private final int maxFailedLogins;
  private final Duration lockout;

  LockoutIdentityProvider(int maxFailedLogins, Duration lockout) {
    this.maxFailedLogins = maxFailedLogins;
    this.lockout = lockout;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    UserEntity user = findUserById(userId);
    if (user == null || password == null) {
      return false;
    }
    Date now = ClockUtil.getCurrentTime();
    // The password is checked even while locked: a locked user answers as a wrong password does, in the same time.
    boolean matches = matchPassword(password, user);
    if (isLocked(user, now)) {
      return false;
    }
    if (!matches) {
      failed(userId, now);
      return false;
    }
    if (user.getAttempts() > 0 || user.getLockExpirationTime() != null) {
      sql().update("UPDATE " + table() + " SET ATTEMPTS_ = 0, LOCK_EXP_TIME_ = NULL WHERE ID_ = ?", userId);
    }
    return true;
  }

  private static boolean isLocked(UserEntity user, Date now) {
    return user.getLockExpirationTime() != null && user.getLockExpirationTime().after(now);
  }

  /** Counts a wrong password (the row stays locked until commit, so parallel tries count one after the other). */
  private void failed(String userId, Date now) {
    JdbcTemplate sql = sql();
    int counted = sql.update("UPDATE " + table() + " SET ATTEMPTS_ = COALESCE(ATTEMPTS_, 0) + 1 WHERE ID_ = ?"
        + " AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ <= ?)", userId, new Timestamp(now.getTime()));
    if (counted == 0) {
      return; // locked meanwhile by a parallel try
    }
    Integer attempts = sql.queryForObject("SELECT ATTEMPTS_ FROM " + table() + " WHERE ID_ = ?", Integer.class,
        userId);
    if (attempts != null && attempts >= maxFailedLogins) {
      Timestamp until = new Timestamp(now.getTime() + lockout.toMillis());
      sql.update("UPDATE " + table() + " SET ATTEMPTS_ = 0, LOCK_EXP_TIME_ = ? WHERE ID_ = ?", until, userId);
      log.warn("User {} is locked until {} after {} wrong passwords in a row", userId, until.toInstant(), attempts);
    }
  }

  /** SQL on the engine command's own connection and transaction. */
  private static JdbcTemplate sql() {
    DbSqlSession session = Context.getCommandContext().getDbSqlSession();
    return new JdbcTemplate(new SingleConnectionDataSource(session.getSqlSession().getConnection(), true));
  }

  private static String table() {
    return Context.getCommandContext().getDbSqlSession().getDbSqlSessionFactory().getDatabaseTablePrefix()
        + "ACT_ID_USER";
  }
}
