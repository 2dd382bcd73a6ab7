package io.fordra.portal;

import io.fordra.FordraTestContext;

/** Issue 20's walk through the doors on H2 (the shared test context). */
@FordraTestContext
class H2PaymentPlanEndToEndTest extends PaymentPlanEndToEndScenario {}
