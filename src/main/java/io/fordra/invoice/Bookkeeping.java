package io.fordra.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What invoicing books, inside the transaction that changes the invoice (ledger.Ledger does it). Invoice depends on
 * this port rather than on the ledger, so that the ledger, which books invoices and lists their entries, can depend
 * on invoice without a package cycle.
 */
public interface Bookkeeping {

  /** The revenue account of a line at a VAT rate, for a new invoice; empty if the chart has none for the rate. */
  Optional<String> salesAccount(BigDecimal vatRate);

  /** Whether a line at this VAT rate can be booked: the chart has its sales account and (above 0 %) its VAT account. */
  boolean canBook(BigDecimal vatRate);

  void invoiceIssued(Invoice invoice, List<InvoiceLine> lines);

  void feeCharged(Invoice invoice, BigDecimal fee);

  void credited(Invoice invoice, List<InvoiceLine> lines, BigDecimal amount, int creditNoteOrdinal);

  void writtenOff(Invoice invoice, List<InvoiceLine> lines, BigDecimal amount, String reason);

  void refunded(Invoice invoice, BigDecimal amount);
}
