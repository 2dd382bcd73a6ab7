package io.fordra.paymentplan;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * V44 and the plan's store on the real PostgreSQL (a fresh database plan_payment_plan_it), with
 * -Dfordra.it.postgres=true: the sequence, the CHECK and UNIQUE constraints as PostgreSQL runs them.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/plan_payment_plan_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=it-Secret-payment-plans",
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
class PostgresPaymentPlanStoreTest extends PaymentPlanStoreScenario {

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("plan_payment_plan_it");
  }
}
