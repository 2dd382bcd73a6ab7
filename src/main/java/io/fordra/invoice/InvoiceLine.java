package io.fordra.invoice;

import java.math.BigDecimal;

/** An invoice line; revenueAccount is where its net amount is booked (null until the invoice is stored). */
public record InvoiceLine(int lineNumber, String description, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal vatRate, BigDecimal netAmount, BigDecimal vatAmount, String articleNumber,
                          String orderReference, String revenueAccount) {

  /** The same line booked on the given revenue account. */
  public InvoiceLine onAccount(String account) {
    return new InvoiceLine(lineNumber, description, quantity, unitPrice, vatRate, netAmount, vatAmount, articleNumber,
        orderReference, account);
  }
}
