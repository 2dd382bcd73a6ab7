package io.fordra.invoice;

import io.fordra.process.InvoiceProcesses;
import io.fordra.process.InvoiceToCash;
import io.fordra.web.ConflictException;
import io.fordra.web.Violations;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/invoices/{n}/credit-notes {amount?, reason}: no amount = the whole open amount. */
@RestController
public class CreditNoteController {

  public record CreditNoteRequest(BigDecimal amount, String reason) {}

  public record CreditNoteResult(String invoiceNumber, BigDecimal amount, BigDecimal openAmount, String status) {}

  private final InvoiceService invoices;
  private final InvoiceProcesses processes;

  public CreditNoteController(InvoiceService invoices, InvoiceProcesses processes) {
    this.invoices = invoices;
    this.processes = processes;
  }

  @PostMapping("/api/invoices/{invoiceNumber}/credit-notes")
  @Transactional
  public ResponseEntity<CreditNoteResult> credit(@PathVariable String invoiceNumber,
                                                 @RequestBody CreditNoteRequest request) {
    Invoice invoice = invoices.lock(invoiceNumber);
    if (invoice.status().isFinal()) {
      throw new ConflictException("Invoice " + invoiceNumber + " is " + invoice.status() + ": nothing to credit");
    }
    BigDecimal amount = request.amount() == null ? invoice.openAmount() : request.amount();
    Violations v = new Violations();
    v.text("reason", request.reason(), 2000);
    if (v.amount("amount", amount) && (amount.signum() <= 0 || amount.compareTo(invoice.openAmount()) > 0)) {
      v.add("amount", "must be more than 0 and at most the open amount " + invoice.openAmount().toPlainString());
    }
    v.throwIfAny();
    invoices.credit(invoice, amount.setScale(2), request.reason().strip());
    processes.correlate(InvoiceToCash.Messages.INVOICE_CREDITED, invoiceNumber, Map.of());
    Invoice now = invoices.get(invoiceNumber);
    return ResponseEntity.created(URI.create("/api/invoices/" + invoiceNumber))
        .body(new CreditNoteResult(invoiceNumber, amount.setScale(2), now.openAmount(), now.status().name()));
  }
}
