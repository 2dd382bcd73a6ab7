package io.fordra.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

  private final JdbcClient jdbc;

  public CustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Customer> find(String customerNumber) {
    return jdbc.sql("SELECT * FROM fordra_customer WHERE customer_number = ?")
        .param(customerNumber).query(CustomerRepository::map).optional();
  }

  /** Customers with this organisation number, written with or without the hyphen (SE NNNNNN-NNNN, NO 9 digits). */
  public java.util.List<Customer> byOrganisationNumber(String digits) {
    String hyphenated = digits.length() == 10 ? digits.substring(0, 6) + "-" + digits.substring(6) : digits;
    return jdbc.sql("SELECT * FROM fordra_customer WHERE organisation_number IN (?, ?)").params(digits, hyphenated)
        .query(CustomerRepository::map).list();
  }

  public boolean exists(String customerNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_customer WHERE customer_number = ?")
        .param(customerNumber).query(Integer.class).single() > 0;
  }

  public void insert(Customer c) {
    jdbc.sql("""
        INSERT INTO fordra_customer (customer_number, name, customer_type, priority, country, organisation_number,
          email, invoice_email, street, postal_code, city, address_country, reminder_fee_agreed, preferred_channel,
          language, electronic_scheme, electronic_id, created_at, organisation_customer_number,
          invoice_reference_name, invoice_reference_email, direct_debit_mandate, interest_invoicing)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.customerNumber(), c.name(), c.type().name(), c.priority(), c.country().name(),
            c.organisationNumber(), c.email(), c.invoiceEmail(), c.address().street(), c.address().postalCode(),
            c.address().city(), c.address().country(), c.reminderFeeAgreed(), c.preferredChannel().name(),
            c.language(), c.electronicAddress() == null ? null : c.electronicAddress().scheme(),
            c.electronicAddress() == null ? null : c.electronicAddress().id(),
            OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC), c.organisationCustomerNumber(),
            c.invoiceReference() == null ? null : c.invoiceReference().name(),
            c.invoiceReference() == null ? null : c.invoiceReference().email(), c.directDebitMandate(),
            c.interestInvoicing())
        .update();
  }

  public void updateInvoiceEmail(String customerNumber, String invoiceEmail) {
    jdbc.sql("UPDATE fordra_customer SET invoice_email = ? WHERE customer_number = ?")
        .params(invoiceEmail, customerNumber).update();
  }

  public void updateAddress(String customerNumber, Customer.Address address) {
    jdbc.sql("UPDATE fordra_customer SET street = ?, postal_code = ?, city = ?, address_country = ? "
            + "WHERE customer_number = ?")
        .params(address.street(), address.postalCode(), address.city(), address.country(), customerNumber).update();
  }

  private static Customer map(ResultSet rs, int row) throws SQLException {
    String scheme = rs.getString("electronic_scheme");
    return new Customer(
        rs.getString("customer_number"),
        rs.getString("name"),
        CustomerType.valueOf(rs.getString("customer_type")),
        rs.getBoolean("priority"),
        Country.valueOf(rs.getString("country")),
        rs.getString("organisation_number"),
        rs.getString("email"),
        rs.getString("invoice_email"),
        new Customer.Address(rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
            rs.getString("address_country")),
        rs.getBoolean("reminder_fee_agreed"),
        Channel.valueOf(rs.getString("preferred_channel")),
        rs.getString("language"),
        scheme == null ? null : new Customer.ElectronicAddress(scheme, rs.getString("electronic_id")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("organisation_customer_number"),
        rs.getString("invoice_reference_name") == null && rs.getString("invoice_reference_email") == null ? null
            : new Customer.InvoiceReference(rs.getString("invoice_reference_name"),
                rs.getString("invoice_reference_email")),
        rs.getString("direct_debit_mandate"),
        rs.getBoolean("interest_invoicing"));
  }
}
