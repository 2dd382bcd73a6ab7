package io.fordra.payment;

import io.fordra.process.ProcessConflicts;
import java.net.URI;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final PaymentService payments;
  private final ProcessConflicts conflicts;

  public PaymentController(PaymentService payments, ProcessConflicts conflicts) {
    this.payments = payments;
    this.conflicts = conflicts;
  }

  /** 201 matched and booked, 202 kept unmatched, 200 the same bank transaction again (nothing booked twice). */
  @PostMapping
  public ResponseEntity<PaymentResult> register(@RequestBody PaymentRequest request) {
    // The invoice's process may be busy with a job at the same moment: the whole booking is then run again.
    PaymentResult result;
    try {
      result = conflicts.retrying(() -> payments.registerOne(request));
    } catch (DuplicateKeyException e) {
      // The same bank transaction posted twice at once: both looked for it before either had stored it, and the
      // unique key let one in (the other waited for its commit). Run again, this one finds it: 200, booked once.
      result = conflicts.retrying(() -> payments.registerOne(request));
    }
    HttpStatus status = result.duplicate() ? HttpStatus.OK
        : result.status() == Payment.PaymentStatus.MATCHED ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status).location(URI.create("/api/payments/" + result.paymentId())).body(result);
  }

  @GetMapping("/{paymentId}")
  public Payment get(@PathVariable long paymentId) {
    return payments.get(paymentId);
  }
}
