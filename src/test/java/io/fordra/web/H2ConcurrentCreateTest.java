package io.fordra.web;

import io.fordra.FordraTestContext;

/** Issue 13, finding 7 on H2 (the shared test context): parallel creates of one natural key. */
@FordraTestContext
class H2ConcurrentCreateTest extends ConcurrentCreateScenario {}
