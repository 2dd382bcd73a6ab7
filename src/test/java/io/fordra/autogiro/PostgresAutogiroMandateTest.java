package io.fordra.autogiro;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Autogiro mandates end to end on the real PostgreSQL (a fresh database agm_autogiro), with
 * -Dfordra.it.postgres=true: the claims of the mandate file, LTRIM of the bank's zero-filled payer numbers and the
 * advice file's unique SHA-256 as PostgreSQL runs them.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/agm_autogiro",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresAutogiroMandateTest.PASSWORD,
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.payments.inbox-cron=-",
    "fordra.invoices.inbox-cron=-",
    "fordra.print.batch-close-cron=-",
    "fordra.webhooks.cron=-",
    "fordra.autogiro.outbox=target/pg-autogiro-outbox",
    "fordra.autogiro.inbox=target/pg-autogiro-inbox",
    "fordra.autogiro.customer-number=471117",
    "fordra.autogiro.bankgiro=5050-1055",
    "fordra.autogiro.mandate-file-cron=-",
    "fordra.autogiro.inbox-cron=-"
})
@DirtiesContext
class PostgresAutogiroMandateTest extends AutogiroMandateScenario {

  static final String PASSWORD = "it-Secret-autogiro-mandates";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("agm_autogiro");
  }

  @Override
  protected String adminPassword() {
    return PASSWORD;
  }
}
