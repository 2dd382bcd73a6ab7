package io.fordra.process;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The payment correlation race on the real PostgreSQL (127.0.0.1:5432, a fresh database fordra_correlation_it),
 * where it shows as a foreign key violation (SQLState 23503). Runs with -Dfordra.it.postgres=true.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/fordra_correlation_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=" + PostgresPaymentCorrelationRaceTest.PASSWORD,
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=agency@inkasso.example"
})
@Import({HoldCheckSettlement.class, HoldUndoWindowEnd.class})
@DirtiesContext
class PostgresPaymentCorrelationRaceTest extends PaymentCorrelationRaceScenario {

  static final String PASSWORD = "it-Secret-1";

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("fordra_correlation_it");
  }

  @Override
  String conflictAsReported() {
    return "act_fk_exe_super";
  }

  @Override
  protected String adminPassword() {
    return PASSWORD;
  }
}
