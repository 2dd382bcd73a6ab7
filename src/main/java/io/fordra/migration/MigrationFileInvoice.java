package io.fordra.migration;

import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.InvoiceRequest;
import io.fordra.invoice.file.SpreadsheetNumbers;
import io.fordra.kernel.Capped;
import io.fordra.kernel.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One invoice of a migration file: its rows read into what POST /api/invoices would get, plus where its follow-up
 * stood in the previous system; every problem said with its line and column ("line 7, dueDate: …"), as the billing
 * file says them. Invoice-level values may stand on the first row only; a row that gives a different one is a
 * problem.
 */
final class MigrationFileInvoice {

  private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

  final String invoiceNumber;
  final List<MigrationCsv.Row> rows;
  final java.util.Set<String> problems = new java.util.LinkedHashSet<>();
  InvoiceRequest request;
  BigDecimal paidAmount;
  BigDecimal feesAmount;
  DunningStepReached step;
  int remindersSent;
  LocalDate dunningDate;
  LocalDate payBy;
  String objection;
  LocalDate objectionDate;
  BigDecimal disputedAmount;
  String paymentReference;
  String documentFile;

  private MigrationFileInvoice(String invoiceNumber, List<MigrationCsv.Row> rows) {
    this.invoiceNumber = invoiceNumber;
    this.rows = rows;
  }

  static MigrationFileInvoice read(String invoiceNumber, List<MigrationCsv.Row> rows, boolean customerRegistered) {
    MigrationFileInvoice invoice = new MigrationFileInvoice(invoiceNumber, rows);
    invoice.read(customerRegistered);
    return invoice;
  }

  int firstLine() {
    return rows.get(0).line();
  }

  int lastLine() {
    return rows.get(rows.size() - 1).line();
  }

  String where() {
    return firstLine() == lastLine() ? "line " + firstLine() : "lines " + firstLine() + "-" + lastLine();
  }

  /** "REMINDED 2", "COLLECTION_NOTICE" …: the step as history and Cockpit show it. */
  String stepText() {
    return step == DunningStepReached.REMINDED ? step + " " + remindersSent : String.valueOf(step);
  }

  /** The invoice service's objections, each with its line and column. */
  List<String> locate(List<Violation> violations) {
    List<String> located = new ArrayList<>();
    for (Violation v : violations) {
      Matcher line = LINE_FIELD.matcher(v.field());
      if (line.matches()) {
        located.add("line " + rows.get(Integer.parseInt(line.group(1))).line() + ", " + line.group(2) + ": "
            + v.message());
      } else {
        String field = v.field().startsWith("customer.") ? v.field().substring(v.field().lastIndexOf('.') + 1)
            : v.field();
        located.add("line " + firstLine() + ", " + field + ": " + v.message());
      }
    }
    return located;
  }

  private void read(boolean customerRegistered) {
    for (MigrationCsv.Row row : rows) {
      if (row.problem() != null) {
        problems.add("line " + row.line() + ": " + row.problem());
      }
    }
    String customerNumber = value(MigrationFileColumn.CUSTOMER_NUMBER);
    LocalDate issueDate = parse(MigrationFileColumn.ISSUE_DATE, LocalDate::parse);
    LocalDate dueDate = parse(MigrationFileColumn.DUE_DATE, LocalDate::parse);
    Currency currency = parse(MigrationFileColumn.CURRENCY, v -> Currency.valueOf(v.toUpperCase(Locale.ROOT)));
    paidAmount = amount(MigrationFileColumn.PAID_AMOUNT);
    feesAmount = amount(MigrationFileColumn.FEES_AMOUNT);
    step = parse(MigrationFileColumn.DUNNING_STEP, v -> DunningStepReached.valueOf(v.toUpperCase(Locale.ROOT)
        .replace('-', '_').replace(' ', '_')));
    if (step == null && value(MigrationFileColumn.DUNNING_STEP) == null) {
      step = DunningStepReached.NONE;
    }
    Integer reminders = parse(MigrationFileColumn.REMINDERS_SENT, Integer::parseInt);
    remindersSent = reminders == null ? 0 : reminders;
    dunningDate = parse(MigrationFileColumn.DUNNING_DATE, LocalDate::parse);
    payBy = parse(MigrationFileColumn.PAY_BY, LocalDate::parse);
    objection = value(MigrationFileColumn.OBJECTION);
    objectionDate = parse(MigrationFileColumn.OBJECTION_DATE, LocalDate::parse);
    disputedAmount = parse(MigrationFileColumn.DISPUTED_AMOUNT, SpreadsheetNumbers::decimal);
    paymentReference = value(MigrationFileColumn.PAYMENT_REFERENCE);
    if (paymentReference != null) {
      paymentReference = paymentReference.replace(" ", "");
    }
    documentFile = value(MigrationFileColumn.DOCUMENT_FILE);
    checkDunning();

    List<InvoiceRequest.LineRequest> lines = new ArrayList<>();
    for (MigrationCsv.Row row : rows) {
      BigDecimal vatRate = number(row, MigrationFileColumn.VAT_RATE);
      BigDecimal net = number(row, MigrationFileColumn.NET_AMOUNT);
      String description = row.get(MigrationFileColumn.DESCRIPTION);
      if (net != null) {
        if (row.get(MigrationFileColumn.QUANTITY) != null || row.get(MigrationFileColumn.UNIT_PRICE) != null) {
          problems.add("line " + row.line() + ", netAmount: give either netAmount (a VAT rate's total) or quantity "
              + "and unitPrice, not both");
        }
        String rate = vatRate == null ? "?" : vatRate.stripTrailingZeros().toPlainString();
        lines.add(new InvoiceRequest.LineRequest(description != null ? description
            : "Total at " + rate + " % VAT (previous system)", BigDecimal.ONE, net, vatRate, null, null));
      } else {
        lines.add(new InvoiceRequest.LineRequest(description, number(row, MigrationFileColumn.QUANTITY),
            number(row, MigrationFileColumn.UNIT_PRICE), vatRate, null, null));
      }
    }
    CustomerRequest customer = customerRegistered || customerNumber == null ? null : customer(customerNumber);
    request = new InvoiceRequest(invoiceNumber, customerNumber, customer, issueDate, dueDate, currency, lines, null,
        null, null, null);
  }

