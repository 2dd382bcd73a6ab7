package io.fordra.invoice;

import io.fordra.FordraTestContext;

/** Customers abroad over the API on H2, in the shared test context. */
@FordraTestContext
class CustomersAbroadApiTest extends CustomersAbroadScenario {}
