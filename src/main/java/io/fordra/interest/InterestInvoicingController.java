package io.fordra.interest;

import io.fordra.process.InterestInvoicingProcess;
import io.fordra.web.BusinessDates;
import io.fordra.web.InvalidRequestException;
import io.fordra.web.Violations;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/interest-invoicing {month?: "YYYY-MM"}: runs interest invoicing now (the timer runs it monthly). */
@RestController
public class InterestInvoicingController {

  public record RunRequest(String month) {}

  private final RuntimeService runtime;
  private final BusinessDates dates;

  public InterestInvoicingController(RuntimeService runtime, BusinessDates dates) {
    this.runtime = runtime;
    this.dates = dates;
  }

  @PostMapping("/api/interest-invoicing")
  public ResponseEntity<Map<String, Object>> run(@RequestBody(required = false) RunRequest request) {
    String month = request == null ? null : request.month();
    if (month != null) {
      YearMonth parsed;
      try {
        parsed = YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException("month", "must be a month as YYYY-MM, e.g. 2026-10");
      }
      Violations violations = new Violations();
      dates.pastOrCurrentMonth(violations, "month", parsed);
      violations.throwIfAny();
    }
    var instance = runtime.startProcessInstanceByMessage(InterestInvoicingProcess.RUN_BY_HAND,
        "interest-" + (month == null ? "previous-month" : month),
        Variables.createVariables().putValue(InterestInvoicingProcess.MONTH.name(), month));
    return ResponseEntity.accepted().body(Map.of("processInstanceId", instance.getId(),
        "month", month == null ? "the previous month" : month));
  }
}
