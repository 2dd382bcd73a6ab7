package io.fordra.webhook;

import java.time.Instant;
import java.util.List;

/** The answer to creating a subscription: the only time the secret is shown. */
public record WebhookCreated(long id, String url, List<String> eventTypes, String description, boolean enabled,
                             Instant createdAt, String createdBy, String secret) {}
