package io.fordra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** What Fordra refuses at start-up, and the first admin it sets up. */
class StartupGuardTest {

  private final StartupGuard guard = new StartupGuard();
  private final SpringApplication app = new SpringApplication();

  @Test
  void localH2RunGetsAdminAdminAndSaysSo() {
    MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/fordra");
    guard.postProcessEnvironment(env, app);
    assertThat(env.getProperty("camunda.bpm.admin-user.id")).isEqualTo("admin");
    assertThat(env.getProperty("camunda.bpm.admin-user.password")).isEqualTo("admin");
    assertThat(env.getProperty(StartupGuard.DEFAULT_ADMIN_FLAG, Boolean.class)).isTrue();
  }

  @Test
  void adminFromTheEnvironment() {
    MockEnvironment env = postgres().withProperty("FORDRA_ADMIN_USER", "ops").withProperty("FORDRA_ADMIN_PASSWORD", "s3cret");
    guard.postProcessEnvironment(env, app);
    assertThat(env.getProperty("camunda.bpm.admin-user.id")).isEqualTo("ops");
    assertThat(env.getProperty("camunda.bpm.admin-user.password")).isEqualTo("s3cret");
    assertThat(env.getProperty(StartupGuard.DEFAULT_ADMIN_FLAG)).isNull();
  }

  @Test
  void postgresWithoutAnAdminIsRefused() {
    assertThatThrownBy(() -> guard.postProcessEnvironment(postgres(), app))
        .hasMessageContaining("FORDRA_ADMIN_USER and FORDRA_ADMIN_PASSWORD");
  }

  @Test
  void adminUserWithoutPasswordIsRefused() {
    MockEnvironment env = new MockEnvironment().withProperty("FORDRA_ADMIN_USER", "ops");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, app)).hasMessageContaining("FORDRA_ADMIN_PASSWORD");
  }

  @Test
  void simulationIsRefusedOnPostgresUnlessAllowed() {
    MockEnvironment env = postgres().withProperty("fordra.simulation.enabled", "true")
        .withProperty("FORDRA_ADMIN_USER", "ops").withProperty("FORDRA_ADMIN_PASSWORD", "s3cret");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, app))
        .hasMessageContaining("fordra.simulation.enabled=true is refused on PostgreSQL");

    env.setProperty("fordra.simulation.allow-with-postgres", "true");
    guard.postProcessEnvironment(env, app);
    assertThat(env.getProperty("camunda.bpm.admin-user.id")).isEqualTo("ops");
  }

  @Test
  void simulationOnH2IsFine() {
    MockEnvironment env = new MockEnvironment().withProperty("fordra.simulation.enabled", "true");
    guard.postProcessEnvironment(env, app);
    assertThat(env.getProperty("camunda.bpm.admin-user.id")).isEqualTo("admin");
  }

  private static MockEnvironment postgres() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    return env;
  }
}
