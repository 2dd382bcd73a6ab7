package io.fordra.webhook;

import java.util.List;

/** POST /api/webhooks: where to, which event types (their wire names, e.g. "invoice.paid"), and a note. */
public record WebhookRequest(String url, List<String> eventTypes, String description) {}
