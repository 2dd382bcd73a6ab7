package io.fordra.ledger;

import io.fordra.FordraTestContext;
import org.springframework.test.context.TestPropertySource;

/** {@link DeferredRevenueScenario} on H2, in a database of its own (the closes close 2027 for every test on it). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:fordra-deferred;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000")
@FordraTestContext
class DeferredRevenueTest extends DeferredRevenueScenario {
}
