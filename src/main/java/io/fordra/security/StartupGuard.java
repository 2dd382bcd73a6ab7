package io.fordra.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Refuses unsafe configurations before anything starts, and sets up the first admin:
 * <ul>
 *   <li>FORDRA_ADMIN_USER / FORDRA_ADMIN_PASSWORD become Camunda's admin user;</li>
 *   <li>without them, only the local H2 database gets admin/admin (and the log says so); PostgreSQL refuses to start;</li>
 *   <li>the simulation clock is refused on PostgreSQL unless fordra.simulation.allow-with-postgres=true.</li>
 * </ul>
 */
public class StartupGuard implements EnvironmentPostProcessor, Ordered {

  static final String DEFAULT_ADMIN_FLAG = "fordra.security.default-admin";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    boolean postgres = Arrays.asList(env.getActiveProfiles()).contains("postgres")
        || env.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
    if (postgres && env.getProperty("fordra.simulation.enabled", Boolean.class, false)
        && !env.getProperty("fordra.simulation.allow-with-postgres", Boolean.class, false)) {
      throw new IllegalStateException("fordra.simulation.enabled=true is refused on PostgreSQL: the simulation clock "
          + "moves time for every invoice. Set fordra.simulation.allow-with-postgres=true only on a test database.");
    }
    String user = env.getProperty("FORDRA_ADMIN_USER");
    String password = env.getProperty("FORDRA_ADMIN_PASSWORD");
    Map<String, Object> admin = new HashMap<>();
    if (user != null && !user.isBlank()) {
      if (password == null || password.isBlank()) {
        throw new IllegalStateException("FORDRA_ADMIN_USER is set but FORDRA_ADMIN_PASSWORD is not");
      }
      admin.put("camunda.bpm.admin-user.id", user);
      admin.put("camunda.bpm.admin-user.password", password);
    } else if (postgres) {
      throw new IllegalStateException("Set FORDRA_ADMIN_USER and FORDRA_ADMIN_PASSWORD: on PostgreSQL Fordra does not "
          + "create a default admin/admin.");
    } else {
      admin.put("camunda.bpm.admin-user.id", "admin");
      admin.put("camunda.bpm.admin-user.password", "admin");
      admin.put(DEFAULT_ADMIN_FLAG, true);
    }
    admin.put("camunda.bpm.admin-user.first-name", "Fordra");
    admin.put("camunda.bpm.admin-user.last-name", "Administrator");
    env.getPropertySources().addLast(new MapPropertySource("fordra-admin", admin));
  }

  /** After the config files are read, so that profiles and fordra.* are known. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
