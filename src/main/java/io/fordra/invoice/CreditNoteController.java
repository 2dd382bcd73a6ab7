package io.fordra.invoice;

import io.fordra.kernel.ConflictException;
import io.fordra.kernel.Violations;
import io.fordra.process.ProcessConflicts;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
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
  private final ApplicationEventPublisher events;
  private final ProcessConflicts conflicts;

  public CreditNoteController(InvoiceService invoices, ApplicationEventPublisher events,
                              ProcessConflicts conflicts) {
    this.invoices = invoices;
    this.events = events;
    this.conflicts = conflicts;
  }

  @PostMapping("/api/invoices/{invoiceNumber}/credit-notes")
  public ResponseEntity<CreditNoteResult> credit(@PathVariable String invoiceNumber,
                                                 @RequestBody CreditNoteRequest request) {
    // One transaction, run again if the invoice's process moved on at the same moment (see ProcessConflicts).
    return conflicts.retrying(() -> creditOnce(invoiceNumber, request));
  }

  private ResponseEntity<CreditNoteResult> creditOnce(String invoiceNumber, CreditNoteRequest request) {
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
    // The follow-up sends the credit note, or ends if nothing is left to pay (InvoiceFollowUp hears it at once).
    events.publishEvent(new InvoiceFollowUp.InvoiceCredited(invoiceNumber));
    Invoice now = invoices.get(invoiceNumber);
    return ResponseEntity.created(URI.create("/api/invoices/" + invoiceNumber))
        .body(new CreditNoteResult(invoiceNumber, amount.setScale(2), now.openAmount(), now.status().name()));
  }
}
