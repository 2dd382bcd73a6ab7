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
 * Location /api/month-end-closes/{id}; GET …/{id} the close with status, figures and differences; GET ?period= lists.
 */
@RestController
@RequestMapping("/api/month-end-closes")
class MonthEndCloseController {

  public record StartRequest(String period) {}

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

  @GetMapping("/{id}")
  public MonthEndCloseView get(@PathVariable long id) {
    return closes.get(id);
  }

  @GetMapping
  public List<MonthEndCloseView> list(@RequestParam(required = false) String period) {
    return closes.list(period);
  }
}
