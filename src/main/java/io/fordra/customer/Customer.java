package io.fordra.customer;

import java.time.Instant;

/** Someone Fordra invoices. */
public record Customer(
    String customerNumber,
    String name,
    CustomerType type,
    boolean priority,
    Country country,
    String organisationNumber,
    String email,
    String invoiceEmail,
    Address address,
    boolean reminderFeeAgreed,
    Channel preferredChannel,
    String language,
    ElectronicAddress electronicAddress,
    Instant createdAt) {

  public record Address(String street, String postalCode, String city, String country) {}

  /** A PEPPOL endpoint, e.g. scheme 0007 (Swedish org. no.) or 0192 (Norwegian org. no.). */
  public record ElectronicAddress(String scheme, String id) {}

  /** Where invoices by e-mail go: the invoice e-mail overrides the ordinary one. */
  public String invoiceRecipient() {
    return invoiceEmail != null && !invoiceEmail.isBlank() ? invoiceEmail : email;
  }
}
