package io.fordra.invoice;

import java.math.BigDecimal;

public record InvoiceLine(int lineNumber, String description, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal vatRate, BigDecimal netAmount, BigDecimal vatAmount, String articleNumber,
                          String orderReference) {}
