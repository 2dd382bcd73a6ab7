package io.fordra.migration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The cut-over scenario on the real PostgreSQL (a fresh database fordra_cutover_it), with -Dfordra.it.postgres=true. */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/fordra_cutover_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresMigrationFileTest.PASSWORD,
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=agency@inkasso.example",
    "fordra.print.batch-close-cron=-",
    "fordra.invoices.inbox-cron=-",
    "fordra.payments.inbox-cron=-"
})
@DirtiesContext
class PostgresMigrationFileTest extends MigrationFileScenario {

  static final String PASSWORD = "it-Secret-Cutover-3";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("fordra_cutover_it");
  }

  @Override
  protected String adminPassword() {
    return PASSWORD;
  }
}
