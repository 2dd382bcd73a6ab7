package io.fordra.portal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 20's walk through the doors on the real PostgreSQL (a fresh database pe_plan_walk), with
 * -Dfordra.it.postgres=true: the plan's hold, locks and sequences as PostgreSQL runs them.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "server.port=18600",
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/pe_plan_walk",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresPaymentPlanEndToEndTest.ADMIN_PASSWORD,
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
class PostgresPaymentPlanEndToEndTest extends PaymentPlanEndToEndScenario {

  static final String ADMIN_PASSWORD = "it-Secret-plan-e2e";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("pe_plan_walk");
  }

  @Override
  protected String adminPassword() {
    return ADMIN_PASSWORD;
  }
}
