package io.fordra.invoice;

import java.time.LocalDate;

/**
 * When the goods or services of an invoice were supplied, where that is not the invoice date (Swedish
 * mervärdesskattelag 17 kap. 24 §, Norwegian bokføringsforskrift 5-1-1): one day ({@code date}) or a period
 * ({@code from} to {@code to}, both days included).
 */
public record Supply(LocalDate date, LocalDate from, LocalDate to) {

  public Supply {
    if ((date == null) == (from == null || to == null)) {
      throw new IllegalArgumentException("A supply is one date or a period from-to, not both or neither");
    }
  }

  /** Whether the invoice must state it: a date or period other than the invoice date itself. */
  public boolean differsFrom(LocalDate issueDate) {
    return date != null ? !date.equals(issueDate) : !(from.equals(issueDate) && to.equals(issueDate));
  }
}
