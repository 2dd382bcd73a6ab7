package io.fordra.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * fordra.webhooks.*: how events are delivered. Back-off: the n-th failed attempt waits initial-backoff ×
 * backoff-multiplier^(n-1), at most max-backoff; after max-attempts (0 = never) the delivery is FAILED and waits for
 * a redelivery, still holding back the invoice's later events.
 */
@ConfigurationProperties("fordra.webhooks")
public record WebhookProperties(
    @DefaultValue("false") boolean allowPrivateTargets,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT10S") Duration requestTimeout,
    @DefaultValue("PT30S") Duration initialBackoff,
    @DefaultValue("2") double backoffMultiplier,
    @DefaultValue("PT1H") Duration maxBackoff,
    @DefaultValue("20") int maxAttempts,
    @DefaultValue("PT2M") Duration claimTimeout,
    @DefaultValue("500") int batchSize) {

  /** The wait after the attempt-th failed attempt (1-based). */
  Duration backoff(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, Math.max(0, attempt - 1));
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
  }
}
