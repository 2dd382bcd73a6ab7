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
    if (digits.length() != 10) {
      return jdbc.sql("SELECT * FROM fordra_customer WHERE organisation_number = ?").param(digits)
          .query(CustomerRepository::map).list();
    }
    // As people write a Swedish number: 5505050558, 550505-0558, and a personnummer with its century too
    // (195505050558, 19550505-0558).
    java.util.List<String> forms = new java.util.ArrayList<>();
    for (String century : new String[] {"", "19", "20"}) {
      forms.add(century + digits);
      forms.add(century + digits.substring(0, 6) + "-" + digits.substring(6));
    }
    return jdbc.sql("SELECT * FROM fordra_customer WHERE organisation_number IN (?, ?, ?, ?, ?, ?)")
        .params(forms.toArray()).query(CustomerRepository::map).list();
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
          invoice_reference_name, invoice_reference_email, direct_debit_mandate, interest_invoicing, active, vat_number)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.customerNumber(), c.name(), c.type().name(), c.priority(), c.country().name(),
            c.organisationNumber(), c.email(), c.invoiceEmail(), c.address().street(), c.address().postalCode(),
            c.address().city(), c.address().country(), c.reminderFeeAgreed(), c.preferredChannel().name(),
            c.language(), c.electronicAddress() == null ? null : c.electronicAddress().scheme(),
            c.electronicAddress() == null ? null : c.electronicAddress().id(),
            OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC), c.organisationCustomerNumber(),
            c.invoiceReference() == null ? null : c.invoiceReference().name(),
            c.invoiceReference() == null ? null : c.invoiceReference().email(), c.directDebitMandate(),
            c.interestInvoicing(), c.active(), c.vatNumber())
        .update();
  }

  /** Holds the customer's row until the transaction ends, so two changes at the same moment apply one after the other. */
  public void lock(String customerNumber) {
    jdbc.sql("SELECT customer_number FROM fordra_customer WHERE customer_number = ? FOR UPDATE")
        .param(customerNumber).query(String.class).optional();
  }

  /** Replaces everything but the number, the creation time and whether it is active. */
  public void update(Customer c) {
    jdbc.sql("""
        UPDATE fordra_customer SET name = ?, customer_type = ?, priority = ?, country = ?, organisation_number = ?,
          email = ?, invoice_email = ?, street = ?, postal_code = ?, city = ?, address_country = ?,
          reminder_fee_agreed = ?, preferred_channel = ?, language = ?, electronic_scheme = ?, electronic_id = ?,
          organisation_customer_number = ?, invoice_reference_name = ?, invoice_reference_email = ?,
          direct_debit_mandate = ?, interest_invoicing = ?, vat_number = ?
        WHERE customer_number = ?""")
        .params(c.name(), c.type().name(), c.priority(), c.country().name(), c.organisationNumber(), c.email(),
            c.invoiceEmail(), c.address().street(), c.address().postalCode(), c.address().city(),
            c.address().country(), c.reminderFeeAgreed(), c.preferredChannel().name(), c.language(),
            c.electronicAddress() == null ? null : c.electronicAddress().scheme(),
            c.electronicAddress() == null ? null : c.electronicAddress().id(), c.organisationCustomerNumber(),
            c.invoiceReference() == null ? null : c.invoiceReference().name(),
            c.invoiceReference() == null ? null : c.invoiceReference().email(), c.directDebitMandate(),
            c.interestInvoicing(), c.vatNumber(), c.customerNumber())
        .update();
  }

  public void setActive(String customerNumber, boolean active) {
    jdbc.sql("UPDATE fordra_customer SET active = ? WHERE customer_number = ?").params(active, customerNumber)
        .update();
  }

  /** Whether any person (PRIVATE customer) belongs to this organisation. */
  public boolean hasMembers(String customerNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM fordra_customer WHERE organisation_customer_number = ?")
        .param(customerNumber).query(Integer.class).single() > 0;
  }

  /**
   * Up to limit customers that match every criterion given, by customer number, after the given number ("" for the
   * first page). Text criteria are compared lower-cased; the organisation number without '-' and blanks.
   */
  public java.util.List<Customer> search(CustomerQuery q, String after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM fordra_customer WHERE customer_number > ?");
    java.util.List<Object> params = new java.util.ArrayList<>();
    params.add(after);
    if (q.customerNumber() != null) {
      sql.append(" AND customer_number LIKE ? ESCAPE '!'");
      params.add(like(q.customerNumber()) + "%");
    }
    if (q.name() != null) {
      sql.append(" AND LOWER(name) LIKE ? ESCAPE '!'");
      params.add("%" + like(q.name().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    if (q.organisationNumber() != null) {
      sql.append(" AND ").append(ORGANISATION_DIGITS).append(" = ?");
      params.add(q.organisationNumber());
    }
    if (q.email() != null) {
      sql.append(" AND (LOWER(email) = ? OR LOWER(invoice_email) = ?)");
      params.add(q.email());
      params.add(q.email());
    }
    if (q.active() != null) {
      sql.append(" AND active = ?");
      params.add(q.active());
    }
    if (q.text() != null) {
      String contains = "%" + like(q.text().toLowerCase(java.util.Locale.ROOT)) + "%";
      sql.append(" AND (LOWER(customer_number) LIKE ? ESCAPE '!' OR LOWER(name) LIKE ? ESCAPE '!'"
          + " OR LOWER(email) LIKE ? ESCAPE '!' OR LOWER(invoice_email) LIKE ? ESCAPE '!' OR ")
          .append(ORGANISATION_DIGITS).append(" LIKE ? ESCAPE '!')");
      params.addAll(java.util.List.of(contains, contains, contains, contains, contains));
    }
    sql.append(" ORDER BY customer_number LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(CustomerRepository::map).list();
  }

  private static final String ORGANISATION_DIGITS = "REPLACE(REPLACE(organisation_number, '-', ''), ' ', '')";

  /** The text with LIKE's wildcards (and the escape character '!') taken literally. */
  private static String like(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
        rs.getBoolean("interest_invoicing"),
        rs.getBoolean("active"),
        rs.getString("vat_number"));
  }
}
