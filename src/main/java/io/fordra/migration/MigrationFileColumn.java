package io.fordra.migration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a migration (cut-over) file: header row, any order, names matched without regard to case. One row
 * per invoice line, or per VAT rate's total (netAmount instead of quantity and unitPrice); the invoice-level values
 * (customer, dates, amounts, dunning state) may stand on the invoice's first row only.
 */
enum MigrationFileColumn {
  INVOICE_NUMBER("invoiceNumber", true),
  CUSTOMER_NUMBER("customerNumber", true),
  NAME("name", false),
  TYPE("type", false),
  COUNTRY("country", false),
  ORGANISATION_NUMBER("organisationNumber", false),
  EMAIL("email", false),
  INVOICE_EMAIL("invoiceEmail", false),
  STREET("street", false),
  POSTAL_CODE("postalCode", false),
  CITY("city", false),
  ISSUE_DATE("issueDate", true),
  DUE_DATE("dueDate", true),
  CURRENCY("currency", true),
  DESCRIPTION("description", false),
  QUANTITY("quantity", false),
  UNIT_PRICE("unitPrice", false),
  /** A VAT rate's total without VAT, instead of quantity and unit price. */
  NET_AMOUNT("netAmount", false),
  VAT_RATE("vatRate", true),
  PAID_AMOUNT("paidAmount", false),
  FEES_AMOUNT("feesAmount", false),
  /** NONE, REMINDED, COLLECTION_NOTICE or WITH_AGENCY (blank = NONE). */
  DUNNING_STEP("dunningStep", false),
  REMINDERS_SENT("remindersSent", false),
  DUNNING_DATE("dunningDate", false),
  /** The deadline the last reminder or notice gave; computed from the dunning policy when blank. */
  PAY_BY("payBy", false),
  /** The text of an open objection (blank: none). */
  OBJECTION("objection", false),
  OBJECTION_DATE("objectionDate", false),
  DISPUTED_AMOUNT("disputedAmount", false),
  /** The previous system's OCR/KID, kept as the invoice's payment reference. */
  PAYMENT_REFERENCE("paymentReference", false),
  /** The original PDF's file name in the zip uploaded beside the file (part "documents"). */
  DOCUMENT_FILE("documentFile", false);

  /** The customer columns: on a row of a customer the register does not have, they create it. */
  static final List<MigrationFileColumn> CUSTOMER = List.of(NAME, TYPE, COUNTRY, ORGANISATION_NUMBER, EMAIL,
      INVOICE_EMAIL, STREET, POSTAL_CODE, CITY);

  private static final Map<String, MigrationFileColumn> BY_HEADER = Arrays.stream(values())
      .collect(Collectors.toMap(c -> c.header.toLowerCase(Locale.ROOT), Function.identity()));

  private final String header;
  private final boolean required;

  MigrationFileColumn(String header, boolean required) {
    this.header = header;
    this.required = required;
  }

  String header() {
    return header;
  }

  boolean required() {
    return required;
  }

  static Optional<MigrationFileColumn> byHeader(String name) {
    return Optional.ofNullable(BY_HEADER.get(name.strip().toLowerCase(Locale.ROOT)));
  }
}
