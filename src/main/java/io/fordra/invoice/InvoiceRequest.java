package io.fordra.invoice;

import io.fordra.customer.CustomerRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** POST /api/invoices. totalAmount and vatAmount are optional; when given they must equal the sum of the lines. */
public record InvoiceRequest(
    String invoiceNumber,
    String customerNumber,
    CustomerRequest customer,
    LocalDate issueDate,
    LocalDate dueDate,
    Currency currency,
    List<LineRequest> lines,
    BigDecimal totalAmount,
    BigDecimal vatAmount) {

  public record LineRequest(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate,
                            String articleNumber, String orderReference) {}
}
