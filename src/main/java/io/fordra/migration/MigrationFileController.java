package io.fordra.migration;

import io.fordra.invoice.file.InvoiceFileSummary;
import io.fordra.kernel.Capped;
import io.fordra.kernel.InvalidRequestException;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cut-over (finance): POST /api/migration-files (multipart "file": the CSV of open invoices from the previous system;
 * optional "documents": a zip of the original PDFs named in column documentFile; optional mode=per-invoice|
 * all-or-nothing instead of fordra.import.mode; optional cutOverDate, default today) → 201 with the summary and the
 * cut-over report (200 with the first summary for a file received before); GET /api/migration-files/{id} the
 * summary; GET …/report the cut-over report; GET …/invoices what became of each invoice, in file order, page by page.
 */
@RestController
@RequestMapping("/api/migration-files")
class MigrationFileController {

  private static final int MAX_PAGE = 1000;

  private final MigrationFileService files;

  MigrationFileController(MigrationFileService files) {
    this.files = files;
  }

  @PostMapping(consumes = "multipart/form-data")
  public ResponseEntity<MigrationFileSummary> upload(
      @RequestParam("file") MultipartFile file,
      @RequestParam(value = "documents", required = false) MultipartFile documents,
      @RequestParam(required = false) String mode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate cutOverDate,
      Principal caller) throws IOException {
    InvoiceFileSummary.Mode importMode = mode == null ? null : InvoiceFileSummary.Mode.parse(mode)
        .orElseThrow(() -> new InvalidRequestException("mode", Capped.quote(mode) + " is not per-invoice or all-or-nothing"));
    if (file.isEmpty()) {
      throw new InvalidRequestException("file", "is empty");
    }
    MigrationFileSummary summary = files.receive(file.getOriginalFilename(), file.getBytes(),
        documents == null || documents.isEmpty() ? null : documents.getBytes(), importMode,
        caller == null ? null : caller.getName(), cutOverDate);
    return ResponseEntity.status(summary.sameFileAgain() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/migration-files/" + summary.id())).body(summary);
  }

  @GetMapping("/{id}")
  public MigrationFileSummary get(@PathVariable long id) {
    return files.summary(id);
  }

  /** Count and totals of the invoices taken over, per currency and per dunning step. */
  @GetMapping("/{id}/report")
  public MigrationFileSummary.Report report(@PathVariable long id) {
    return files.report(id);
  }

  /**
   * The file's invoices in file order: after = the ordinal of the last one seen (keyset paging); outcome = CREATED,
   * REJECTED, DUPLICATE or NOT_CREATED; problems=true for those not created.
   */
  @GetMapping("/{id}/invoices")
  public List<MigrationFileSummary.InvoiceOutcome> invoices(
      @PathVariable long id, @RequestParam(required = false) MigrationFileSummary.Outcome outcome,
      @RequestParam(defaultValue = "false") boolean problems, @RequestParam(defaultValue = "0") int after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_PAGE);
    }
    if (after < 0) {
      throw new InvalidRequestException("after", "must not be negative");
    }
    return files.outcomes(id, outcome, problems, after, limit);
  }
}
