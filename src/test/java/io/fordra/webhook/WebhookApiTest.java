package io.fordra.webhook;

import io.fordra.FordraTestContext;

/** Webhooks and the events API on H2, in the shared test context. */
@FordraTestContext
class WebhookApiTest extends WebhookScenario {}
