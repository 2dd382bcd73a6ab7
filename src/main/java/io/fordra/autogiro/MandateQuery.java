package io.fordra.autogiro;

import io.fordra.customer.Customer;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one question other code asks of the mandates: under which payer number may this customer be debited? Only an
 * ACTIVE mandate counts (REQUESTED, SENT, REJECTED and CANCELLED are not debited). The distribution asks it (the
 * dependency goes distribution → autogiro, as distribution.DirectDebitFailures' does).
 */
@Component
public class MandateQuery {

  private final MandateRepository mandates;

  public MandateQuery(MandateRepository mandates) {
    this.mandates = mandates;
  }

  /** The payer number of the customer's active mandate of the scheme, or empty. */
  public Optional<String> activeMandate(String customerNumber, MandateScheme scheme) {
    return mandates.active(customerNumber, scheme).map(Mandate::payerNumber);
  }

  /** The customer's active mandate of the scheme, or empty. */
  public Optional<Mandate> active(String customerNumber, MandateScheme scheme) {
    return mandates.active(customerNumber, scheme);
  }

  /**
   * The payer number of the customer's active mandate of their country's scheme (AvtaleGiro in Norway); the
   * distribution table's fact hasDirectDebitMandate.
   */
  public Optional<String> activeMandate(Customer customer) {
    return activeMandate(customer.customerNumber(), MandateScheme.of(customer.country()));
  }
}
