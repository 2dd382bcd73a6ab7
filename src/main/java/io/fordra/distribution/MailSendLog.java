package io.fordra.distribution;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs an SMTP server has accepted (fordra_mail_sent), each written and committed the moment the server
 * answers, apart from the send job's transaction. A send job whose transaction was lost after the server took the
 * message (the node killed, its lock expired and another node ran the job, a conflict after sending) finds its
 * message here when it runs again and does not send it a second time. What is left is the moment between the
 * server's answer and this commit.
 *
 * <p>Its own pool of two connections: a send job already holds one connection of the application's pool for its
 * transaction, and must not wait for a second one there.
 */
@Component
class MailSendLog implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(MailSendLog.class);

  private final ObjectProvider<DataSource> application;
  /** Accepted while the database could not be written; the send job's retry on this node finds them here. */
  private final Set<String> unrecorded = ConcurrentHashMap.newKeySet();
  private DataSource dataSource;
  private HikariDataSource own;

  MailSendLog(ObjectProvider<DataSource> application) {
    this.application = application;
  }

  /** For tests: the log on a DataSource of its own. */
  static MailSendLog on(DataSource dataSource) {
    MailSendLog log = new MailSendLog(null);
    log.dataSource = dataSource;
    return log;
  }

  /** Whether an SMTP server has already accepted the message with this id. */
  boolean accepted(String messageId) {
    if (unrecorded.contains(messageId)) {
      return true;
    }
    try (Connection c = connection();
         PreparedStatement s = c.prepareStatement("SELECT 1 FROM fordra_mail_sent WHERE message_id = ?")) {
      s.setString(1, messageId);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the mail send log: " + e.getMessage(), e);
    }
  }

  /**
   * The server accepted the message: recorded at once (auto-commit), tried twice, as a connection of the pool may
   * have died with a database restart. If the database cannot be reached, the id is kept in this node's memory, so
   * that the job's retry here does not send it again; another node's run of the job would.
   */
  void recordAccepted(String messageId) {
    SQLException failure = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        insert(messageId);
        return;
      } catch (SQLException e) {
        failure = e;
      }
    }
    unrecorded.add(messageId);
    log.warn("The SMTP server accepted {} but the send log could not record it ({}): kept in this node's memory;"
        + " if another node runs the send job again, the message goes again with the same Message-ID", messageId,
        failure.getMessage());
  }

  private void insert(String messageId) throws SQLException {
    try (Connection c = connection();
         PreparedStatement s = c.prepareStatement(
             "INSERT INTO fordra_mail_sent (message_id, accepted_at) VALUES (?, ?)")) {
      s.setString(1, messageId);
      s.setTimestamp(2, Timestamp.from(Instant.now()));
      s.executeUpdate();
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      } // else already there: accepted before, by this job's earlier run
    }
  }

  private Connection connection() throws SQLException {
    Connection c = dataSource().getConnection();
    c.setAutoCommit(true);
    return c;
  }

  private synchronized DataSource dataSource() throws SQLException {
    if (dataSource == null) {
      DataSource main = application.getObject();
      if (main.isWrapperFor(HikariDataSource.class)) {
        HikariDataSource pool = main.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pool.getJdbcUrl());
        config.setUsername(pool.getUsername());
        config.setPassword(pool.getPassword());
        config.setDriverClassName(pool.getDriverClassName());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setPoolName("fordra-mail-send-log");
        own = new HikariDataSource(config);
        dataSource = own;
      } else {
        dataSource = main;
      }
    }
    return dataSource;
  }

  @Override
  public synchronized void destroy() {
    if (own != null) {
      own.close();
    }
  }
}
