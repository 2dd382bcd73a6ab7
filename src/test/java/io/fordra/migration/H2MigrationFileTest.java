package io.fordra.migration;

import io.fordra.FordraTestContext;

/** The cut-over scenario on H2 (the shared test context). */
@FordraTestContext
class H2MigrationFileTest extends MigrationFileScenario {}
