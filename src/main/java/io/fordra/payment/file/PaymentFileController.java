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
 * before); GET /api/payment-files/{id} the summary and progress; GET …/payments what each payment became.
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

  @GetMapping("/{id}/payments")
  public List<Payment> payments(@PathVariable long id) {
    files.summary(id);
    return payments.ofFile(id);
  }
}
