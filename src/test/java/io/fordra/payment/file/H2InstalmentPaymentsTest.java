package io.fordra.payment.file;

import io.fordra.FordraTestContext;

/** Payments by a payment plan's instalment reference on H2 (the shared test context). */
@FordraTestContext
class H2InstalmentPaymentsTest extends InstalmentPaymentsScenario {}
