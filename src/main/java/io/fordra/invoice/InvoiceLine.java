package io.fordra.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice line; revenueAccount is where its net amount is booked (null until the invoice is stored);
 * serviceFrom-serviceTo (both days included, both or neither) the period its service covers, if it says one.
 */
public record InvoiceLine(int lineNumber, String description, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal vatRate, BigDecimal netAmount, BigDecimal vatAmount, String articleNumber,
                          String orderReference, String revenueAccount, LocalDate serviceFrom, LocalDate serviceTo) {

  /** A line without a service period. */
  public InvoiceLine(int lineNumber, String description, BigDecimal quantity, BigDecimal unitPrice,
                     BigDecimal vatRate, BigDecimal netAmount, BigDecimal vatAmount, String articleNumber,
                     String orderReference, String revenueAccount) {
    this(lineNumber, description, quantity, unitPrice, vatRate, netAmount, vatAmount, articleNumber, orderReference,
        revenueAccount, null, null);
  }

  /** The same line booked on the given revenue account. */
  public InvoiceLine onAccount(String account) {
    return new InvoiceLine(lineNumber, description, quantity, unitPrice, vatRate, netAmount, vatAmount, articleNumber,
        orderReference, account, serviceFrom, serviceTo);
  }

  public boolean hasServicePeriod() {
    return serviceFrom != null && serviceTo != null;
  }
}
