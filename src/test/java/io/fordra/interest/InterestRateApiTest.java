package io.fordra.interest;

import io.fordra.FordraTestContext;

/** {@link InterestRateScenario} on H2, in the shared test context. */
@FordraTestContext
class InterestRateApiTest extends InterestRateScenario {}
