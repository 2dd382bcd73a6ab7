package io.fordra.customer;

import io.fordra.database.NaturalKeys;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer register. */
@Service
public class CustomerService {

  private static final Pattern SCHEME = Pattern.compile("\\d{4}");
  private static final Pattern MANDATE = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Set<String> LANGUAGES = Set.of("sv", "nb", "en");

  private final CustomerRepository customers;
  private final FordraClock clock;
  private final NaturalKeys naturalKeys;

  public CustomerService(CustomerRepository customers, FordraClock clock, NaturalKeys naturalKeys) {
    this.customers = customers;
    this.clock = clock;
    this.naturalKeys = naturalKeys;
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
    // The unique key decides between concurrent creates of one number (409, not a lock timeout).
    naturalKeys.claim("Customer " + request.customerNumber() + " already exists", () -> customers.insert(customer));
    return customer;
  }

  public Customer get(String customerNumber) {
    return customers.find(customerNumber)
        .orElseThrow(() -> new NotFoundException("No customer " + customerNumber));
  }

  /** Customers by organisation number (any formatting; a 12-digit SE form with century prefix is shortened). */
  public java.util.List<Customer> byOrganisationNumber(String organisationNumber) {
    String digits = organisationNumber == null ? "" : organisationNumber.replaceAll("\\D", "");
    if (digits.length() == 12) {
      digits = digits.substring(2);
    }
    return digits.isEmpty() ? java.util.List.of() : customers.byOrganisationNumber(digits);
  }

  public java.util.Optional<Customer> find(String customerNumber) {
    return customers.find(customerNumber);
  }

  public boolean exists(String customerNumber) {
    return customers.exists(customerNumber);
  }

  /**
   * Corrects where a customer's invoices go (after a bounce): a new invoice e-mail and/or postal address. Each
   * correction is checked as on creation; null leaves that detail as it is.
   */
  @Transactional
  public Customer correctContact(String customerNumber, String invoiceEmail, Customer.Address address) {
    Customer customer = get(customerNumber);
    // A pasted address often carries a blank at either end: checked as it will be stored.
    String email = invoiceEmail == null ? null : invoiceEmail.strip();
    Violations violations = new Violations();
    violations.email("invoiceEmail", email, false);
    if (address != null) {
      violations.text("address.street", address.street(), 200);
      violations.text("address.city", address.city(), 100);
      String country = address.country() == null ? customer.address().country() : address.country();
      if (violations.text("address.postalCode", address.postalCode(), 20)
          && !PostalAddresses.isValidPostalCode(country, address.postalCode())) {
        violations.add("address.postalCode", "is not a valid " + country + " postal code ("
            + PostalAddresses.format(country) + ")");
      }
    }
    violations.throwIfAny();
    if (email != null && !email.isEmpty()) {
      customers.updateInvoiceEmail(customerNumber, email);
    }
    if (address != null) {
      customers.updateAddress(customerNumber, new Customer.Address(address.street().strip(),
          address.postalCode().strip(), address.city().strip(),
          address.country() == null ? customer.address().country() : address.country()));
    }
    return get(customerNumber);
  }

