package io.fordra;

import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Domain records for plain unit tests (no database): only what the test names differs from a plain default. */
public final class DomainExamples {

  private DomainExamples() {}

  /** A Swedish private customer with an e-mail and a postal address. */
  public static Customer customer(String customerNumber, String name) {
    return new Customer(customerNumber, name, CustomerType.PRIVATE, true, Country.SE, null, "anna@example.se", null,
        new Customer.Address("Storgatan 1", "111 22", "Stockholm", "SE"), false, Channel.EMAIL, "sv", null,
        Instant.parse("2026-01-01T00:00:00Z"), null, null, null, false);
  }

  /** A sent SEK invoice of the customer, due 2026-03-31. */
  public static Invoice invoice(long id, String invoiceNumber, String customerNumber, BigDecimal total,
                                BigDecimal paid, BigDecimal disputed, int remindersSent, BigDecimal fees) {
    return new Invoice(id, invoiceNumber, customerNumber, InvoiceStatus.REMINDED, LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 31), Currency.SEK, total, BigDecimal.ZERO, total, paid, fees, BigDecimal.ZERO,
        BigDecimal.ZERO, disputed, BigDecimal.ZERO, BigDecimal.ZERO, "10000180", remindersSent, remindersSent,
        remindersSent, null, Instant.parse("2026-03-01T08:00:00Z"));
  }
}
