package io.fordra.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two versions of a customer, field by field as the API names the fields. */
final class CustomerChanges {

  private CustomerChanges() {}

  /** The fields whose values differ, in the order of the customer's fields. */
  static List<CustomerEvent.Change> between(Customer before, Customer after) {
    Map<String, String> from = fields(before);
    Map<String, String> to = fields(after);
    List<CustomerEvent.Change> changes = new ArrayList<>();
    from.forEach((field, value) -> {
      if (!Objects.equals(value, to.get(field))) {
        changes.add(new CustomerEvent.Change(field, value, to.get(field)));
      }
    });
    return changes;
  }

  /** Every field a PUT or PATCH can change, as text (null: none). */
  private static Map<String, String> fields(Customer c) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", c.name());
    f.put("type", c.type().name());
    f.put("priority", String.valueOf(c.priority()));
    f.put("country", c.country().name());
    f.put("organisationNumber", c.organisationNumber());
    f.put("email", c.email());
    f.put("invoiceEmail", c.invoiceEmail());
    f.put("address.street", c.address().street());
    f.put("address.postalCode", c.address().postalCode());
    f.put("address.city", c.address().city());
    f.put("address.country", c.address().country());
    f.put("reminderFeeAgreed", String.valueOf(c.reminderFeeAgreed()));
    f.put("preferredChannel", c.preferredChannel().name());
    f.put("language", c.language());
    f.put("electronicAddress.scheme", c.electronicAddress() == null ? null : c.electronicAddress().scheme());
    f.put("electronicAddress.id", c.electronicAddress() == null ? null : c.electronicAddress().id());
    f.put("organisationCustomerNumber", c.organisationCustomerNumber());
    f.put("invoiceReference.name", c.invoiceReference() == null ? null : c.invoiceReference().name());
    f.put("invoiceReference.email", c.invoiceReference() == null ? null : c.invoiceReference().email());
    f.put("directDebitMandate", c.directDebitMandate());
    f.put("interestInvoicing", String.valueOf(c.interestInvoicing()));
    f.put("vatNumber", c.vatNumber());
    return f;
  }
}
