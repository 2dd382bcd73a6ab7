package io.fordra.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What invoicing books, inside the transaction that changes the invoice (ledger.Ledger does it). Invoice depends on
 * this port rather than on the ledger, so that the ledger, which books invoices and lists their entries, can depend
 * on invoice without a package cycle.
 */
public interface Bookkeeping {

  // Each booking returns the day it was booked on: its own date, or the first open day when its month is closed.

  /** The revenue account of a line at a VAT rate, for a new invoice; empty if the chart has none for the rate. */
  Optional<String> salesAccount(BigDecimal vatRate);

  /** The sales account of a line under reverse charge or export (its own account); else the rate's. */
  default Optional<String> salesAccount(VatTreatment treatment, BigDecimal vatRate) {
    return salesAccount(vatRate);
  }

  /** Whether a line at this VAT rate can be booked: the chart has its sales account and (above 0 %) its VAT account. */
  boolean canBook(BigDecimal vatRate);

  LocalDate invoiceIssued(Invoice invoice, List<InvoiceLine> lines);

  LocalDate feeCharged(Invoice invoice, BigDecimal fee);

  LocalDate credited(Invoice invoice, List<InvoiceLine> lines, BigDecimal amount, int creditNoteOrdinal);

  LocalDate writtenOff(Invoice invoice, List<InvoiceLine> lines, BigDecimal amount, String reason);

  LocalDate refunded(Invoice invoice, BigDecimal amount);

  /**
   * An invoice taken over from the previous system: what it still has open there (total - paid + fees) on the
   * receivables account against the cut-over account, on the cut-over day (or the first open day after it).
   */
  LocalDate openingBalance(Invoice invoice, BigDecimal openAmount, LocalDate cutOverDate);
}
