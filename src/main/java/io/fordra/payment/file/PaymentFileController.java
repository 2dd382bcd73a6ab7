package io.fordra.payment.file;

import io.fordra.payment.Payment;
import io.fordra.payment.PaymentService;
import java.io.IOException;
import java.net.URI;
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
 * POST /api/payment-files (multipart "file": BgMax or camt.054) → 202 with the import summary (200 for a file received
 * before); GET /api/payment-files/{id} the summary and progress; GET …/payments what each payment became; GET …/notes
 * every entry that was not booked (kept aside, skipped) and every remark, a page at a time.
 */
@RestController
@RequestMapping("/api/payment-files")
class PaymentFileController {

  private final PaymentFileService files;
  private final PaymentService payments;

  public PaymentFileController(PaymentFileService files, PaymentService payments) {
    this.files = files;
    this.payments = payments;
  }

  @PostMapping(consumes = "multipart/form-data")
  public ResponseEntity<PaymentFileSummary> upload(@RequestParam("file") MultipartFile file) throws IOException {
    PaymentFileSummary summary = files.receive(file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.status(summary.sameFileAgain() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/payment-files/" + summary.id())).body(summary);
  }

  @GetMapping("/{id}")
  public PaymentFileSummary get(@PathVariable long id) {
    return files.summary(id);
  }

  /** The most notes one page gives. */
  static final int MAX_PAGE = 1000;

  /**
   * The file's notes, entries kept aside first, then in file order: {@code outcome} (repeatable: KEPT_ASIDE, SKIPPED,
   * REMARK; all when none), {@code offset} (0-based) and {@code limit} (1 to {@value #MAX_PAGE}).
   */
  @GetMapping("/{id}/notes")
  public PaymentFileService.NotePage notes(@PathVariable long id,
                                           @RequestParam(name = "outcome", required = false) List<String> outcome,
                                           @RequestParam(defaultValue = "0") int offset,
                                           @RequestParam(defaultValue = "200") int limit) {
    io.fordra.kernel.Violations violations = new io.fordra.kernel.Violations();
    List<PaymentFileSummary.NoteKind> kinds = new java.util.ArrayList<>();
    for (String o : outcome == null ? List.<String>of() : outcome) {
      java.util.Arrays.stream(PaymentFileSummary.NoteKind.values()).filter(k -> k.name().equals(o)).findFirst()
          .ifPresentOrElse(kinds::add, () -> violations.add("outcome", "must be one of "
              + java.util.Arrays.toString(PaymentFileSummary.NoteKind.values())));
    }
    if (offset < 0) {
      violations.add("offset", "must be 0 or more");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      violations.add("limit", "must be between 1 and " + MAX_PAGE);
    }
    violations.throwIfAny();
    return files.notes(id, kinds, offset, limit);
  }

  @GetMapping("/{id}/payments")
  public List<Payment> payments(@PathVariable long id) {
    files.summary(id);
    return payments.ofFile(id);
  }
}
