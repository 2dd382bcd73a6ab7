package io.fordra.customer;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

  private final CustomerService customers;

  public CustomerController(CustomerService customers) {
    this.customers = customers;
  }

  @PostMapping
  public ResponseEntity<Customer> create(@RequestBody CustomerRequest request) {
    Customer customer = customers.create(request);
    return ResponseEntity.created(URI.create("/api/customers/" + customer.customerNumber())).body(customer);
  }

  @GetMapping("/{customerNumber}")
  public Customer get(@PathVariable String customerNumber) {
    return customers.get(customerNumber);
  }
}
