package io.fordra.customer;

import io.fordra.FordraTestContext;

/** The customer register over /api/customers on H2, in the shared test context. */
@FordraTestContext
class CustomerApiTest extends CustomerRegisterScenario {}
