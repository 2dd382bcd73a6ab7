package io.fordra.paymentplan;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link PaymentPlanServiceScenario} on the real PostgreSQL (a fresh database pc_payment_plan_service_it), with
 * -Dfordra.it.postgres=true: the invoices' row locks and the holds' key under two concurrent requests, NUMERIC amounts
 * and V45 as PostgreSQL runs them; after each test the ledger agrees with the invoices.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/pc_payment_plan_service_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=it-Secret-payment-plan-service",
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
class PostgresPaymentPlanServiceTest extends PaymentPlanServiceScenario {

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("pc_payment_plan_service_it");
  }
}
