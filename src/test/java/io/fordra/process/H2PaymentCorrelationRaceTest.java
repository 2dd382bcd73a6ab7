package io.fordra.process;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** The payment correlation race on H2 (its own context: the hold is parsed into the deployed process). */
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:fordra-correlation;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=agency@inkasso.example"
})
@Import({HoldCheckSettlement.class, HoldUndoWindowEnd.class})
@DirtiesContext
class H2PaymentCorrelationRaceTest extends PaymentCorrelationRaceScenario {

  /** H2 reports each statement of a batch: the DELETE that matched no row is seen, as an optimistic locking failure. */
  @Override
  String conflictAsReported() {
    return "OptimisticLockingException";
  }
}
