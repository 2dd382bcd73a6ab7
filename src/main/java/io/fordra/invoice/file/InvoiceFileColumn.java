package io.fordra.invoice.file;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of an invoice file (header row, any order, names matched without regard to case) and the column of
 * fordra_invoice_file_row that keeps each.
 */
enum InvoiceFileColumn {
  INVOICE_NUMBER("invoiceNumber", "invoice_number", true),
  CUSTOMER_NUMBER("customerNumber", "customer_number", true),
  NAME("name", "name", false),
  TYPE("type", "customer_type", false),
  COUNTRY("country", "country", false),
  ORGANISATION_NUMBER("organisationNumber", "organisation_number", false),
  EMAIL("email", "email", false),
  INVOICE_EMAIL("invoiceEmail", "invoice_email", false),
  STREET("street", "street", false),
  POSTAL_CODE("postalCode", "postal_code", false),
  CITY("city", "city", false),
  PREFERRED_CHANNEL("preferredChannel", "preferred_channel", false),
  ISSUE_DATE("issueDate", "issue_date", true),
  DUE_DATE("dueDate", "due_date", true),
  CURRENCY("currency", "currency", true),
  ARTICLE_NUMBER("articleNumber", "article_number", false),
  DESCRIPTION("description", "description", false),
  QUANTITY("quantity", "quantity", true),
  UNIT_PRICE("unitPrice", "unit_price", false),
  VAT_RATE("vatRate", "vat_rate", false),
  ORDER_REFERENCE("orderReference", "order_reference", false),
  // Optional: when the goods or services were supplied, if not on the issue date (one day, or a period).
  DELIVERY_DATE("deliveryDate", "delivery_date", false),
  PERIOD_FROM("periodFrom", "period_from", false),
  PERIOD_TO("periodTo", "period_to", false),
  // Optional, per line: the period the line's service covers (revenue past the invoice's month is deferred).
  SERVICE_PERIOD_FROM("servicePeriodFrom", "service_period_from", false),
  SERVICE_PERIOD_TO("servicePeriodTo", "service_period_to", false);

  /** The longest value kept; a longer one is a problem of its row (no column of an invoice is that long). */
  public static final int MAX_LENGTH = 1000;

  /** The customer columns: on a row of an unknown customer they create it. */
  public static final java.util.List<InvoiceFileColumn> CUSTOMER = java.util.List.of(NAME, TYPE, COUNTRY,
      ORGANISATION_NUMBER, EMAIL, INVOICE_EMAIL, STREET, POSTAL_CODE, CITY, PREFERRED_CHANNEL);

  private static final Map<String, InvoiceFileColumn> BY_HEADER = Arrays.stream(values())
      .collect(Collectors.toMap(c -> c.header.toLowerCase(Locale.ROOT), Function.identity()));

  private final String header;
  private final String sqlColumn;
  private final boolean required;

  InvoiceFileColumn(String header, String sqlColumn, boolean required) {
    this.header = header;
    this.sqlColumn = sqlColumn;
    this.required = required;
  }

  /** The name in the header row (and in problem reports). */
  public String header() {
    return header;
  }

  String sqlColumn() {
    return sqlColumn;
  }

  /** Whether the header must have this column (a value may still be missing on a row; that is the invoice's problem). */
  public boolean required() {
    return required;
  }

  public static Optional<InvoiceFileColumn> byHeader(String name) {
    return Optional.ofNullable(BY_HEADER.get(name.strip().toLowerCase(Locale.ROOT)));
  }
}
