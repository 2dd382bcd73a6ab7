package io.fordra.invoice;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.fordra.customer.CustomerRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * POST /api/invoices. totalAmount and vatAmount are optional; when given they must equal the sum of the lines.
 * deliveryDate (one day) or period (from-to), both optional and never both, say when the goods or services were
 * supplied where that is not the issue date; the invoice prints it.
 */
public record InvoiceRequest(
    String invoiceNumber,
    String customerNumber,
    CustomerRequest customer,
    LocalDate issueDate,
    LocalDate dueDate,
    Currency currency,
    List<LineRequest> lines,
    BigDecimal totalAmount,
    BigDecimal vatAmount,
    LocalDate deliveryDate,
    Period period) {

  @JsonCreator
  public InvoiceRequest {}

  /** An invoice supplied on its issue date (no delivery date or period). */
  public InvoiceRequest(String invoiceNumber, String customerNumber, CustomerRequest customer, LocalDate issueDate,
                        LocalDate dueDate, Currency currency, List<LineRequest> lines, BigDecimal totalAmount,
                        BigDecimal vatAmount) {
    this(invoiceNumber, customerNumber, customer, issueDate, dueDate, currency, lines, totalAmount, vatAmount, null,
        null);
  }

  /**
   * An invoice line; servicePeriod (optional, both days included) is the period the line's service covers: revenue
   * for a period that runs past the invoice's month is deferred and released month by month.
   */
  public record LineRequest(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate,
                            String articleNumber, String orderReference, Period servicePeriod) {

    @JsonCreator
    public LineRequest {}

    /** A line without a service period. */
    public LineRequest(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate,
                       String articleNumber, String orderReference) {
      this(description, quantity, unitPrice, vatRate, articleNumber, orderReference, null);
    }
  }

  /** The period of supply, both days included. */
  public record Period(LocalDate from, LocalDate to) {}
}
