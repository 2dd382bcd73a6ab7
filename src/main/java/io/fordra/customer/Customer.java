package io.fordra.customer;

import java.time.Instant;

/**
 * Someone Fordra invoices: a person or an organisation, at home or abroad.
 *
 * @param vatNumber the customer's VAT number with its country prefix (DE123456789), normalised; null for none. An EU
 *     business customer abroad with one is invoiced with reverse charge.
 * @param active false once deactivated: no new invoices, while the open ones go on; the number is never reused
 */
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
    Instant createdAt,
    String organisationCustomerNumber,
    InvoiceReference invoiceReference,
    String directDebitMandate,
    boolean interestInvoicing,
    boolean active,
    String vatNumber) {

  /** A customer without a VAT number (one at home, or a private person). */
  public Customer(String customerNumber, String name, CustomerType type, boolean priority, Country country,
                  String organisationNumber, String email, String invoiceEmail, Address address,
                  boolean reminderFeeAgreed, Channel preferredChannel, String language,
                  ElectronicAddress electronicAddress, Instant createdAt, String organisationCustomerNumber,
                  InvoiceReference invoiceReference, String directDebitMandate, boolean interestInvoicing,
                  boolean active) {
    this(customerNumber, name, type, priority, country, organisationNumber, email, invoiceEmail, address,
        reminderFeeAgreed, preferredChannel, language, electronicAddress, createdAt, organisationCustomerNumber,
        invoiceReference, directDebitMandate, interestInvoicing, active, null);
  }

  /** An active customer (as every customer is until deactivated). */
  public Customer(String customerNumber, String name, CustomerType type, boolean priority, Country country,
                  String organisationNumber, String email, String invoiceEmail, Address address,
                  boolean reminderFeeAgreed, Channel preferredChannel, String language,
                  ElectronicAddress electronicAddress, Instant createdAt, String organisationCustomerNumber,
                  InvoiceReference invoiceReference, String directDebitMandate, boolean interestInvoicing) {
    this(customerNumber, name, type, priority, country, organisationNumber, email, invoiceEmail, address,
        reminderFeeAgreed, preferredChannel, language, electronicAddress, createdAt, organisationCustomerNumber,
        invoiceReference, directDebitMandate, interestInvoicing, true);
  }

  /** A postal address; street, postal code and city are null when the customer has given none. */
  public record Address(String street, String postalCode, String city, String country) {}

  /** A PEPPOL endpoint, e.g. scheme 0007 (Swedish org. no.) or 0192 (Norwegian org. no.). */
  public record ElectronicAddress(String scheme, String id) {}

  /** An organisation's invoice reference: the person who receives its invoices (seed 003 "fakturareferens"). */
  public record InvoiceReference(String name, String email) {}

  /** Where invoices by e-mail go: the invoice e-mail overrides the ordinary one; null when there is neither. */
  public String invoiceRecipient() {
    return invoiceEmail != null && !invoiceEmail.isBlank() ? invoiceEmail : email;
  }
}
