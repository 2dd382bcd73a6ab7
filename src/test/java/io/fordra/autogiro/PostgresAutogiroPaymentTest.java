package io.fordra.autogiro;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Autogiro payment scenario on the real PostgreSQL (a fresh database agp_autogiro_it), with
 * -Dfordra.it.postgres=true.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/agp_autogiro_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresAutogiroPaymentTest.PASSWORD,
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.print.batch-close-cron=-",
    "fordra.payments.inbox-cron=-",
    "fordra.invoices.inbox-cron=-",
    "fordra.webhooks.cron=-",
    "fordra.collection-agency.email=agency@inkasso.example",
    AutogiroPaymentScenario.CUSTOMER_NUMBER, AutogiroPaymentScenario.BANKGIRO, AutogiroPaymentScenario.NO_SCHEDULE,
    "fordra.autogiro.outbox=" + PostgresAutogiroPaymentTest.OUTBOX,
    AutogiroPaymentScenario.AVTALEGIRO_SENDER, AutogiroPaymentScenario.AVTALEGIRO_ACCOUNT,
    AutogiroPaymentScenario.AVTALEGIRO_NO_SCHEDULE,
    "fordra.avtalegiro.outbox=" + PostgresAutogiroPaymentTest.OUTBOX + "-avtalegiro"
})
@DirtiesContext
class PostgresAutogiroPaymentTest extends AutogiroPaymentScenario {

  static final String PASSWORD = "it-Secret-2";
  static final String OUTBOX = "target/autogiro-outbox-pg";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("agp_autogiro_it");
  }

  @Override
  protected String adminPassword() {
    return PASSWORD;
  }

  @Override
  String outbox() {
    return OUTBOX;
  }
}
