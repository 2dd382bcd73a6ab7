package io.fordra.webhook;

import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions, their deliveries and the pull API's pages. */
@Service
public class WebhookService {

  static final int MAX_LIMIT = 1000;
  static final int DEFAULT_LIMIT = 100;
  private static final List<String> STATUSES = List.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED);

  private final WebhookRepository repository;
  private final WebhookTargets targets;
  private final WebhookDispatcher dispatcher;
  private final FordraClock clock;

  WebhookService(WebhookRepository repository, WebhookTargets targets, WebhookDispatcher dispatcher,
                 FordraClock clock) {
    this.repository = repository;
    this.targets = targets;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /**
   * A new subscription; its secret is in this answer only. It receives the events published after it: the outbox is
   * published first, so that what committed before it goes only to the subscriptions that existed then.
   */
  public WebhookCreated create(WebhookRequest request, String by) {
    Violations violations = new Violations();
    if (request == null) {
      violations.add("body", "is required").throwIfAny();
    }
    targets.problem(request.url()).ifPresent(problem -> violations.add("url", problem));
    List<String> types = eventTypes(request.eventTypes(), violations);
    violations.optionalText("description", request.description(), 200);
    violations.throwIfAny();
    dispatcher.publish();
    String secret = WebhookSignature.newSecret();
    Instant now = clock.now();
    long id = repository.insertWebhook(request.url(), types, secret, blankToNull(request.description()), now, by);
    return new WebhookCreated(id, request.url(), types, blankToNull(request.description()), true, now, by, secret);
  }

  private static List<String> eventTypes(List<String> given, Violations violations) {
    if (given == null || given.isEmpty()) {
      violations.add("eventTypes", "is required: one or more of " + wireNames());
      return List.of();
    }
    Set<String> types = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String type = given.get(i);
      if (type == null || WebhookEventType.ofWireName(type).isEmpty()) {
        violations.add("eventTypes[" + i + "]", "'" + abbreviate(type) + "' is not one of " + wireNames());
      } else if (!types.add(type)) {
        violations.add("eventTypes[" + i + "]", "'" + type + "' is given twice");
      }
    }
    return new ArrayList<>(types);
  }

  static List<String> wireNames() {
    return Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList();
  }

  public List<Webhook> list() {
    return repository.webhooks();
  }

  public Webhook get(long id) {
    return repository.webhook(id).orElseThrow(() -> new NotFoundException("No webhook " + id));
  }

  /**
   * Disables the subscription: nothing more is published or delivered to it; it and its deliveries stay readable
   * (the record of what was sent). Disabling twice is the same as once.
   */
  @Transactional
  public Webhook disable(long id, String by) {
    get(id);
    repository.disable(id, clock.now(), by);
    return get(id);
  }

  public List<Delivery> deliveries(long id, String status, Long after, Integer limit) {
    Violations violations = new Violations();
    if (status != null && !STATUSES.contains(status)) {
      violations.add("status", "'" + abbreviate(status) + "' is not one of " + STATUSES);
    }
    long from = after(after, violations);
    int size = limit(limit, violations);
    violations.throwIfAny();
    get(id);
    return repository.deliveries(id, status, from, size);
  }

  /** Due now again, whatever it was; the invoice's later events wait for it as before. */
  public Delivery redeliver(long id, long deliveryId) {
    get(id);
    if (!repository.redeliver(id, deliveryId, clock.now())) {
      throw new NotFoundException("Webhook " + id + " has no delivery " + deliveryId);
    }
    return repository.delivery(id, deliveryId).orElseThrow();
  }

  /** Published events after the sequence number {@code after} (0: from the start). */
  public EventPage events(Long after, Integer limit) {
    Violations violations = new Violations();
    long from = after(after, violations);
    int size = limit(limit, violations);
    violations.throwIfAny();
    List<Event> events = repository.events(from, size);
    return new EventPage(events, events.isEmpty() ? from : events.get(events.size() - 1).sequence());
  }

  private static long after(Long after, Violations violations) {
    if (after != null && after < 0) {
      violations.add("after", "must be 0 or more (the last sequence or id you have)");
      return 0;
    }
    return after == null ? 0 : after;
  }

  private static int limit(Integer limit, Violations violations) {
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      violations.add("limit", "must be from 1 to " + MAX_LIMIT);
      return DEFAULT_LIMIT;
    }
    return limit == null ? DEFAULT_LIMIT : limit;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String abbreviate(String text) {
    return text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
