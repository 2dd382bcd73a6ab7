package io.fordra.avtalegiro;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The Norwegian bank-file scenario on the real PostgreSQL (a fresh database nets_it), -Dfordra.it.postgres=true. */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/nets_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresNorwegianBankFilesTest.PASSWORD,
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.print.batch-close-cron=-",
    "fordra.payments.inbox=" + NorwegianBankFilesScenario.PAYMENTS_INBOX,
    "fordra.payments.inbox-cron=-",
    "fordra.avtalegiro.inbox=" + NorwegianBankFilesScenario.AVTALEGIRO_INBOX,
    "fordra.avtalegiro.inbox-cron=-"
})
@DirtiesContext
class PostgresNorwegianBankFilesTest extends NorwegianBankFilesScenario {

  static final String PASSWORD = "it-Secret-2";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("nets_it");
  }

  @Override
  protected String adminPassword() {
    return PASSWORD;
  }
}
