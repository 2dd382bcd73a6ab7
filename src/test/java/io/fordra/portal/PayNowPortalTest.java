package io.fordra.portal;

import io.fordra.FordraTestContext;

/** "Pay now" in the portal on H2, in the shared test context. */
@FordraTestContext
class PayNowPortalTest extends PayNowPortalScenario {}
