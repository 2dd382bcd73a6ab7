package io.fordra.distribution.mailbox;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The digital mailbox end to end on H2, against the Kivra stub on port 18482. */
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:kiv-digital-mailbox;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox-digital-mailbox",
    "fordra.print.outbox=target/print-outbox-digital-mailbox",
    "fordra.print.batch-close-cron=-",
    "fordra.invoices.inbox-cron=-",
    "fordra.payments.inbox-cron=-",
    "fordra.webhooks.cron=-",
    "fordra.distribution.undo-window=PT0S",
    "fordra.distribution.active-channels=EMAIL,PRINT,EINVOICE,DIRECT_DEBIT,DIGITAL_MAILBOX",
    "fordra.distribution.reserve-channel=EMAIL",
    "fordra.collection-agency.email=agency@inkasso.example",
    "fordra.mailbox.base-url=http://127.0.0.1:18482",
    "fordra.mailbox.client-id=" + KivraStub.CLIENT_ID,
    "fordra.mailbox.client-secret=" + KivraStub.CLIENT_SECRET,
    "fordra.mailbox.tenant-key=" + KivraStub.TENANT_KEY,
    "fordra.mailbox.request-timeout=PT1S"
})
@DirtiesContext
class H2DigitalMailboxTest extends DigitalMailboxScenario {

  @BeforeAll
  static void kivra() throws Exception {
    startStub(18482);
  }
}
