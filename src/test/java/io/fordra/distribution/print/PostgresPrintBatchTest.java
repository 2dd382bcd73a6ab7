package io.fordra.distribution.print;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The print batch scenario on the real PostgreSQL (127.0.0.1:5432, a fresh database fordra_print_it): the migration,
 * the one-open-batch constraint and the row locks as several nodes would meet them. Runs with -Dfordra.it.postgres=true.
 */
@EnabledIfSystemProperty(named = "fordra.it.postgres", matches = "true")
@ActiveProfiles("postgres")
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FORDRA_DB_URL=jdbc:postgresql://127.0.0.1:5432/fordra_print_it",
    "FORDRA_DB_USER=postgres",
    "FORDRA_ADMIN_USER=admin",
    "FORDRA_ADMIN_PASSWORD=it-Secret-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.print.outbox=target/print-outbox-postgres",
    "fordra.print.batch-close-cron=-",
    "fordra.collection-agency.email=agency@inkasso.example"
})
@Import(HandOverListener.class)
@DirtiesContext
class PostgresPrintBatchTest extends PrintBatchScenario {

  @Autowired JdbcClient jdbc;

  @Override
  int sessionsWaitingForALock() {
    return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
        .query(Integer.class).single();
  }

  @BeforeAll
  static void freshDatabase() throws Exception {
    io.fordra.PostgresTestDatabase.recreate("fordra_print_it");
  }
}
