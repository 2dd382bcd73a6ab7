package io.fordra.customer;

/**
 * POST /api/customers, the inline customer of POST /api/invoices, and PUT /api/customers/{customerNumber} (the whole
 * customer; there the number may be left out, as the path names it). A PATCH is this request with the merge patch
 * applied to the customer as it is.
 */
public record CustomerRequest(
    String customerNumber,
    String name,
    CustomerType type,
    Boolean priority,
    Country country,
    String organisationNumber,
    String email,
    String invoiceEmail,
    AddressRequest address,
    Boolean reminderFeeAgreed,
    Channel preferredChannel,
    String language,
    ElectronicAddressRequest electronicAddress,
    String organisationCustomerNumber,
    InvoiceReferenceRequest invoiceReference,
    String directDebitMandate,
    Boolean interestInvoicing,
    String vatNumber) {

  /** A customer without a VAT number. */
  public CustomerRequest(String customerNumber, String name, CustomerType type, Boolean priority, Country country,
                         String organisationNumber, String email, String invoiceEmail, AddressRequest address,
                         Boolean reminderFeeAgreed, Channel preferredChannel, String language,
                         ElectronicAddressRequest electronicAddress, String organisationCustomerNumber,
                         InvoiceReferenceRequest invoiceReference, String directDebitMandate,
                         Boolean interestInvoicing) {
    this(customerNumber, name, type, priority, country, organisationNumber, email, invoiceEmail, address,
        reminderFeeAgreed, preferredChannel, language, electronicAddress, organisationCustomerNumber,
        invoiceReference, directDebitMandate, interestInvoicing, null);
  }

  /** A customer without the distribution details (organisation link, invoice reference, direct-debit mandate). */
  public CustomerRequest(String customerNumber, String name, CustomerType type, Boolean priority, Country country,
                         String organisationNumber, String email, String invoiceEmail, AddressRequest address,
                         Boolean reminderFeeAgreed, Channel preferredChannel, String language,
                         ElectronicAddressRequest electronicAddress) {
    this(customerNumber, name, type, priority, country, organisationNumber, email, invoiceEmail, address,
        reminderFeeAgreed, preferredChannel, language, electronicAddress, null, null, null, null);
  }

  /** A customer with distribution details but no choice about interest invoicing (not invoiced interest). */
  public CustomerRequest(String customerNumber, String name, CustomerType type, Boolean priority, Country country,
                         String organisationNumber, String email, String invoiceEmail, AddressRequest address,
                         Boolean reminderFeeAgreed, Channel preferredChannel, String language,
                         ElectronicAddressRequest electronicAddress, String organisationCustomerNumber,
                         InvoiceReferenceRequest invoiceReference, String directDebitMandate) {
    this(customerNumber, name, type, priority, country, organisationNumber, email, invoiceEmail, address,
        reminderFeeAgreed, preferredChannel, language, electronicAddress, organisationCustomerNumber,
        invoiceReference, directDebitMandate, null);
  }

  /** The stored customer as the request that would make it (for a PATCH to apply a merge patch to). */
  public static CustomerRequest of(Customer c) {
    Customer.Address a = c.address();
    boolean noAddress = a == null || a.street() == null && a.postalCode() == null && a.city() == null;
    return new CustomerRequest(c.customerNumber(), c.name(), c.type(), c.priority(), c.country(),
        c.organisationNumber(), c.email(), c.invoiceEmail(),
        noAddress ? null : new AddressRequest(a.street(), a.postalCode(), a.city(), a.country()),
        c.reminderFeeAgreed(), c.preferredChannel(), c.language(),
        c.electronicAddress() == null ? null
            : new ElectronicAddressRequest(c.electronicAddress().scheme(), c.electronicAddress().id()),
        c.organisationCustomerNumber(),
        c.invoiceReference() == null ? null
            : new InvoiceReferenceRequest(c.invoiceReference().name(), c.invoiceReference().email()),
        c.directDebitMandate(), c.interestInvoicing(), c.vatNumber());
  }

  /** The same request for the given customer number. */
  public CustomerRequest withCustomerNumber(String number) {
    return new CustomerRequest(number, name, type, priority, country, organisationNumber, email, invoiceEmail,
        address, reminderFeeAgreed, preferredChannel, language, electronicAddress, organisationCustomerNumber,
        invoiceReference, directDebitMandate, interestInvoicing, vatNumber);
  }

  /** The same request with the customer's VAT number. */
  public CustomerRequest withVatNumber(String number) {
    return new CustomerRequest(customerNumber, name, type, priority, country, organisationNumber, email, invoiceEmail,
        address, reminderFeeAgreed, preferredChannel, language, electronicAddress, organisationCustomerNumber,
        invoiceReference, directDebitMandate, interestInvoicing, number);
  }

  public record AddressRequest(String street, String postalCode, String city, String country) {}

  public record ElectronicAddressRequest(String scheme, String id) {}

  public record InvoiceReferenceRequest(String name, String email) {}
}
