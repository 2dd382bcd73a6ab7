package io.fordra.customer;

import io.fordra.process.FordraClock;
import io.fordra.web.ConflictException;
import io.fordra.web.NotFoundException;
import io.fordra.web.Violations;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer register. */
@Service
public class CustomerService {

  private static final Pattern CUSTOMER_NUMBER = Pattern.compile("[A-Za-z0-9._-]{1,40}");
  private static final Pattern SCHEME = Pattern.compile("\\d{4}");
  private static final Set<String> LANGUAGES = Set.of("sv", "nb", "en");

  private final CustomerRepository customers;
  private final FordraClock clock;

  public CustomerService(CustomerRepository customers, FordraClock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  @Transactional
  public Customer create(CustomerRequest request) {
    Violations violations = new Violations();
    validate(request, "", violations);
    violations.throwIfAny();
    if (customers.exists(request.customerNumber())) {
      throw new ConflictException("Customer " + request.customerNumber() + " already exists");
    }
    Customer customer = toCustomer(request);
    customers.insert(customer);
    return customer;
  }

  public Customer get(String customerNumber) {
    return customers.find(customerNumber)
        .orElseThrow(() -> new NotFoundException("No customer " + customerNumber));
  }

  public boolean exists(String customerNumber) {
    return customers.exists(customerNumber);
  }

  /** Adds every problem of a customer to violations; prefix is the JSON path ("" or "customer."). */
  public void validate(CustomerRequest r, String prefix, Violations violations) {
    if (violations.text(prefix + "customerNumber", r.customerNumber(), 40)
        && !CUSTOMER_NUMBER.matcher(r.customerNumber()).matches()) {
      violations.add(prefix + "customerNumber", "may contain only letters, digits, '.', '_' and '-'");
    }
    violations.text(prefix + "name", r.name(), 200);
    violations.required(prefix + "type", r.type());
    violations.required(prefix + "country", r.country());
    violations.email(prefix + "email", r.email(), true);
    violations.email(prefix + "invoiceEmail", r.invoiceEmail(), false);
    if (r.type() == CustomerType.BUSINESS && violations.text(prefix + "organisationNumber",
        r.organisationNumber(), 40) && r.country() != null
        && !OrganisationNumbers.isValid(r.country(), r.organisationNumber())) {
      violations.add(prefix + "organisationNumber", "is not a valid " + r.country() + " organisation number");
    }
    if (r.type() != CustomerType.BUSINESS) {
      violations.optionalText(prefix + "organisationNumber", r.organisationNumber(), 40);
    }
    if (violations.required(prefix + "address", r.address())) {
      violations.text(prefix + "address.street", r.address().street(), 200);
      violations.text(prefix + "address.postalCode", r.address().postalCode(), 20);
      violations.text(prefix + "address.city", r.address().city(), 100);
      if (r.address().country() != null && !r.address().country().matches("[A-Z]{2}")) {
        violations.add(prefix + "address.country", "must be an ISO 3166 country code such as SE or NO");
      }
    }
    if (r.language() != null && !LANGUAGES.contains(r.language())) {
      violations.add(prefix + "language", "'" + r.language() + "' is not one of " + LANGUAGES);
    }
    if (r.electronicAddress() != null) {
      String scheme = r.electronicAddress().scheme();
      if (scheme == null || !SCHEME.matcher(scheme).matches()) {
        violations.add(prefix + "electronicAddress.scheme", "must be a 4-digit PEPPOL scheme such as 0007 or 0192");
      }
      violations.text(prefix + "electronicAddress.id", r.electronicAddress().id(), 100);
    }
  }

  /** Stores a customer that validate() accepted (used for the inline customer of an invoice). */
  public Customer createValidated(CustomerRequest request) {
    Customer customer = toCustomer(request);
    customers.insert(customer);
    return customer;
  }

  private Customer toCustomer(CustomerRequest r) {
    String addressCountry = r.address().country() == null ? r.country().name() : r.address().country();
    return new Customer(
        r.customerNumber(),
        r.name().strip(),
        r.type(),
        Boolean.TRUE.equals(r.priority()),
        r.country(),
        blankToNull(r.organisationNumber()),
        r.email().strip(),
        blankToNull(r.invoiceEmail()),
        new Customer.Address(r.address().street().strip(), r.address().postalCode().strip(),
            r.address().city().strip(), addressCountry),
        Boolean.TRUE.equals(r.reminderFeeAgreed()),
        r.preferredChannel() == null ? Channel.EMAIL : r.preferredChannel(),
        r.language() == null ? r.country().language() : r.language(),
        r.electronicAddress() == null ? null
            : new Customer.ElectronicAddress(r.electronicAddress().scheme(), r.electronicAddress().id()),
        clock.now());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