  /** Adds every problem of a customer to violations; prefix is the JSON path ("" or "customer."). */
  public void validate(CustomerRequest r, String prefix, Violations violations) {
    violations.number(prefix + "customerNumber", r.customerNumber());
    violations.text(prefix + "name", r.name(), 200);
    violations.required(prefix + "type", r.type());
    violations.required(prefix + "country", r.country());
    violations.email(prefix + "email", r.email(), false);
    violations.email(prefix + "invoiceEmail", r.invoiceEmail(), false);
    if (r.type() == CustomerType.BUSINESS && violations.text(prefix + "organisationNumber",
        r.organisationNumber(), 40) && r.country() != null
        && !OrganisationNumbers.isValid(r.country(), r.organisationNumber())) {
      violations.add(prefix + "organisationNumber", "is not a valid " + r.country() + " organisation number");
    }
    if (r.type() != CustomerType.BUSINESS) {
      violations.optionalText(prefix + "organisationNumber", r.organisationNumber(), 40);
    }
    if (r.address() != null) {
      violations.text(prefix + "address.street", r.address().street(), 200);
      violations.text(prefix + "address.city", r.address().city(), 100);
      if (r.address().country() != null && !r.address().country().matches("[A-Z]{2}")) {
        violations.add(prefix + "address.country", "must be an ISO 3166 country code such as SE or NO");
      }
      String addressCountry = r.address().country() != null ? r.address().country()
          : r.country() == null ? null : r.country().name();
      if (violations.text(prefix + "address.postalCode", r.address().postalCode(), 20)
          && !PostalAddresses.isValidPostalCode(addressCountry, r.address().postalCode())) {
        violations.add(prefix + "address.postalCode", "is not a valid " + addressCountry + " postal code ("
            + PostalAddresses.format(addressCountry) + ")");
      }
    }
    validateDistribution(r, prefix, violations);
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

  private void validateDistribution(CustomerRequest r, String prefix, Violations violations) {
    if (r.organisationCustomerNumber() != null
        && violations.number(prefix + "organisationCustomerNumber", r.organisationCustomerNumber())) {
      Customer organisation = customers.find(r.organisationCustomerNumber()).orElse(null);
      if (r.type() != CustomerType.PRIVATE) {
        violations.add(prefix + "organisationCustomerNumber", "only a person (type PRIVATE) belongs to an organisation");
      } else if (organisation == null || organisation.type() != CustomerType.BUSINESS) {
        violations.add(prefix + "organisationCustomerNumber", "'" + r.organisationCustomerNumber()
            + "' is not an organisation (a BUSINESS customer) in the register");
      }
    }
    if (r.invoiceReference() != null) {
      if (r.type() != CustomerType.BUSINESS) {
        violations.add(prefix + "invoiceReference", "only an organisation (type BUSINESS) has an invoice reference");
      }
      violations.text(prefix + "invoiceReference.name", r.invoiceReference().name(), 200);
      violations.email(prefix + "invoiceReference.email", r.invoiceReference().email(), false);
    }
    if (violations.optionalText(prefix + "directDebitMandate", r.directDebitMandate(), 40)
        && r.directDebitMandate() != null && !MANDATE.matcher(r.directDebitMandate()).matches()) {
      violations.add(prefix + "directDebitMandate", "may contain only letters, digits and '-'");
    }
    if (r.preferredChannel() == Channel.DIRECT_DEBIT && isBlank(r.directDebitMandate())) {
      violations.add(prefix + "directDebitMandate", "is required for the preferred channel DIRECT_DEBIT "
          + "(the autogiro payer number or AvtaleGiro mandate)");
    }
    boolean reachable = !isBlank(r.email()) || !isBlank(r.invoiceEmail()) || r.address() != null
        || r.electronicAddress() != null || r.organisationCustomerNumber() != null;
    if (!reachable) {
      violations.add(prefix + "email", "the customer has no channel to reach them: give an e-mail, a postal "
          + "address or an electronic address");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Stores a customer that validate() accepted (used for the inline customer of an invoice); when a concurrent request
   * stored the same customer number first, that customer is used, as it would have been had it come a moment earlier.
   */
  public Customer createValidated(CustomerRequest request) {
    Customer customer = toCustomer(request);
    return naturalKeys.tryClaim(() -> {
      customers.insert(customer);
      return customer;
    }).orElseGet(() -> get(request.customerNumber()));
  }

  private Customer toCustomer(CustomerRequest r) {
    var a = r.address();
    String addressCountry = a == null || a.country() == null ? r.country().name() : a.country();
    return new Customer(
        r.customerNumber(),
        r.name().strip(),
        r.type(),
        Boolean.TRUE.equals(r.priority()),
        r.country(),
        blankToNull(r.organisationNumber()),
        blankToNull(r.email()),
        blankToNull(r.invoiceEmail()),
        a == null ? new Customer.Address(null, null, null, addressCountry)
            : new Customer.Address(a.street().strip(), a.postalCode().strip(), a.city().strip(), addressCountry),
        Boolean.TRUE.equals(r.reminderFeeAgreed()),
        r.preferredChannel() == null ? Channel.EMAIL : r.preferredChannel(),
        r.language() == null ? r.country().language() : r.language(),
        r.electronicAddress() == null ? null
            : new Customer.ElectronicAddress(r.electronicAddress().scheme(), r.electronicAddress().id()),
        clock.now(),
        blankToNull(r.organisationCustomerNumber()),
        r.invoiceReference() == null ? null : new Customer.InvoiceReference(r.invoiceReference().name().strip(),
            blankToNull(r.invoiceReference().email())),
        blankToNull(r.directDebitMandate()),
        Boolean.TRUE.equals(r.interestInvoicing()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
