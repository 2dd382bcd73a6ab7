package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** What Fordra refuses at start-up. */
class StartupGuardTest {

  private final StartupGuard guard = new StartupGuard();
  private final SpringApplication app = new SpringApplication();

  /** The administrator itself is set up once the engine runs (AdministratorAccount, AdministratorStartupTest). */
  @Test
  void localH2RunWithoutAnAdministratorStarts() {
    MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/fordra");
    assertThatNoException().isThrownBy(() -> guard.postProcessEnvironment(env, app));
  }

  @Test
  void postgresWithAnAdministratorStarts() {
    MockEnvironment env = postgres().withProperty("FORDRA_ADMIN_USER", "ops").withProperty("FORDRA_ADMIN_PASSWORD", "s3cret");
    assertThatNoException().isThrownBy(() -> guard.postProcessEnvironment(env, app));
  }

  @Test
  void postgresWithoutAnAdminIsRefused() {
    assertThatThrownBy(() -> guard.postProcessEnvironment(postgres(), app))
        .hasMessageContaining("FORDRA_ADMIN_USER and FORDRA_ADMIN_PASSWORD");
  }

  @Test
  void adminUserWithoutPasswordIsRefused() {
    MockEnvironment env = new MockEnvironment().withProperty("FORDRA_ADMIN_USER", "ops");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, app))
        .hasMessage("FORDRA_ADMIN_USER is set but FORDRA_ADMIN_PASSWORD is not");
  }

  @Test
  void adminPasswordWithoutUserIsRefused() {
    MockEnvironment env = new MockEnvironment().withProperty("FORDRA_ADMIN_PASSWORD", "s3cret");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, app))
        .hasMessage("FORDRA_ADMIN_PASSWORD is set but FORDRA_ADMIN_USER is not");
  }

  @Test
  void simulationIsRefusedOnPostgresUnlessAllowed() {
    MockEnvironment env = postgres().withProperty("fordra.simulation.enabled", "true")
        .withProperty("FORDRA_ADMIN_USER", "ops").withProperty("FORDRA_ADMIN_PASSWORD", "s3cret");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, app))
        .hasMessageContaining("fordra.simulation.enabled=true is refused on PostgreSQL");

    env.setProperty("fordra.simulation.allow-with-postgres", "true");
    assertThatNoException().isThrownBy(() -> guard.postProcessEnvironment(env, app));
  }

  @Test
  void simulationOnH2IsFine() {
    MockEnvironment env = new MockEnvironment().withProperty("fordra.simulation.enabled", "true");
    assertThatNoException().isThrownBy(() -> guard.postProcessEnvironment(env, app));
  }

  private static MockEnvironment postgres() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    return env;
  }
}
