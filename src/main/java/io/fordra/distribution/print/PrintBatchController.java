package io.fordra.distribution.print;

import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/print-batches (newest first), GET /api/print-batches/{id} (with its letters) and
 * POST /api/print-batches/close (hand the open batch over now: 200 with it, 204 when no letters were waiting).
 */
@RestController
class PrintBatchController {

  /** One entry of GET /api/print-batches; href gives the batch with its items. */
  public record PrintBatchEntry(long id, String name, PrintBatchStatus status, Instant createdAt, Instant closedAt,
                                int documentCount, int pageCount, String pdfFileName, String manifestFileName,
                                String href) {}

  private final PrintBatchService batches;

  public PrintBatchController(PrintBatchService batches) {
    this.batches = batches;
  }

  @GetMapping("/api/print-batches")
  public List<PrintBatchEntry> list() {
    return batches.batches().stream()
        .map(b -> new PrintBatchEntry(b.id(), b.name(), b.status(), b.createdAt(), b.closedAt(), b.documentCount(),
            b.pageCount(), b.pdfFileName(), b.manifestFileName(), "/api/print-batches/" + b.id()))
        .toList();
  }

  @GetMapping("/api/print-batches/{id}")
  public PrintBatch get(@PathVariable long id) {
    return batches.batch(id);
  }

  @PostMapping("/api/print-batches/close")
  public ResponseEntity<PrintBatch> close() {
    return batches.closeOpenBatch().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
  }
}
