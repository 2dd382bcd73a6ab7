package io.fordra.paymentplan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.customer.CustomerService;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.process.ProcessConflicts;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * Payment plans over /api: POST a request a case handler takes on the phone (requestedBy CASE_HANDLER, by the
 * caller) → 201 with the plan, Location /api/payment-plans/{planNumber}; GET …/{planNumber}; GET ?customerNumber= the
 * customer's plans, newest first. Numbers are checked at the door: a plan number or customer number that cannot
 * exist is 404 or 400 without a look-up.
 */
@RestController
@RequestMapping("/api/payment-plans")
class PaymentPlanController {

  private final PaymentPlans plans;
  private final PaymentPlanProperties properties;
  private final CustomerService customers;
  private final ProcessConflicts conflicts;

  PaymentPlanController(PaymentPlans plans, PaymentPlanProperties properties, CustomerService customers,
                        ProcessConflicts conflicts) {
    this.plans = plans;
    this.properties = properties;
    this.customers = customers;
    this.conflicts = conflicts;
  }

  /**
   * The body of POST /api/payment-plans, for the API's description only: the body is read as a tree
   * ({@link PlanRequestJson}) so that one answer names every problem.
   */
  @Schema(name = "PaymentPlanRequest", description = "INSTALMENTS: one or more of the customer's open invoices, "
      + "instalments and optionally firstDueDate; DEFERRAL: one invoice and deferTo")
  record Body(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "C-2001") String customerNumber,
              @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"F-2026-0001\"]")
              List<String> invoiceNumbers,
              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PlanKind kind,
              @Schema(description = "INSTALMENTS: 1 to fordra.payment-plan.max-instalments", example = "3")
              Integer instalments,
              @Schema(description = "INSTALMENTS: the first due date (default: today + the interval)")
              java.time.LocalDate firstDueDate,
              @Schema(description = "DEFERRAL: the new date to pay by") java.time.LocalDate deferTo,
              @Schema(description = "what the debtor said, for the case handler who decides", maxLength = 2000)
              String note) {}

  /** Every problem of the body at once (400 problem+json), nothing stored; then PaymentPlans' own checks. */
  @PostMapping
  public ResponseEntity<PaymentPlanView> request(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
          content = @Content(schema = @Schema(implementation = Body.class))) @RequestBody JsonNode body,
      Principal caller) {
    PlanRequest request = PlanRequestJson.read(body, PlanRequest.RequestedBy.CASE_HANDLER, caller.getName(),
        properties.maxInstalments());
    PaymentPlanView plan = conflicts.retrying(() -> plans.request(request));
    return ResponseEntity.created(URI.create("/api/payment-plans/" + plan.planNumber())).body(plan);
  }

  @GetMapping("/{planNumber}")
  public PaymentPlanView get(@PathVariable String planNumber) {
    long id = PaymentPlanView.idOf(planNumber);
    if (id < 0) {
      // Not a plan number (PP-1, PP-2, …): no such plan, and nothing to look up.
      throw new NotFoundException("No payment plan: a plan number is PP- and a number");
    }
    return plans.find(id).orElseThrow(() -> new NotFoundException("No payment plan " + planNumber));
  }

  @GetMapping
  public List<PaymentPlanView> ofCustomer(@RequestParam(required = false) String customerNumber) {
    Violations violations = new Violations();
    violations.number("customerNumber", customerNumber);
    violations.throwIfAny();
    return plans.ofCustomer(customers.get(customerNumber).customerNumber());
  }
}
