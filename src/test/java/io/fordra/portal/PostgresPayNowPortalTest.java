package io.fordra.portal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** "Pay now" in the portal on the real PostgreSQL (a fresh database pay_portal), with -Dfordra.it.postgres=true. */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/pay_portal",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=it-Secret-pay-now",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.payments.inbox-cron=-",
    "fordra.invoices.inbox-cron=-",
    "fordra.print.batch-close-cron=-"
})
@DirtiesContext
class PostgresPayNowPortalTest extends PayNowPortalScenario {

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("pay_portal");
  }
}
