package io.fordra.interest;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The late-payment rate table, kept by finance: /api/interest-rates. */
@RestController
@RequestMapping("/api/interest-rates")
class InterestRateController {

  /** The table, and each country that has no rate from a day up to today ("no rate for SE from 2026-07-01"). */
  public record Table(List<InterestRate> rates, List<String> missing) {}

  private final InterestRateTable table;

  InterestRateController(InterestRateTable table) {
    this.table = table;
  }

  @GetMapping
  public Table table() {
    return new Table(table.all(), table.missing().stream().map(MissingRate::message).toList());
  }

  /** A half-year's row: 201 with the row as stored; 400 for bad input, 409 where a row for those days exists. */
  @PostMapping
  public ResponseEntity<InterestRate> record(@RequestBody(required = false) InterestRateRequest request,
                                             Principal caller) {
    InterestRate row = table.record(request, caller == null ? null : caller.getName());
    return ResponseEntity.created(URI.create("/api/interest-rates")).body(row);
  }
}
