package io.fordra.webhook;

import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it: never its secret, which only the creation's answer carries. */
public record Webhook(long id, String url, List<String> eventTypes, String description, boolean enabled,
                      Instant createdAt, String createdBy, Instant disabledAt, String disabledBy) {}
