package io.fordra.distribution.efaktura;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * eFaktura end to end on the real PostgreSQL (a fresh database efk_efaktura_it, migration V41), with
 * -Dfordra.it.postgres=true, a Norwegian seller and the issuer-service stub on port 18462.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/efk_efaktura_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresEFakturaTest.PASSWORD,
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=agency@inkasso.example",
    "fordra.payments.inbox-cron=-",
    "fordra.invoices.inbox-cron=-",
    "fordra.print.batch-close-cron=-",
    "fordra.webhooks.cron=-",
    "fordra.print.outbox=target/print-outbox-efaktura-pg",
    "fordra.seller.name=Fordra Norge AS",
    "fordra.seller.organisation-number=974 760 673",
    "fordra.seller.vat-number=NO974760673MVA",
    "fordra.seller.street=Karl Johans gate 1",
    "fordra.seller.postal-code=0154",
    "fordra.seller.city=Oslo",
    "fordra.seller.country=NO",
    "fordra.seller.bankgiro=",
    "fordra.seller.bank-account=1503.50.10186",
    "fordra.efaktura.base-url=http://127.0.0.1:18462/invoicing-nets-submitter/v1/",
    "fordra.distribution.active-channels=EMAIL,PRINT,EINVOICE,DIRECT_DEBIT,EFAKTURA",
    "fordra.efaktura.username=fordra",
    "fordra.efaktura.password=stub-secret",
    "fordra.efaktura.read-timeout=PT2S",
    "fordra.efaktura.refresh-cron=-"
})
@DirtiesContext
class PostgresEFakturaTest extends EFakturaScenario {

  static final String PASSWORD = "it-Secret-efaktura";

  private static EFakturaStub stub;

  @BeforeAll
  static void freshDatabaseAndStub() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("efk_efaktura_it");
    stub = new EFakturaStub(18462);
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @Override
  protected EFakturaStub stub() {
    return stub;
  }

  @Override
  protected String adminPassword() {
    return PASSWORD;
  }
}
