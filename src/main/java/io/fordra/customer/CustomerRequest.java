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
    ElectronicAddressRequest electronicAddress) {

  public record AddressRequest(String street, String postalCode, String city, String country) {}

  public record ElectronicAddressRequest(String scheme, String id) {}
}
