package io.fordra.invoice.file;

import io.fordra.kernel.InvalidRequestException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
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
 * POST /api/invoice-files (multipart "file": CSV, one row per invoice line; optional mode=per-invoice|all-or-nothing
 * instead of fordra.import.mode) → 202 with the import summary (200 for a file received before); GET /api/invoice-files/{id} the summary and progress; GET …/invoices what became of each
 * invoice, in file order, page by page.
 */
@RestController
@RequestMapping("/api/invoice-files")
class InvoiceFileController {

  private static final int MAX_PAGE = 1000;

  private final InvoiceFileService files;

  public InvoiceFileController(InvoiceFileService files) {
    this.files = files;
  }

  @PostMapping(consumes = "multipart/form-data")
  public ResponseEntity<InvoiceFileSummary> upload(@RequestParam("file") MultipartFile file,
                                                   @RequestParam(required = false) String mode,
                                                   Principal caller) {
    InvoiceFileSummary.Mode importMode = mode == null ? null : InvoiceFileSummary.Mode.parse(mode)
        .orElseThrow(() -> new InvalidRequestException("mode", "'" + mode + "' is not per-invoice or all-or-nothing"));
    InvoiceFileSummary summary = files.receive(file.getOriginalFilename(), file, InvoiceFileSummary.Source.UPLOAD,
        null, caller == null ? null : caller.getName(), importMode);
    return ResponseEntity.status(summary.sameFileAgain() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/invoice-files/" + summary.id())).body(summary);
  }

  @GetMapping("/{id}")
  public InvoiceFileSummary get(@PathVariable long id) {
    return files.summary(id);
  }

  /**
   * The file's invoices in file order: after=the first line of the last one seen (keyset paging); outcome=CREATED,
   * REJECTED, DUPLICATE or NOT_CREATED; problems=true for those not created or created with a warning.
   */
  @GetMapping("/{id}/invoices")
  public List<InvoiceFileSummary.InvoiceOutcome> invoices(@PathVariable long id,
                                                          @RequestParam(required = false) InvoiceFileSummary.Outcome outcome,
                                                          @RequestParam(defaultValue = "false") boolean problems,
                                                          @RequestParam(defaultValue = "0") int after,
                                                          @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_PAGE);
    }
    return files.outcomes(id, outcome, problems, after, limit);
  }
}
