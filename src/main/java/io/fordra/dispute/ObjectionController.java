package io.fordra.dispute;

import io.fordra.invoice.InvoiceService;
import io.fordra.process.ProcessConflicts;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Objections: POST /api/invoices/{n}/objections and …/objections/withdrawal. */
@RestController
class ObjectionController {

  private final DisputeService disputes;
  private final InvoiceService invoices;
  private final ProcessConflicts conflicts;

  public ObjectionController(DisputeService disputes, InvoiceService invoices, ProcessConflicts conflicts) {
    this.disputes = disputes;
    this.invoices = invoices;
    this.conflicts = conflicts;
  }

  @PostMapping("/api/invoices/{invoiceNumber}/objections")
  public ResponseEntity<Object> raise(@PathVariable String invoiceNumber, @RequestBody ObjectionRequest request) {
    conflicts.retrying(() -> disputes.raise(invoiceNumber, request));
    return ResponseEntity.created(URI.create("/api/invoices/" + invoiceNumber)).body(view(invoiceNumber));
  }

  @PostMapping("/api/invoices/{invoiceNumber}/objections/withdrawal")
  public Object withdraw(@PathVariable String invoiceNumber) {
    conflicts.retrying(() -> disputes.withdraw(invoiceNumber));
    return view(invoiceNumber);
  }

  private Object view(String invoiceNumber) {
    return disputes.latestFor(invoices.get(invoiceNumber)).orElseThrow();
  }
}
