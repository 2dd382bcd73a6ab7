package io.fordra.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.process.FordraClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox and delivers events, on every node alike (all state is in the database):
 * <ol>
 *   <li>publish: under the sequencer's row lock (one node at a time), number the committed outbox rows not yet
 *   numbered and add a PENDING delivery per enabled subscription that wants the type. Numbering under one lock gives
 *   the commit order: a row that commits later is numbered later. Ids do not: they are taken at insert, so a row with
 *   a lower id can become visible after a higher one.</li>
 *   <li>deliver: take deliveries that are due and first in line for their subscription and invoice, claim each with
 *   one conditional UPDATE (one node wins), POST it outside any transaction, and record the outcome: DELIVERED, or
 *   PENDING again after a back-off (FAILED after max-attempts). A claim lapses after claim-timeout, so a node that
 *   dies mid-delivery delays the event but does not lose it.</li>
 * </ol>
 * Delivery is at least once (a node can die after the POST and before recording it): receivers deduplicate by
 * Fordra-Event-Id. Time (due, back-off, claims) is Fordra's clock, which tests and the simulation move.
 */
@Component
class WebhookDispatcher {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  static final int EXCERPT = 200;
  /** Rounds of one pass: each round can only deliver the next event of an invoice whose previous one just went. */
  private static final int MAX_ROUNDS = 50;

  private final WebhookRepository repository;
  private final WebhookTargets targets;
  private final WebhookProperties properties;
  private final FordraClock clock;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final HttpClient http;

  WebhookDispatcher(WebhookRepository repository, WebhookTargets targets, WebhookProperties properties,
                    FordraClock clock, PlatformTransactionManager transactions, ObjectMapper json) {
    this.repository = repository;
    this.targets = targets;
    this.properties = properties;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
    this.http = HttpClient.newBuilder()
        .connectTimeout(properties.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)   // a redirect could lead to an address the checks refused
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  @Scheduled(cron = "${fordra.webhooks.cron:*/2 * * * * *}")
  void scheduled() {
    try {
      run();
    } catch (RuntimeException e) {
      log.warn("Webhook pass failed; the next one retries", e);
    }
  }

  /** One pass: publish, then deliver what is due, round after round. Returns the attempts made. */
  int run() {
    while (publish() == properties.batchSize()) {
      // more waiting: publish the next batch
    }
    int attempts = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      int made = deliverDue();
      attempts += made;
      if (made == 0) {
        break;
      }
    }
    return attempts;
  }

  /** Numbers one batch of committed outbox rows and fans them out; returns how many. */
  int publish() {
    Integer published = transaction.execute(status -> {
      long next = repository.lockSequencer();
      List<WebhookRepository.Unpublished> rows = repository.unpublished(properties.batchSize());
      if (rows.isEmpty()) {
        return 0;
      }
      List<WebhookRepository.Target> subscribers = repository.enabledTargets();
      Instant now = clock.now();
      for (WebhookRepository.Unpublished row : rows) {
        long sequence = next++;
        repository.publish(row.eventId(), sequence);
        for (WebhookRepository.Target target : subscribers) {
          if (target.eventTypes().contains(row.type())) {
            repository.insertDelivery(target.id(), row, sequence, now);
          }
        }
      }
      repository.setNextSequence(next);
      return rows.size();
    });
    return published == null ? 0 : published;
  }

  private int deliverDue() {
    Instant now = clock.now();
    int attempts = 0;
    for (long id : repository.due(now, properties.batchSize())) {
      if (repository.claim(id, now, now.plus(properties.claimTimeout()))) {
        attempt(repository.claimed(id));
        attempts++;
      }
    }
    return attempts;
  }

  private void attempt(WebhookRepository.Claimed delivery) {
    Optional<WebhookRepository.Target> target = repository.target(delivery.webhookId());
    if (target.isEmpty()) {
      return;   // disabled meanwhile: the claim lapses and nothing is sent
    }
    URI uri = URI.create(target.get().url());
    Optional<String> refused = targets.problemBeforeDelivery(uri);
    if (refused.isPresent()) {
      failed(delivery, null, "Not sent: " + refused.get());
      return;
    }
    byte[] body = body(delivery.event());
    // The receiver checks this against its own clock (replay window), so it is the wall clock, not Fordra's.
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(properties.requestTimeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "Fordra-Webhooks/1")
        .header("Fordra-Event-Id", Long.toString(delivery.event().id()))
        .header("Fordra-Event-Type", delivery.event().type())
        .header("Fordra-Delivery-Id", Long.toString(delivery.id()))
        .header("Fordra-Timestamp", Long.toString(timestamp))
        .header("Fordra-Signature", WebhookSignature.sign(target.get().secret(), timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String excerpt = excerpt(response.body());
      if (response.statusCode() / 100 == 2) {
        repository.delivered(delivery.id(), clock.now(), response.statusCode());
      } else {
        failed(delivery, response.statusCode(), "HTTP " + response.statusCode() + (excerpt.isEmpty() ? "" : ": "
            + excerpt));
      }
    } catch (IOException e) {
      failed(delivery, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(delivery, null, "Interrupted");
    }
  }

  private void failed(WebhookRepository.Claimed delivery, Integer httpStatus, String error) {
    int attempt = delivery.attempts() + 1;
    Instant now = clock.now();
    boolean giveUp = properties.maxAttempts() > 0 && attempt >= properties.maxAttempts();
    repository.failed(delivery.id(), now, httpStatus, capped(error), now.plus(properties.backoff(attempt)), giveUp);
    log.info("Webhook delivery {} (event {}) failed, attempt {}: {}", delivery.id(), delivery.event().id(), attempt,
        capped(error));
  }

  byte[] body(Event event) {
    try {
      return json.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event is plain data", e);
    }
  }

  /** The first bytes of the answer, for the delivery log; the rest is not read. */
  private static String excerpt(InputStream body) throws IOException {
    try (body) {
      byte[] first = body.readNBytes(EXCERPT);
      return new String(first, StandardCharsets.UTF_8).strip();
    }
  }

  private static String capped(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= EXCERPT + 40 ? oneLine : oneLine.substring(0, EXCERPT + 40) + "…";
  }
}
