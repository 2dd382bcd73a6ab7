package io.fordra.interest;

import io.fordra.kernel.BusinessDates;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violations;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/interest-invoicing {month?: "YYYY-MM"}: runs interest invoicing now (the timer runs it monthly). */
@RestController
class InterestInvoicingController {

  public record RunRequest(String month) {}

  private final InterestInvoicingRuns runs;
  private final BusinessDates dates;

  InterestInvoicingController(InterestInvoicingRuns runs, BusinessDates dates) {
    this.runs = runs;
    this.dates = dates;
  }

  @PostMapping("/api/interest-invoicing")
  public ResponseEntity<Map<String, Object>> run(@RequestBody(required = false) RunRequest request) {
    String month = request == null ? null : request.month();
    YearMonth parsed = null;
    if (month != null) {
      try {
        parsed = YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException("month", "must be a month as YYYY-MM, e.g. 2026-10");
      }
      Violations violations = new Violations();
      dates.pastOrCurrentMonth(violations, "month", parsed);
      violations.throwIfAny();
    }
    return ResponseEntity.accepted().body(Map.of("processInstanceId", runs.startByHand(parsed),
        "month", month == null ? "the previous month" : month));
  }
}
