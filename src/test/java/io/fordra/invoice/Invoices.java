package io.fordra.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Invoices for unit tests without a database: a sent SEK invoice of March 2026, VAT left out. */
public final class Invoices {

  private Invoices() {}

  /** Invoice 7, issued 2026-03-01 and due 2026-03-31, with what was credited and is disputed of its total. */
  public static Invoice sent(String invoiceNumber, String total, String credited, String disputed) {
    BigDecimal zero = new BigDecimal("0.00");
    BigDecimal amount = new BigDecimal(total);
    return new Invoice(7L, invoiceNumber, "C-1", InvoiceStatus.SENT, LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 31), Currency.SEK, amount, zero, amount, zero, zero, zero, new BigDecimal(credited),
        new BigDecimal(disputed), zero, zero, "7000000000071", 0, 0, 0, LocalDate.of(2026, 3, 31),
        Instant.parse("2026-03-01T08:00:00Z"));
  }
}
