package io.fordra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shared test context: Fordra on an in-memory H2 with the job executor off, so tests run jobs themselves
 * (see ProcessTestSupport) and move time with the engine clock. Every class with this annotation and no settings of
 * its own shares one context and database (SpringContextGroups, OneContextAtATime), and after each test the ledger
 * must agree with the invoices (LedgerInvariant).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:fordra-unit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=agency@inkasso.example",
    // Files stay under target/ and nothing polls or closes on a wall-clock schedule: tests call what they need.
    "fordra.einvoice.outbox=" + FordraTestContext.EINVOICE_OUTBOX,
    "fordra.print.outbox=target/print-outbox-test",
    "fordra.print.batch-close-cron=-",
    "fordra.invoices.inbox=" + FordraTestContext.INVOICES_INBOX,
    "fordra.payments.inbox=" + FordraTestContext.PAYMENTS_INBOX,
    "fordra.invoices.inbox-cron=-",
    "fordra.payments.inbox-cron=-",
    "fordra.avtalegiro.inbox=target/avtalegiro-inbox-test",
    "fordra.avtalegiro.inbox-cron=-",
    "fordra.autogiro.outbox=" + FordraTestContext.AUTOGIRO_OUTBOX,
    "fordra.autogiro.inbox=" + FordraTestContext.AUTOGIRO_INBOX,
    "fordra.autogiro.customer-number=471117",
    "fordra.autogiro.bankgiro=5050-1055",
    "fordra.autogiro.mandate-file-cron=-",
    "fordra.autogiro.inbox-cron=-",
    "fordra.autogiro.payment-file-cron=-",
    "fordra.avtalegiro.claim-file-cron=-",
    // Webhook tests post to a receiver on localhost and deliver when they say so.
    "fordra.webhooks.cron=-",
    "fordra.webhooks.allow-private-targets=true"
})
@ExtendWith(LedgerInvariant.class)
public @interface FordraTestContext {

  String EINVOICE_OUTBOX = "target/test-einvoice-outbox/se";
  String INVOICES_INBOX = "target/test-invoices-inbox";
  String PAYMENTS_INBOX = "target/test-payments-inbox";
  String AUTOGIRO_OUTBOX = "target/test-autogiro-outbox";
  String AUTOGIRO_INBOX = "target/test-autogiro-inbox";
}
