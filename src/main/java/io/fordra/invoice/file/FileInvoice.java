package io.fordra.invoice.file;

import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.file.InvoiceCsvReader.Row;
import io.fordra.kernel.Capped;
import io.fordra.kernel.Identifiers;
import io.fordra.kernel.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One invoice of a file: its rows read into the request that POST /api/invoices would get, with every problem found
 * on the way said with its line and column ("line 7, dueDate: …"), and the checks of the invoice service mapped back
 * to the lines they concern. Values that the file repeats per row (customer, dates, currency) may stand on the first
 * row only; a row that gives a different one is a problem.
 */
final class FileInvoice {

  private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.([\\w.]+)");

  /** Where the details of a customer the register does not have are looked up in the rest of the file. */
  interface CustomerSource {
    Optional<Customer> registered(String customerNumber);

    Optional<Row> detailsInFile(String customerNumber);
  }

  private final String invoiceNumber;
  private final List<Row> rows;
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  /** Fields of the request already explained here; the service's complaint about them would say less. */
  private final Set<String> explained = new HashSet<>();
  /** The line each invoice-level field was taken from. */
  private final Map<String, Integer> lineOfField = new HashMap<>();
  /** A difference is said once per column, not once per row that repeats it. */
  private final Set<InvoiceFileColumn> warnedColumns = java.util.EnumSet.noneOf(InvoiceFileColumn.class);
  private int customerLine;
  private InvoiceRequest request;

  private FileInvoice(String invoiceNumber, List<Row> rows) {
    this.invoiceNumber = invoiceNumber;
    this.rows = rows;
  }

  static FileInvoice read(String invoiceNumber, List<Row> rows, CustomerSource customers) {
    FileInvoice invoice = new FileInvoice(invoiceNumber, rows);
    invoice.read(customers);
    return invoice;
  }

  InvoiceRequest request() {
    return request;
  }

  /** Problems found while reading the rows; the invoice cannot be created when there is any. */
  List<String> problems() {
    return problems;
  }

  /** What is worth knowing but stops nothing: a customer's details in the file differ from the register. */
  List<String> warnings() {
    return warnings;
  }

  int firstLine() {
    return rows.get(0).line();
  }

  int lastLine() {
    return rows.get(rows.size() - 1).line();
  }

  /** The line an invoice-level value (issueDate, dueDate, …) was taken from. */
  int lineOf(InvoiceFileColumn column) {
    return lineOfField.getOrDefault(column.header(), firstLine());
  }

  /** "lines 3-5" (or "line 3"): where the invoice stands in the file. */
  String where() {
    return firstLine() == lastLine() ? "line " + firstLine() : "lines " + firstLine() + "-" + lastLine();
  }

  /** The service's objections, each said with its line and column; those already explained here are left out. */
  List<String> locate(List<Violation> violations) {
    List<String> located = new ArrayList<>();
    for (Violation v : violations) {
      if (explained.contains(v.field())) {
        continue;
      }
      Matcher line = LINE_FIELD.matcher(v.field());
      if (line.matches()) {
        located.add("line " + rows.get(Integer.parseInt(line.group(1))).line() + ", " + column(line.group(2)) + ": "
            + v.message());
      } else if (v.field().startsWith("customer.")) {
        String column = v.field().substring(v.field().lastIndexOf('.') + 1);
        located.add("line " + customerLine + ", " + column + ": " + v.message());
      } else if (lineOfField.containsKey(v.field())) {
        located.add("line " + lineOfField.get(v.field()) + ", " + v.field() + ": " + v.message());
      } else {
        located.add(where() + ", " + v.field() + ": " + v.message());
      }
    }
    return located;
  }

  /** The file's column for a field of a request line (a line's service period is two columns). */
  private static String column(String lineField) {
    return switch (lineField) {
      case "servicePeriod", "servicePeriod.from" -> InvoiceFileColumn.SERVICE_PERIOD_FROM.header();
      case "servicePeriod.to" -> InvoiceFileColumn.SERVICE_PERIOD_TO.header();
      default -> lineField;
    };
  }

