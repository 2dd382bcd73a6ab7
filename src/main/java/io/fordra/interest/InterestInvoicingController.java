package io.fordra.interest;

import io.fordra.process.InterestInvoicingProcess;
import io.fordra.web.InvalidRequestException;
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

  public InterestInvoicingController(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @PostMapping("/api/interest-invoicing")
  public ResponseEntity<Map<String, Object>> run(@RequestBody(required = false) RunRequest request) {
    String month = request == null ? null : request.month();
    if (month != null) {
      try {
        YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException("month", "must be a month as YYYY-MM, e.g. 2026-10");
      }
    }
    var instance = runtime.startProcessInstanceByMessage(InterestInvoicingProcess.RUN_BY_HAND,
        "interest-" + (month == null ? "previous-month" : month),
        Variables.createVariables().putValue(InterestInvoicingProcess.MONTH.name(), month));
    return ResponseEntity.accepted().body(Map.of("processInstanceId", instance.getId(),
        "month", month == null ? "the previous month" : month));
  }
}
