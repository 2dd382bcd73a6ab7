package io.fordra.payment;

import java.net.URI;
import org.camunda.bpm.engine.OptimisticLockingException;
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
public class PaymentController {

  private static final int ATTEMPTS = 3;

  private final PaymentService payments;

  public PaymentController(PaymentService payments) {
    this.payments = payments;
  }

  /** 201 matched and booked, 202 kept unmatched, 200 the same bank transaction again (nothing booked twice). */
  @PostMapping
  public ResponseEntity<PaymentResult> register(@RequestBody PaymentRequest request) {
    PaymentResult result = registerRetryingConflicts(request);
    HttpStatus status = result.duplicate() ? HttpStatus.OK
        : result.status() == Payment.PaymentStatus.MATCHED ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status).location(URI.create("/api/payments/" + result.paymentId())).body(result);
  }

  @GetMapping("/{paymentId}")
  public Payment get(@PathVariable long paymentId) {
    return payments.get(paymentId);
  }

  /** The invoice's process may be busy with a timer job at the same moment; the whole booking is then retried. */
  private PaymentResult registerRetryingConflicts(PaymentRequest request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return payments.registerOne(request);
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
