package io.fordra.customer;

import io.fordra.database.NaturalKeys;
import io.fordra.kernel.Capped;
import io.fordra.kernel.ConflictException;
import io.fordra.kernel.NotFoundException;
import io.fordra.kernel.Violations;
import io.fordra.process.FordraClock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer register. */
@Service
public class CustomerService {

  private static final Pattern SCHEME = Pattern.compile("\\d{4}");
  private static final Pattern MANDATE = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Set<String> LANGUAGES = Set.of("sv", "nb", "en");

  private static final String WHOLE = ": a PUT replaces the whole customer (PATCH changes only the fields given)";

  private final CustomerRepository customers;
  private final CustomerEventRepository events;
  private final FordraClock clock;
  private final NaturalKeys naturalKeys;
  private ApplicationEventPublisher publisher = event -> { };

  public CustomerService(CustomerRepository customers, CustomerEventRepository events, FordraClock clock,
                         NaturalKeys naturalKeys) {
    this.customers = customers;
    this.events = events;
    this.clock = clock;
    this.naturalKeys = naturalKeys;
  }

  /** Where CustomerSaved goes (the application; nowhere in unit tests that build the service themselves). */
  @Autowired(required = false)
  void setPublisher(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Transactional
  public Customer create(CustomerRequest request) {
    Violations violations = new Violations();
    validate(request, "", violations);
    violations.throwIfAny();
    Customer existing = customers.find(request.customerNumber()).orElse(null);
    if (existing != null) {
      // A number is never given to another customer, not even when the one that had it is inactive.
      throw new ConflictException("Customer " + request.customerNumber() + " already exists" + (existing.active() ? ""
          : " (inactive; a customer number is never reused: reactivate it with POST /api/customers/"
          + request.customerNumber() + "/reactivation)"));
    }
    Customer customer = toCustomer(request, clock.now(), true);
    // The unique key decides between concurrent creates of one number (409, not a lock timeout).
    naturalKeys.claim("Customer " + request.customerNumber() + " already exists", () -> customers.insert(customer));
    publisher.publishEvent(new CustomerSaved(customer));
    return customer;
  }

  public Customer get(String customerNumber) {
    return customers.find(customerNumber)
        .orElseThrow(() -> new NotFoundException("No customer " + customerNumber));
  }

  /**
   * Up to limit customers matching the query, by customer number, starting after the given number (from the first when
   * null): the next page starts after the last number of this one.
   */
  public List<Customer> list(CustomerQuery query, String after, int limit) {
    CustomerQuery normalised = new CustomerQuery(blankToNull(query.customerNumber()), blankToNull(query.name()),
        query.organisationNumber() == null ? null : organisationDigits(query.organisationNumber()),
        query.email() == null ? null : blankToNull(query.email().toLowerCase(Locale.ROOT)), query.active(),
        blankToNull(query.text()));
    return customers.search(normalised, after == null ? "" : after, limit);
  }

  /**
   * PUT: replaces the whole customer, checked as a create; what create requires is required here too (a missing field
   * is refused saying that a PUT replaces the whole customer), an optional field left out is cleared or takes its
   * default (channel EMAIL, the country's language). The number, creation time and whether it is active stay. Documents
   * not yet sent go by what the customer is when they are sent.
   *
   * @param by who changes it (recorded in the customer's events)
   */
  @Transactional
  public Customer replace(String customerNumber, CustomerRequest request, String by) {
    customers.lock(customerNumber);
    Customer existing = get(customerNumber);
    Violations violations = check(customerNumber, request, existing);
    violations.throwIfAny(WHOLE);
    return store(existing, request.withCustomerNumber(customerNumber), by);
  }

  /**
   * PATCH: the patch is given the customer as a request (without its number) and returns the request it becomes,
   * which is checked as a create is; only what it changes is recorded.
   */
  @Transactional
  public Customer patch(String customerNumber, UnaryOperator<CustomerRequest> patch, String by) {
    // A PATCH reads, merges and writes: without the lock, a change at the same moment would be lost.
    customers.lock(customerNumber);
    Customer existing = get(customerNumber);
    CustomerRequest request = patch.apply(CustomerRequest.of(existing).withCustomerNumber(null));
    check(customerNumber, request, existing).throwIfAny();
    return store(existing, request.withCustomerNumber(customerNumber), by);
  }

  /** Every problem of a changed customer: those of a create, another number, and members it would lose. */
  private Violations check(String customerNumber, CustomerRequest request, Customer existing) {
    Violations violations = new Violations();
    if (request.customerNumber() != null && !request.customerNumber().equals(customerNumber)) {
      violations.add("customerNumber", Capped.quote(request.customerNumber()) + " is not the customer in the path ('"
          + customerNumber + "'); leave it out or give the same number (a customer number cannot change)");
    }
    validate(request.withCustomerNumber(customerNumber), "", violations);
    if (existing.type() == CustomerType.BUSINESS && request.type() == CustomerType.PRIVATE
        && customers.hasMembers(customerNumber)) {
      violations.add("type", "persons belong to organisation " + customerNumber + " (their organisationCustomerNumber)"
          + ": it stays BUSINESS while they do");
    }
    return violations;
  }

  private Customer store(Customer existing, CustomerRequest request, String by) {
    Customer changed = toCustomer(request, existing.createdAt(), existing.active());
    List<CustomerEvent.Change> changes = CustomerChanges.between(existing, changed);
    if (!changes.isEmpty()) {
      customers.update(changed);
      events.insert(existing.customerNumber(), new CustomerEvent(0, CustomerEvent.Type.CHANGED, clock.now(), by,
          null, changes));
      publisher.publishEvent(new CustomerSaved(changed));
    }
    return changed;
  }

  /**
   * Deactivates the customer: no new invoices (POST /api/invoices and invoice files refuse them), while its open
   * invoices go on as before. Deactivating an inactive customer changes nothing and records nothing.
   */
  @Transactional
  public Customer deactivate(String customerNumber, String reason, String by) {
    return activate(customerNumber, false, reason, by);
  }

  /** Makes an inactive customer active again: it may be invoiced again. */
  @Transactional
  public Customer reactivate(String customerNumber, String reason, String by) {
    return activate(customerNumber, true, reason, by);
  }

  private Customer activate(String customerNumber, boolean active, String reason, String by) {
    Violations violations = new Violations();
    violations.optionalText("reason", reason, 500);
    violations.throwIfAny();
    customers.lock(customerNumber);
    Customer customer = get(customerNumber);
    if (customer.active() != active) {
      customers.setActive(customerNumber, active);
      events.insert(customerNumber, new CustomerEvent(0, active ? CustomerEvent.Type.REACTIVATED
          : CustomerEvent.Type.DEACTIVATED, clock.now(), by, blankToNull(reason),
          List.of(new CustomerEvent.Change("active", String.valueOf(!active), String.valueOf(active)))));
    }
    return get(customerNumber);
  }

  /**
   * Records what happened to a customer outside the register (a direct-debit mandate approved by the bank, what the
   * eFaktura register said): a CHANGED event by who did it, saying why, with what changed; the other register keeps
   * the value itself.
   */
  @Transactional
  public void recordEvent(String customerNumber, String by, String reason, List<CustomerEvent.Change> changes) {
    events.insert(customerNumber, new CustomerEvent(0, CustomerEvent.Type.CHANGED, clock.now(), by,
        reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…", changes));
  }

  /** Who changed the customer, when and how, oldest first; 404 for an unknown customer. */
  public List<CustomerEvent> events(String customerNumber) {
    get(customerNumber);
    return events.of(customerNumber);
  }

  /** Customers by organisation number (any formatting; a 12-digit SE form with century prefix is shortened). */
  public List<Customer> byOrganisationNumber(String organisationNumber) {
    String digits = organisationDigits(organisationNumber);
    return digits.isEmpty() ? List.of() : customers.byOrganisationNumber(digits);
  }

  /** The digits of an organisation number; a 12-digit SE form with century prefix shortened to 10. */
  private static String organisationDigits(String organisationNumber) {
    String digits = organisationNumber == null ? "" : organisationNumber.replaceAll("\\D", "");
    return digits.length() == 12 ? digits.substring(2) : digits;
  }

  public Optional<Customer> find(String customerNumber) {
    return customers.find(customerNumber);
  }

  /**
   * The customer, its row locked until the caller's transaction ends: an invoice being created for it and its
   * deactivation wait for each other, so no invoice is created for a customer deactivated meanwhile (issue 15).
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public Optional<Customer> findLocked(String customerNumber) {
    customers.lock(customerNumber);
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
  public Customer correctContact(String customerNumber, String invoiceEmail, Customer.Address address, String by) {
    customers.lock(customerNumber);
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
    Customer corrected = get(customerNumber);
    List<CustomerEvent.Change> changes = CustomerChanges.between(customer, corrected);
    if (!changes.isEmpty()) {
      events.insert(customerNumber, new CustomerEvent(0, CustomerEvent.Type.CHANGED, clock.now(), by,
          "deviation corrected", changes));
    }
    return corrected;
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
    if (r.type() != CustomerType.BUSINESS && violations.optionalText(prefix + "organisationNumber",
        r.organisationNumber(), 40) && r.organisationNumber() != null && !r.organisationNumber().isBlank()
        && r.country() != null && !PersonalIdentityNumbers.isValid(r.country(), r.organisationNumber())) {
      // A private person's number: it is what the payer matching and the agency use, so it must be one.
      violations.add(prefix + "organisationNumber", "is not a valid " + r.country() + " personal identity number ("
          + (r.country() == Country.SE ? "personnummer or samordningsnummer"
          : r.country() == Country.NO ? "fødselsnummer or D-number" : "letters, digits and . / -") + ")");
    }
    validateVatNumber(r, prefix, violations);
    if (r.address() != null) {
      violations.text(prefix + "address.street", r.address().street(), 200);
      violations.text(prefix + "address.city", r.address().city(), 100);
      if (r.address().country() != null && Country.of(r.address().country()) == null) {
        violations.add(prefix + "address.country", "'" + r.address().country()
            + "' is not an ISO 3166-1 alpha-2 country code such as SE, NO or DE");
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
    validatePersonalChannel(r, prefix, violations);
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

  /**
   * A VAT number fits the customer's country (its prefix and format); only an organisation has one, and abroad it is
   * what decides reverse charge, so a number of the wrong country is refused rather than ignored.
   */
  private static void validateVatNumber(CustomerRequest r, String prefix, Violations violations) {
    if (!violations.optionalText(prefix + "vatNumber", r.vatNumber(), 30) || isBlank(r.vatNumber())) {
      return;
    }
    if (r.type() != CustomerType.BUSINESS) {
      violations.add(prefix + "vatNumber", "only an organisation (type BUSINESS) has a VAT number");
    } else if (r.country() != null) {
      String problem = VatNumbers.problem(r.country(), r.vatNumber());
      if (problem != null) {
        violations.add(prefix + "vatNumber", problem);
      }
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

  /**
   * A digital mailbox (Kivra) is found by a Swedish person's personnummer, eFaktura (B2C) reaches a Norwegian person by
   * fødselsnummer: only a PRIVATE customer of that country whose organisationNumber is that number (checked above:
   * Luhn, MOD11) can prefer the channel.
   */
  private static void validatePersonalChannel(CustomerRequest r, String prefix, Violations violations) {
    if (r.preferredChannel() == Channel.DIGITAL_MAILBOX) {
      validatePersonalChannel(r, prefix, violations, Country.SE, "DIGITAL_MAILBOX is for a private person in Sweden "
          + "(type PRIVATE, country SE)", "the personnummer is required for the preferred channel DIGITAL_MAILBOX "
          + "(the digital mailbox is found by it)");
    } else if (r.preferredChannel() == Channel.EFAKTURA) {
      validatePersonalChannel(r, prefix, violations, Country.NO, "EFAKTURA is for Norwegian private persons only "
          + "(type PRIVATE, country NO)", "is required for the preferred channel EFAKTURA (the person's "
          + "fødselsnummer, 11 digits, by which the eFaktura register is asked)");
    }
  }

  private static void validatePersonalChannel(CustomerRequest r, String prefix, Violations violations,
                                               Country country, String notForThem, String numberMissing) {
    if (r.type() != CustomerType.PRIVATE || r.country() != country) {
      violations.add(prefix + "preferredChannel", notForThem);
    } else if (isBlank(r.organisationNumber())) {
      violations.add(prefix + "organisationNumber", numberMissing);
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
    Customer customer = toCustomer(request, clock.now(), true);
    return naturalKeys.tryClaim(() -> {
      customers.insert(customer);
      publisher.publishEvent(new CustomerSaved(customer));
      return customer;
    }).orElseGet(() -> get(request.customerNumber()));
  }

  private static Customer toCustomer(CustomerRequest r, Instant createdAt, boolean active) {
    var a = r.address();
    String addressCountry = a == null || a.country() == null ? r.country().name()
        : a.country().strip().toUpperCase(java.util.Locale.ROOT);
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
        createdAt,
        blankToNull(r.organisationCustomerNumber()),
        r.invoiceReference() == null ? null : new Customer.InvoiceReference(r.invoiceReference().name().strip(),
            blankToNull(r.invoiceReference().email())),
        blankToNull(r.directDebitMandate()),
        Boolean.TRUE.equals(r.interestInvoicing()),
        active,
        isBlank(r.vatNumber()) ? null : VatNumbers.normalise(r.vatNumber()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
