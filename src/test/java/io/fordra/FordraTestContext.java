package io.fordra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shared test context: Fordra on an in-memory H2 with the job executor off, so tests run jobs themselves
 * (see ProcessTestSupport) and move time with the engine clock. Every class with this annotation shares one context, and after each test the ledger must agree with the
 * invoices (LedgerInvariant).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:fordra-unit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "fordra.mail.outbox=target/test-outbox",
    "fordra.distribution.undo-window=PT0S",
    "fordra.collection-agency.email=agency@inkasso.example"
})
@ExtendWith(LedgerInvariant.class)
public @interface FordraTestContext {}
