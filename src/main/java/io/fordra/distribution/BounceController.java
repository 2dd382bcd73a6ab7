package io.fordra.distribution;

import io.fordra.process.ProcessConflicts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/invoices/{n}/bounces {channel, recipient?, reason}: the mail system (or print service, access point,
 * bank for a failed direct debit) reports that a document did not arrive. 202: recorded, and rerouted where follow-up
 * still runs.
 */
@RestController
class BounceController {

  private final DeviationService deviations;
  private final ProcessConflicts conflicts;

  public BounceController(DeviationService deviations, ProcessConflicts conflicts) {
    this.deviations = deviations;
    this.conflicts = conflicts;
  }

  @PostMapping("/api/invoices/{invoiceNumber}/bounces")
  public ResponseEntity<DeviationService.BounceResult> bounce(@PathVariable String invoiceNumber,
                                                              @RequestBody DeviationService.BounceRequest request) {
    return ResponseEntity.accepted().body(conflicts.retrying(() -> deviations.bounce(invoiceNumber, request)));
  }
}
