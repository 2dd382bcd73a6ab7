package io.fordra.distribution.mailbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The digital mailbox end to end on the real PostgreSQL (127.0.0.1:5432, a fresh database kiv_mailbox_it), against
 * the Kivra stub on port 18483. Runs with -Dfordra.it.postgres=true.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/kiv_mailbox_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresDigitalMailboxTest.PASSWORD,
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox-digital-mailbox-pg",
    "fordra.print.outbox=target/print-outbox-digital-mailbox-pg",
    "fordra.print.batch-close-cron=-",
    "fordra.invoices.inbox-cron=-",
    "fordra.payments.inbox-cron=-",
    "fordra.webhooks.cron=-",
    "fordra.distribution.undo-window=PT0S",
    "fordra.distribution.active-channels=EMAIL,PRINT,EINVOICE,DIRECT_DEBIT,DIGITAL_MAILBOX",
    "fordra.distribution.reserve-channel=EMAIL",
    "fordra.collection-agency.email=agency@inkasso.example",
    "fordra.mailbox.base-url=http://127.0.0.1:18483",
    "fordra.mailbox.client-id=" + KivraStub.CLIENT_ID,
    "fordra.mailbox.client-secret=" + KivraStub.CLIENT_SECRET,
    "fordra.mailbox.tenant-key=" + KivraStub.TENANT_KEY,
    "fordra.mailbox.request-timeout=PT1S"
})
@DirtiesContext
class PostgresDigitalMailboxTest extends DigitalMailboxScenario {

  static final String PASSWORD = "it-Secret-1";

  @BeforeAll
  static void freshDatabaseAndKivra() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("kiv_mailbox_it");
    startStub(18483);
  }

  @Override
  protected String adminPassword() {
    return PASSWORD;
  }
}
