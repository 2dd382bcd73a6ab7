package io.fordra.close;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/month-end-closes {period?: "YYYY-MM"} runs a month-end close now (no period: the previous month) → 201,
 * Location /api/month-end-closes/{id}; GET …/{id} the close with status, figures and differences; GET ?period= lists;
 * POST …/{id}/reopen {reason} reopens the closed month.
 */
@RestController
@RequestMapping("/api/month-end-closes")
class MonthEndCloseController {

  public record StartRequest(String period) {}

  public record ReopenRequest(String reason) {}

  private final MonthEndCloses closes;

  public MonthEndCloseController(MonthEndCloses closes) {
    this.closes = closes;
  }

  @PostMapping
  public ResponseEntity<MonthEndCloseView> start(@RequestBody(required = false) StartRequest request,
                                                 Principal caller) {
    MonthEndCloseView close = closes.startByHand(request == null ? null : request.period(),
        caller == null ? null : caller.getName());
    return ResponseEntity.created(URI.create("/api/month-end-closes/" + close.id())).body(close);
  }

  /** Reopens a closed month for a correction (finance; a reason is required): 409 when the close is not closed. */
  @PostMapping("/{id}/reopen")
  public MonthEndCloseView reopen(@PathVariable long id, @RequestBody(required = false) ReopenRequest request,
                                  Principal caller) {
    return closes.reopen(id, request == null ? null : request.reason(), caller == null ? null : caller.getName());
  }

  @GetMapping("/{id}")
  public MonthEndCloseView get(@PathVariable long id) {
    return closes.get(id);
  }

  @GetMapping
  public List<MonthEndCloseView> list(@RequestParam(required = false) String period) {
    return closes.list(period);
  }
}
