package io.fordra.paymentplan;

import io.fordra.FordraTestContext;

/** PaymentPlanService on H2 (the shared test context). */
@FordraTestContext
class H2PaymentPlanServiceTest extends PaymentPlanServiceScenario {}