  private void read(CustomerSource customers) {
    for (Row row : rows) {
      if (row.problem() != null) {
        problems.add("line " + row.line() + ": " + row.problem());
      }
    }
    lineOfField.put("invoiceNumber", firstLine());
    if (invoiceNumber == null) {
      problem(firstLine(), "invoiceNumber", "is required (rows are grouped into invoices by it)");
    }
    String customerNumber = invoiceValue(InvoiceFileColumn.CUSTOMER_NUMBER);
    LocalDate issueDate = parse(InvoiceFileColumn.ISSUE_DATE, FileInvoice::date);
    LocalDate dueDate = parse(InvoiceFileColumn.DUE_DATE, FileInvoice::date);
    Currency currency = parse(InvoiceFileColumn.CURRENCY, v -> oneOf(Currency.class, v));
    LocalDate deliveryDate = parse(InvoiceFileColumn.DELIVERY_DATE, FileInvoice::date);
    LocalDate periodFrom = parse(InvoiceFileColumn.PERIOD_FROM, FileInvoice::date);
    LocalDate periodTo = parse(InvoiceFileColumn.PERIOD_TO, FileInvoice::date);
    List<InvoiceRequest.LineRequest> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String at = "lines[" + i + "].";
      lines.add(new InvoiceRequest.LineRequest(row.get(InvoiceFileColumn.DESCRIPTION),
          number(row, InvoiceFileColumn.QUANTITY, at), number(row, InvoiceFileColumn.UNIT_PRICE, at),
          number(row, InvoiceFileColumn.VAT_RATE, at), row.get(InvoiceFileColumn.ARTICLE_NUMBER),
          row.get(InvoiceFileColumn.ORDER_REFERENCE), servicePeriod(row, at)));
    }
    // A customer number outside the rule is reported by the invoice service's checks, never looked up.
    CustomerRequest customer = customerNumber == null || !Identifiers.isValid(customerNumber) ? null
        : customer(customerNumber, customers);
    InvoiceRequest.Period period = periodFrom == null && periodTo == null ? null
        : new InvoiceRequest.Period(periodFrom, periodTo);
    request = new InvoiceRequest(invoiceNumber, customerNumber, customer, issueDate, dueDate, currency, lines, null,
        null, deliveryDate, period);
  }

  /** The customer to create, or null when the register has it (then differences are warnings). */
  private CustomerRequest customer(String customerNumber, CustomerSource customers) {
    Optional<Customer> registered = customers.registered(customerNumber);
    if (registered.isPresent()) {
      Map<InvoiceFileColumn, String> inRegister = registerValues(registered.get());
      for (Row row : rows) {
        compare(row, inRegister, "the register has %s for customer " + customerNumber + "; the register is kept");
      }
      return null;
    }
    Row details = rows.stream().filter(FileInvoice::hasCustomerDetails).findFirst()
        .or(() -> customers.detailsInFile(customerNumber)).orElse(null);
    if (details == null) {
      problem(lineOfField.get("customerNumber"), "customerNumber", "customer " + customerNumber + " is not in the "
          + "register, and no row of the file gives its details (name, type, country and an e-mail or address)");
      return null;
    }
    customerLine = details.line();
    for (Row row : rows) {
      if (row != details) {
        compare(row, details.values(), "line " + details.line() + " has %s for new customer " + customerNumber
            + "; line " + details.line() + "'s is used");
      }
    }
    String street = details.get(InvoiceFileColumn.STREET);
    String postalCode = details.get(InvoiceFileColumn.POSTAL_CODE);
    String city = details.get(InvoiceFileColumn.CITY);
    return new CustomerRequest(customerNumber, details.get(InvoiceFileColumn.NAME),
        enumValue(details, InvoiceFileColumn.TYPE, CustomerType.class), null,
        enumValue(details, InvoiceFileColumn.COUNTRY, Country.class),
        details.get(InvoiceFileColumn.ORGANISATION_NUMBER), details.get(InvoiceFileColumn.EMAIL),
        details.get(InvoiceFileColumn.INVOICE_EMAIL),
        street == null && postalCode == null && city == null ? null
            : new CustomerRequest.AddressRequest(street, postalCode, city, null),
        null, enumValue(details, InvoiceFileColumn.PREFERRED_CHANNEL, Channel.class), null, null);
  }

  private static boolean hasCustomerDetails(Row row) {
    return InvoiceFileColumn.CUSTOMER.stream().anyMatch(row.values()::containsKey);
  }

  /** The register's values of the customer columns (those it has). */
  private static Map<InvoiceFileColumn, String> registerValues(Customer c) {
    Map<InvoiceFileColumn, String> values = new java.util.EnumMap<>(InvoiceFileColumn.class);
    values.put(InvoiceFileColumn.NAME, c.name());
    values.put(InvoiceFileColumn.TYPE, c.type().name());
    values.put(InvoiceFileColumn.COUNTRY, c.country().name());
    values.put(InvoiceFileColumn.ORGANISATION_NUMBER, c.organisationNumber());
    values.put(InvoiceFileColumn.EMAIL, c.email());
    values.put(InvoiceFileColumn.INVOICE_EMAIL, c.invoiceEmail());
    if (c.address() != null) {
      values.put(InvoiceFileColumn.STREET, c.address().street());
      values.put(InvoiceFileColumn.POSTAL_CODE, c.address().postalCode());
      values.put(InvoiceFileColumn.CITY, c.address().city());
    }
    values.put(InvoiceFileColumn.PREFERRED_CHANNEL, c.preferredChannel().name());
    values.values().removeIf(java.util.Objects::isNull);
    return values;
  }

  /** A warning per customer column of the row that says something else than the reference. */
  private void compare(Row row, Map<InvoiceFileColumn, String> reference, String whatHappens) {
    for (InvoiceFileColumn column : InvoiceFileColumn.CUSTOMER) {
      String value = row.get(column);
      if (value != null && !same(column, value, reference.get(column)) && warnedColumns.add(column)) {
        String other = reference.get(column);
        warnings.add("line " + row.line() + ", " + column.header() + ": the file has " + Capped.quote(value) + ", "
            + String.format(whatHappens, other == null ? "none" : Capped.quote(other)));
      }
    }
  }

  private static boolean same(InvoiceFileColumn column, String a, String b) {
    if (b == null) {
      return false;
    }
    return switch (column) {
      case ORGANISATION_NUMBER, POSTAL_CODE -> a.replaceAll("[\\s-]", "").equals(b.replaceAll("[\\s-]", ""));
      case NAME, STREET, CITY -> a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
      default -> a.strip().equalsIgnoreCase(b.strip());
    };
  }

  /** An invoice-level value: the first row's that has one; a row with a different one is a problem. */
  private String invoiceValue(InvoiceFileColumn column) {
    String value = null;
    int line = firstLine();
    for (Row row : rows) {
      String v = row.get(column);
      if (v == null) {
        continue;
      }
      if (value == null) {
        value = v;
        line = row.line();
      } else if (!value.equals(v)) {
        problem(row.line(), column.header(), Capped.quote(v) + " differs from " + Capped.quote(value) + " on line "
            + line + " (the lines of one invoice share one " + column.header() + ")");
      }
    }
    lineOfField.put(column.header(), line);
    return value;
  }

  private <T> T parse(InvoiceFileColumn column, Function<String, T> parser) {
    String value = invoiceValue(column);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      problem(lineOfField.get(column.header()), column.header(), e.getMessage());
      return null;
    }
  }

  private BigDecimal number(Row row, InvoiceFileColumn column, String at) {
    String value = row.get(column);
    if (value == null) {
      return null;
    }
    try {
      return SpreadsheetNumbers.decimal(value);
    } catch (NumberFormatException e) {
      explained.add(at + column.header());
      problems.add("line " + row.line() + ", " + column.header() + ": " + Capped.quote(value) + " is not a number");
      return null;
    }
  }

  /** A line's service period (servicePeriodFrom, servicePeriodTo); the service checks both-or-neither and order. */
  private InvoiceRequest.Period servicePeriod(Row row, String at) {
    LocalDate from = lineDate(row, InvoiceFileColumn.SERVICE_PERIOD_FROM, at + "servicePeriod.from");
    LocalDate to = lineDate(row, InvoiceFileColumn.SERVICE_PERIOD_TO, at + "servicePeriod.to");
    boolean given = row.get(InvoiceFileColumn.SERVICE_PERIOD_FROM) != null
        || row.get(InvoiceFileColumn.SERVICE_PERIOD_TO) != null;
    return given ? new InvoiceRequest.Period(from, to) : null;
  }

  private LocalDate lineDate(Row row, InvoiceFileColumn column, String field) {
    String value = row.get(column);
    if (value == null) {
      return null;
    }
    try {
      return date(value);
    } catch (IllegalArgumentException e) {
      explained.add(field);
      problems.add("line " + row.line() + ", " + column.header() + ": " + e.getMessage());
      return null;
    }
  }

  private <E extends Enum<E>> E enumValue(Row row, InvoiceFileColumn column, Class<E> type) {
    String value = row.get(column);
    if (value == null) {
      return null;
    }
    try {
      return oneOf(type, value);
    } catch (IllegalArgumentException e) {
      explained.add("customer." + column.header());
      problems.add("line " + row.line() + ", " + column.header() + ": " + e.getMessage());
      return null;
    }
  }

  private void problem(int line, String field, String message) {
    explained.add(field);
    problems.add("line " + line + ", " + field + ": " + message);
  }

  static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(Capped.quote(value) + " is not a date in the form yyyy-MM-dd");
    }
  }

  static <E extends Enum<E>> E oneOf(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      if (type == io.fordra.customer.Country.class) {
        throw new IllegalArgumentException(Capped.quote(value) + " is not an ISO 3166-1 alpha-2 country code "
            + "(e.g. SE, NO, DE, US)");
      }
      throw new IllegalArgumentException(Capped.quote(value) + " is not one of " + String.join(", ",
          Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }
  }
}
