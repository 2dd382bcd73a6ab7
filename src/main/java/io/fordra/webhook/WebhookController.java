package io.fordra.webhook;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions for the ERP and CRM (administrators; no ApiRules rule names them). DELETE disables: the
 * subscription and its delivery log stay readable.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

  private final WebhookService webhooks;

  WebhookController(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping
  public ResponseEntity<WebhookCreated> create(@RequestBody WebhookRequest request, Principal user) {
    WebhookCreated created = webhooks.create(request, user.getName());
    return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
  }

  @GetMapping
  public List<Webhook> list() {
    return webhooks.list();
  }

  @GetMapping("/{id}")
  public Webhook get(@PathVariable long id) {
    return webhooks.get(id);
  }

  @DeleteMapping("/{id}")
  public Webhook disable(@PathVariable long id, Principal user) {
    return webhooks.disable(id, user.getName());
  }

  @GetMapping("/{id}/deliveries")
  public List<Delivery> deliveries(@PathVariable long id, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) Long after,
                                   @RequestParam(required = false) Integer limit) {
    return webhooks.deliveries(id, status, after, limit);
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
  public Delivery redeliver(@PathVariable long id, @PathVariable long deliveryId) {
    return webhooks.redeliver(id, deliveryId);
  }
}
