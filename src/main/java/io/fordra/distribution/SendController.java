package io.fordra.distribution;

import io.fordra.customer.Channel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/invoices/{n}/send {channel?, documentId?}: send a document again (at most three times in all). */
@RestController
class SendController {

  public record SendRequest(Channel channel, Long documentId) {}

  public record SendResult(long documentId, String fileName, int attempt, String message) {}

  private final DistributionService distribution;

  public SendController(DistributionService distribution) {
    this.distribution = distribution;
  }

  @PostMapping("/api/invoices/{invoiceNumber}/send")
  public ResponseEntity<Object> send(@PathVariable String invoiceNumber,
                                     @RequestBody(required = false) SendRequest request) {
    SendRequest r = request == null ? new SendRequest(null, null) : request;
    DistributionService.Resend resend = distribution.resend(invoiceNumber, r.documentId(), r.channel());
    if (!resend.queued()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, resend.message());
      problem.setTitle("Sent too often");
      return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
    return ResponseEntity.accepted().body(new SendResult(resend.document().id(), resend.document().fileName(),
        resend.attempt(), resend.message()));
  }
}
