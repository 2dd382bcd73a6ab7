package io.fordra.paymentplan;

import io.fordra.FordraTestContext;

/** V44 and the plan's store on H2 (the shared test context). */
@FordraTestContext
class H2PaymentPlanStoreTest extends PaymentPlanStoreScenario {}
