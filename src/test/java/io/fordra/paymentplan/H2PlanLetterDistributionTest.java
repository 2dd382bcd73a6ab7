package io.fordra.paymentplan;

import io.fordra.FordraTestContext;

@FordraTestContext
class H2PlanLetterDistributionTest extends PlanLetterDistributionScenario {}
