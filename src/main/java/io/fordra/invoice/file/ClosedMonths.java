package io.fordra.invoice.file;

import java.time.YearMonth;

/**
 * Whether a month's books are closed, as the import of a billing file asks it of each invoice's issue date. A port:
 * the month-end close (close.MonthEndCloses) implements it, as close already depends on invoices through the ledger.
 */
public interface ClosedMonths {

  /** True once a month-end close of the month has been recorded or its differences reviewed. */
  boolean isClosed(YearMonth month);
}
