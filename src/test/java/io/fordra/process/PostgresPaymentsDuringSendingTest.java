package io.fordra.process;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Payments during sending on the real PostgreSQL (127.0.0.1:5432, a fresh database races_payments_it), where the
 * race once showed as act_fk_exe_super violated (500). Runs with -Dfordra.it.postgres=true.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/races_payments_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresPaymentsDuringSendingTest.PASSWORD,
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox-payments-during-sending-pg",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=agency@inkasso.example"
})
@DirtiesContext
class PostgresPaymentsDuringSendingTest extends PaymentsDuringSendingScenario {

  static final String PASSWORD = "it-Secret-1";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("races_payments_it");
  }

  @Override
  protected String adminPassword() {
    return PASSWORD;
  }
}
