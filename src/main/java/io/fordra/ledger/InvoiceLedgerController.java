package io.fordra.ledger;

import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/invoices/{n}/ledger: the invoice's ledger entries, its receivables balance and the deferred revenue of its
 * periodised lines still to be released, for an accountant.
 */
@RestController
class InvoiceLedgerController {

  public record InvoiceLedger(String invoiceNumber, String currency, BigDecimal openAmount,
                              BigDecimal receivablesBalance, List<LedgerEntry> entries, BigDecimal deferredRevenue) {}

  private final InvoiceService invoices;
  private final Ledger ledger;

  public InvoiceLedgerController(InvoiceService invoices, Ledger ledger) {
    this.invoices = invoices;
    this.ledger = ledger;
  }

  @GetMapping("/api/invoices/{invoiceNumber}/ledger")
  public InvoiceLedger ledger(@PathVariable String invoiceNumber) {
    Invoice invoice = invoices.get(invoiceNumber);
    return new InvoiceLedger(invoice.invoiceNumber(), invoice.currency().name(), invoice.openAmount(),
        ledger.receivableBalance(invoice), ledger.entriesOf(invoice), ledger.unreleased(invoice));
  }
}
