package io.fordra.customer;

/** POST /api/customers, and the inline customer of POST /api/invoices. */
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
    Boolean interestInvoicing) {

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

  public record AddressRequest(String street, String postalCode, String city, String country) {}

  public record ElectronicAddressRequest(String scheme, String id) {}

  public record InvoiceReferenceRequest(String name, String email) {}
}
