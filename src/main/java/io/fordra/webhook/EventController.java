package io.fordra.webhook;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/events?after=&limit=: the webhooks' events for integrations that poll, in publication (commit) order.
 * Keep {@code next} and ask with after=next: no event is skipped, even one whose transaction committed late.
 */
@RestController
class EventController {

  private final WebhookService webhooks;

  EventController(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping("/api/events")
  public EventPage events(@RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit) {
    return webhooks.events(after, limit);
  }
}
