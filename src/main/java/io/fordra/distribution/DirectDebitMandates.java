package io.fordra.distribution;

import io.fordra.customer.Customer;
import java.util.Optional;

/**
 * The port to the direct-debit mandates (implemented by autogiro.MandateQuery over fordra_mandate): a customer is
 * debited only under an ACTIVE mandate of the scheme of their country (Autogiro in Sweden, AvtaleGiro in Norway).
 */
public interface DirectDebitMandates {

  /** The payer number of the customer's active mandate, or empty when they have none. */
  Optional<String> activeMandate(Customer customer);
}
