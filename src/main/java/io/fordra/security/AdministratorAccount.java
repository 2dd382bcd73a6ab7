package io.fordra.security;

import static io.fordra.security.ConcurrentStartup.ensure;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The administrator, set up at every start (after the groups exist, see {@link IdentityBootstrap}):
 * <ul>
 *   <li>FORDRA_ADMIN_USER / FORDRA_ADMIN_PASSWORD win: that user exists with exactly that password (created, or its
 *   password set) and is in camunda-admin and Fordra's groups. If it is not admin, a user admin that still has the
 *   password admin gets a random one (kept, not deleted: its history and tasks stay attached to it);</li>
 *   <li>without them (a local H2 run, {@link StartupGuard} refuses PostgreSQL): a database without any user gets
 *   admin/admin; one that has users gets nothing.</li>
 * </ul>
 * The log says which, never the password. Nodes starting at the same moment may both do it.
 */
@Component
class AdministratorAccount {

  static final String DEFAULT_USER = "admin";

  private static final Logger log = LoggerFactory.getLogger(AdministratorAccount.class);

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;
  private final String user;
  private final String password;

  public AdministratorAccount(ProcessEngine engine,
                              @Value("${" + StartupGuard.ADMIN_USER + ":}") String user,
                              @Value("${" + StartupGuard.ADMIN_PASSWORD + ":}") String password) {
    this.identity = engine.getIdentityService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.user = user.strip();
    this.password = password;
  }

  public void setUp() {
    if (user.isEmpty()) {
      createDefaultOnAFreshDatabase();
      return;
    }
    if (ensure(() -> exists(user), () -> create(user, password))) {
      log.info("Administrator {} created from {} and {}", user, StartupGuard.ADMIN_USER, StartupGuard.ADMIN_PASSWORD);
    } else if (ensure(() -> hasPassword(user, password), () -> setPassword(user, password))) {
      log.warn("Administrator {}: password set from {} (the stored one was different)", user,
          StartupGuard.ADMIN_PASSWORD);
    } else {
      log.info("Administrator {}: password unchanged (as in {})", user, StartupGuard.ADMIN_PASSWORD);
    }
    addToGroups(user);
    if (!user.equals(DEFAULT_USER) && ensure(() -> !hasPassword(DEFAULT_USER, DEFAULT_USER),
        () -> setPassword(DEFAULT_USER, randomPassword()))) {
      log.warn("The user {} still had the password {}: it now has a random password ({} is the administrator; "
          + "delete {} in Camunda Admin if nobody needs it)", DEFAULT_USER, DEFAULT_USER, user, DEFAULT_USER);
    }
  }

  private void createDefaultOnAFreshDatabase() {
    if (!DbSqlSessionFactory.H2.equals(configuration.getDatabaseType())) {
      throw new IllegalStateException(StartupGuard.ADMIN_USER + " is not set: admin/admin is only for a local H2 run");
    }
    if (identity.createUserQuery().count() > 0) {
      log.info("{} is not set and the database has users: no administrator is created or changed",
          StartupGuard.ADMIN_USER);
      return;
    }
    if (ensure(() -> exists(DEFAULT_USER), () -> create(DEFAULT_USER, DEFAULT_USER))) {
      addToGroups(DEFAULT_USER);
      log.warn("Local H2 run: Fordra created the user admin/admin. Set {} and {} for anything but a local trial; "
          + "the postgres profile refuses to start without them.", StartupGuard.ADMIN_USER,
          StartupGuard.ADMIN_PASSWORD);
    }
  }

  private void addToGroups(String id) {
    List<String> added = new ArrayList<>();
    List<String> groups = new ArrayList<>(List.of(Groups.CAMUNDA_ADMIN));
    groups.addAll(IdentityBootstrap.GROUPS);
    for (String group : groups) {
      if (ensure(() -> identity.createUserQuery().userId(id).memberOfGroup(group).count() > 0,
          () -> identity.createMembership(id, group))) {
        added.add(group);
      }
    }
    if (!added.isEmpty()) {
      log.info("Administrator {} added to groups {}", id, String.join(", ", added));
    }
  }

  private boolean exists(String id) {
    return identity.createUserQuery().userId(id).count() > 0;
  }

  private void create(String id, String newPassword) {
    User created = identity.newUser(id);
    created.setFirstName("Fordra");
    created.setLastName("Administrator");
    created.setPassword(newPassword);
    identity.saveUser(created);
  }

  /** Compares with the stored hash; IdentityService.checkPassword would count a wrong password as a failed login. */
  private boolean hasPassword(String id, String candidate) {
    UserEntity stored = (UserEntity) identity.createUserQuery().userId(id).singleResult();
    return stored != null && configuration.getPasswordManager()
        .check(EncryptionUtil.saltPassword(candidate, stored.getSalt()), stored.getPassword());
  }

  private void setPassword(String id, String newPassword) {
    User stored = identity.createUserQuery().userId(id).singleResult();
    stored.setPassword(newPassword);
    identity.saveUser(stored);
  }

  private static String randomPassword() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
