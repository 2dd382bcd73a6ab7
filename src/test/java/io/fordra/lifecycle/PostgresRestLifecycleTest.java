package io.fordra.lifecycle;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The REST lifecycle on the real PostgreSQL (127.0.0.1:5432, a fresh database fordra_it). Runs with
 * -Dfordra.it.postgres=true, as .ci/run does; then a missing server fails the build instead of skipping.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/fordra_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresRestLifecycleTest.PASSWORD,
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.simulation.enabled=true",
    "fordra.simulation.allow-with-postgres=true",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=3025",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=" + RestLifecycleScenario.AGENCY
})
@DirtiesContext
class PostgresRestLifecycleTest extends RestLifecycleScenario {

  static final String PASSWORD = "it-Secret-1";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("fordra_it");
  }

  @Override
  String adminPassword() {
    return PASSWORD;
  }
}
