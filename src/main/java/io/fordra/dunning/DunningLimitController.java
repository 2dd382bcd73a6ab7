package io.fordra.dunning;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The legal limits of dunning per debtor country, kept by finance: /api/dunning-limits. */
@RestController
@RequestMapping("/api/dunning-limits")
class DunningLimitController {

  private final DunningLimits limits;

  public DunningLimitController(DunningLimits limits) {
    this.limits = limits;
  }

  /** The limits in force today, one set per country. */
  @GetMapping
  public List<DunningLimit> inForce() {
    return limits.inForce();
  }

  /** Every set recorded for the country, with who recorded it and when, the latest valid first. */
  @GetMapping("/{country}")
  public List<DunningLimit> history(@PathVariable String country) {
    return limits.history(country);
  }

  /** New limits from validFrom (default today); the reminders and notices issued from that day on use them. */
  @PostMapping("/{country}")
  public ResponseEntity<DunningLimit> record(@PathVariable String country, @RequestBody DunningLimitRequest request,
                                             Principal caller) {
    DunningLimit limit = limits.record(country, request, caller == null ? null : caller.getName());
    return ResponseEntity.created(URI.create("/api/dunning-limits/" + limit.country())).body(limit);
  }
}