  private void checkDunning() {
    if (paidAmount != null && paidAmount.signum() < 0) {
      problem(MigrationFileColumn.PAID_AMOUNT, "must not be negative");
    }
    if (feesAmount != null && feesAmount.signum() < 0) {
      problem(MigrationFileColumn.FEES_AMOUNT, "must not be negative");
    }
    if (remindersSent < 0 || remindersSent > 20) {
      problem(MigrationFileColumn.REMINDERS_SENT, "must be between 0 and 20");
    }
    if (step == null) {
      return;
    }
    if (step == DunningStepReached.REMINDED && remindersSent < 1) {
      problem(MigrationFileColumn.REMINDERS_SENT, "REMINDED needs the number of reminders sent (1 or more)");
    }
    if (step == DunningStepReached.NONE && remindersSent > 0) {
      problem(MigrationFileColumn.REMINDERS_SENT, "is " + remindersSent + " but dunningStep is NONE");
    }
    if (step != DunningStepReached.NONE && dunningDate == null && value(MigrationFileColumn.DUNNING_DATE) == null) {
      problem(MigrationFileColumn.DUNNING_DATE, "is required for dunningStep " + step + " (the day the step was "
          + "taken; the next step follows the dunning policy from it)");
    }
    if (step == DunningStepReached.NONE && dunningDate != null) {
      problem(MigrationFileColumn.DUNNING_DATE, "is given but dunningStep is NONE");
    }
    if (objection == null && (objectionDate != null || disputedAmount != null)) {
      problem(MigrationFileColumn.OBJECTION, "is required when objectionDate or disputedAmount is given");
    }
  }

  private CustomerRequest customer(String customerNumber) {
    MigrationCsv.Row details = rows.stream()
        .filter(r -> MigrationFileColumn.CUSTOMER.stream().anyMatch(r.values()::containsKey)).findFirst().orElse(null);
    if (details == null) {
      problems.add("line " + firstLine() + ", customerNumber: customer " + customerNumber + " is not in the "
          + "register, and the invoice's rows do not give its details (name, type, country and an e-mail or address)");
      return null;
    }
    String street = details.get(MigrationFileColumn.STREET);
    String postalCode = details.get(MigrationFileColumn.POSTAL_CODE);
    String city = details.get(MigrationFileColumn.CITY);
    return new CustomerRequest(customerNumber, details.get(MigrationFileColumn.NAME),
        enumValue(details, MigrationFileColumn.TYPE, CustomerType.class), null,
        enumValue(details, MigrationFileColumn.COUNTRY, Country.class),
        details.get(MigrationFileColumn.ORGANISATION_NUMBER), details.get(MigrationFileColumn.EMAIL),
        details.get(MigrationFileColumn.INVOICE_EMAIL),
        street == null && postalCode == null && city == null ? null
            : new CustomerRequest.AddressRequest(street, postalCode, city, null),
        null, null, null, null);
  }

  private <E extends Enum<E>> E enumValue(MigrationCsv.Row row, MigrationFileColumn column, Class<E> type) {
    String value = row.get(column);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("line " + row.line() + ", " + column.header() + ": " + Capped.quote(value) + " is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  /** An invoice-level value: the first row's that has one; a row with a different one is a problem. */
  private String value(MigrationFileColumn column) {
    String value = null;
    int line = firstLine();
    for (MigrationCsv.Row row : rows) {
      String v = row.get(column);
      if (v == null) {
        continue;
      }
      if (value == null) {
        value = v;
        line = row.line();
      } else if (!value.equals(v)) {
        problems.add("line " + row.line() + ", " + column.header() + ": " + Capped.quote(v) + " differs from " + Capped.quote(value)
            + " on line " + line + " (the rows of one invoice share one " + column.header() + ")");
      }
    }
    return value;
  }

  private <T> T parse(MigrationFileColumn column, Function<String, T> parser) {
    String value = value(column);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      problem(column, Capped.quote(value) + " is not " + (column.header().endsWith("Date") || column == MigrationFileColumn.PAY_BY
          ? "a date (YYYY-MM-DD)" : column == MigrationFileColumn.DUNNING_STEP
          ? "one of NONE, REMINDED, COLLECTION_NOTICE, WITH_AGENCY" : column == MigrationFileColumn.CURRENCY
          ? "one of " + java.util.Arrays.toString(Currency.values()) : "a number"));
      return null;
    }
  }

  private BigDecimal amount(MigrationFileColumn column) {
    BigDecimal amount = parse(column, SpreadsheetNumbers::decimal);
    if (amount == null) {
      return value(column) == null ? BigDecimal.ZERO.setScale(2) : null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      problem(column, "has more than 2 decimals");
      return null;
    }
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  private BigDecimal number(MigrationCsv.Row row, MigrationFileColumn column) {
    String value = row.get(column);
    if (value == null) {
      return null;
    }
    try {
      return SpreadsheetNumbers.decimal(value);
    } catch (NumberFormatException e) {
      problems.add("line " + row.line() + ", " + column.header() + ": " + Capped.quote(value) + " is not a number");
      return null;
    }
  }

  private void problem(MigrationFileColumn column, String message) {
    problems.add("line " + firstLine() + ", " + column.header() + ": " + message);
  }
}
