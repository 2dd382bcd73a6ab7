package io.fordra.lifecycle;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The REST lifecycle on H2 with the job executor running (as ./mvnw spring-boot:run does). */
@org.junit.jupiter.api.extension.ExtendWith(io.fordra.LedgerInvariant.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:fordra-lifecycle;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.simulation.enabled=true",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=3025",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=" + RestLifecycleScenario.AGENCY
})
@DirtiesContext
class H2RestLifecycleTest extends RestLifecycleScenario {

  @Override
  String adminPassword() {
    return "admin";
  }
}
