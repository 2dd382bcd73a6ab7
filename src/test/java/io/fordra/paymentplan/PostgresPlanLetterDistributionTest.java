package io.fordra.paymentplan;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A plan's letter sent on the real PostgreSQL (a fresh database pl_letters_it), with -Dfordra.it.postgres=true: V48's
 * payment_reference of fordra_document as PostgreSQL runs it.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "server.port=18561",
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/pl_letters_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresPlanLetterDistributionTest.ADMIN_PASSWORD,
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=agency@inkasso.example",
    "fordra.payments.inbox-cron=-",
    "fordra.invoices.inbox-cron=-",
    "fordra.print.batch-close-cron=-",
    "fordra.webhooks.cron=-"
})
@DirtiesContext
class PostgresPlanLetterDistributionTest extends PlanLetterDistributionScenario {

  static final String ADMIN_PASSWORD = "it-Secret-plan-letters";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("pl_letters_it");
  }

  @Override
  protected String adminPassword() {
    return ADMIN_PASSWORD;
  }
}
