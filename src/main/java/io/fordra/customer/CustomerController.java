package io.fordra.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.kernel.Identifiers;
import io.fordra.kernel.Violations;
import io.fordra.web.MergePatch;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer register over /api/customers. A customer is never deleted (DELETE is 405): it is deactivated, keeps its
 * invoices and its number, and can be reactivated. PUT replaces the whole customer, PATCH (JSON merge patch) changes
 * only the fields given; every change is recorded with who made it (GET /api/customers/{n}/events).
 */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

  private static final int MAX_LIST = 1000;

  private final CustomerService customers;
  private final ObjectMapper json;

  public CustomerController(CustomerService customers, ObjectMapper json) {
    this.customers = customers;
    this.json = json;
  }

  @PostMapping
  public ResponseEntity<Customer> create(@RequestBody CustomerRequest request) {
    Customer customer = customers.create(request);
    return ResponseEntity.created(URI.create("/api/customers/" + customer.customerNumber())).body(customer);
  }

  /**
   * Customers matching every criterion given, by number, limit at a time; the next page starts after the last number of
   * this one ({@code after}).
   */
  @GetMapping
  public List<Customer> list(@RequestParam(required = false) String customerNumber,
                             @RequestParam(required = false) String name,
                             @RequestParam(required = false) String organisationNumber,
                             @RequestParam(required = false) String email,
                             @RequestParam(required = false) Boolean active,
                             @RequestParam(required = false) String q,
                             @RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "100") int limit) {
    Violations violations = new Violations();
    if (limit < 1 || limit > MAX_LIST) {
      violations.add("limit", "must be between 1 and " + MAX_LIST);
    }
    // after is the last customer number of the previous page: one outside the rule cannot be one.
    if (after != null && !Identifiers.isValid(after)) {
      violations.add("after", Identifiers.problem(after));
    }
    violations.optionalText("customerNumber", customerNumber, 40);
    violations.optionalText("name", name, 200);
    violations.optionalText("organisationNumber", organisationNumber, 40);
    violations.optionalText("email", email, 254);
    violations.optionalText("q", q, 200);
    violations.throwIfAny();
    return customers.list(new CustomerQuery(customerNumber, name, organisationNumber, email, active, q), after, limit);
  }

  @GetMapping("/{customerNumber}")
  public Customer get(@PathVariable String customerNumber) {
    return customers.get(customerNumber);
  }

  /** Replaces the whole customer (the same checks as a create); documents not yet sent go by the new details. */
  @PutMapping("/{customerNumber}")
  public Customer replace(@PathVariable String customerNumber, @RequestBody CustomerRequest request, Principal user) {
    return customers.replace(customerNumber, request, user.getName());
  }

  /** Changes only the fields a JSON merge patch gives ({@code null} clears an optional one), checked as a create. */
  @PatchMapping(path = "/{customerNumber}", consumes = MergePatch.MEDIA_TYPE)
  public Customer patch(@PathVariable String customerNumber, @RequestBody JsonNode patch, HttpServletRequest http,
                        Principal user) {
    return customers.patch(customerNumber, current -> MergePatch.read(json,
        MergePatch.apply(json.valueToTree(current), patch), CustomerRequest.class, http), user.getName());
  }

  /** Why a customer is deactivated or reactivated; the body may be left out. */
  public record ActivationRequest(String reason) {}

  /** No new invoices for the customer from now on; its open invoices go on. Idempotent. */
  @PostMapping("/{customerNumber}/deactivation")
  public Customer deactivate(@PathVariable String customerNumber,
                             @RequestBody(required = false) ActivationRequest request, Principal user) {
    return customers.deactivate(customerNumber, request == null ? null : request.reason(), user.getName());
  }

  /** The customer may be invoiced again. Idempotent. */
  @PostMapping("/{customerNumber}/reactivation")
  public Customer reactivate(@PathVariable String customerNumber,
                             @RequestBody(required = false) ActivationRequest request, Principal user) {
    return customers.reactivate(customerNumber, request == null ? null : request.reason(), user.getName());
  }

  /** Every change of the customer: who, when, and each field from what to what; oldest first. */
  @GetMapping("/{customerNumber}/events")
  public List<CustomerEvent> events(@PathVariable String customerNumber) {
    return customers.events(customerNumber);
  }
}
