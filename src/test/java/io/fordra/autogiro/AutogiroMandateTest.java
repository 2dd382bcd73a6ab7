package io.fordra.autogiro;

import io.fordra.FordraTestContext;

/** Autogiro mandates end to end on H2, in the shared test context. */
@FordraTestContext
class AutogiroMandateTest extends AutogiroMandateScenario {}
