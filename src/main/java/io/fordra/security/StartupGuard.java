package io.fordra.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses unsafe configurations before anything starts:
 * <ul>
 *   <li>FORDRA_ADMIN_USER and FORDRA_ADMIN_PASSWORD come together ({@link AdministratorAccount} makes that user the
 *   administrator, with exactly that password);</li>
 *   <li>without them PostgreSQL refuses to start: only a fresh local H2 database gets admin/admin;</li>
 *   <li>the simulation clock is refused on PostgreSQL unless fordra.simulation.allow-with-postgres=true.</li>
 * </ul>
 */
public class StartupGuard implements EnvironmentPostProcessor, Ordered {

  static final String ADMIN_USER = "FORDRA_ADMIN_USER";
  static final String ADMIN_PASSWORD = "FORDRA_ADMIN_PASSWORD";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    boolean postgres = Arrays.asList(env.getActiveProfiles()).contains("postgres")
        || env.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
    if (postgres && env.getProperty("fordra.simulation.enabled", Boolean.class, false)
        && !env.getProperty("fordra.simulation.allow-with-postgres", Boolean.class, false)) {
      throw new IllegalStateException("fordra.simulation.enabled=true is refused on PostgreSQL: the simulation clock "
          + "moves time for every invoice. Set fordra.simulation.allow-with-postgres=true only on a test database.");
    }
    boolean user = StringUtils.hasText(env.getProperty(ADMIN_USER));
    boolean password = StringUtils.hasText(env.getProperty(ADMIN_PASSWORD));
    if (user != password) {
      throw new IllegalStateException(user ? ADMIN_USER + " is set but " + ADMIN_PASSWORD + " is not"
          : ADMIN_PASSWORD + " is set but " + ADMIN_USER + " is not");
    }
    if (!user && postgres) {
      throw new IllegalStateException("Set " + ADMIN_USER + " and " + ADMIN_PASSWORD + ": on PostgreSQL Fordra does "
          + "not create a default admin/admin.");
    }
  }

  /** After the config files are read, so that profiles and fordra.* are known. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
