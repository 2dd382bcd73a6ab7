package io.fordra.collection;

import io.fordra.kernel.Violations;
import io.fordra.process.ProcessConflicts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The collection agency's report on a case: POST /api/invoices/{n}/collection-case/closure. */
@RestController
class CollectionController {

  public record ClosureRequest(CollectionOutcome outcome, String note) {}

  private final CollectionService collection;
  private final ProcessConflicts conflicts;

  public CollectionController(CollectionService collection, ProcessConflicts conflicts) {
    this.collection = collection;
    this.conflicts = conflicts;
  }

  @PostMapping("/api/invoices/{invoiceNumber}/collection-case/closure")
  public ResponseEntity<Void> close(@PathVariable String invoiceNumber, @RequestBody ClosureRequest request) {
    Violations v = new Violations();
    v.required("outcome", request.outcome());
    v.optionalText("note", request.note(), 500);
    v.throwIfAny();
    conflicts.retrying(() -> {
      collection.reportOutcome(invoiceNumber, request.outcome(), request.note());
      return null;
    });
    return ResponseEntity.noContent().build();
  }
}
