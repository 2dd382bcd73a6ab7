package io.fordra.invoice;

import io.fordra.kernel.ConflictException;
import io.fordra.kernel.Violations;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What finance does with a receivable after follow-up: pay an overpayment back
 * (POST /api/invoices/{n}/refunds {amount?, reason}; no amount = the whole credit balance) and write off a closed
 * claim that will not be paid (POST /api/invoices/{n}/write-offs {reason}). Both are booked in the ledger.
 */
@RestController
class WriteOffAndRefundController {

  public record RefundRequest(BigDecimal amount, String reason) {}

  public record WriteOffRequest(String reason) {}

  public record Result(String invoiceNumber, String status, BigDecimal openAmount, BigDecimal writtenOffAmount,
                       BigDecimal creditBalance, BigDecimal refundedAmount) {

    static Result of(Invoice i) {
      return new Result(i.invoiceNumber(), i.status().name(), i.openAmount(), i.writtenOffAmount(),
          i.refundableAmount(), i.refundedAmount());
    }
  }

  private final InvoiceService invoices;

  public WriteOffAndRefundController(InvoiceService invoices) {
    this.invoices = invoices;
  }

  @PostMapping("/api/invoices/{invoiceNumber}/refunds")
  public ResponseEntity<Result> refund(@PathVariable String invoiceNumber, @RequestBody RefundRequest request) {
    Invoice invoice = invoices.refund(invoiceNumber, request.amount(), request.reason());
    return ResponseEntity.created(URI.create("/api/invoices/" + invoiceNumber)).body(Result.of(invoice));
  }

  @PostMapping("/api/invoices/{invoiceNumber}/write-offs")
  @Transactional
  public ResponseEntity<Result> writeOff(@PathVariable String invoiceNumber, @RequestBody WriteOffRequest request) {
    Invoice invoice = invoices.lock(invoiceNumber);
    Violations v = new Violations();
    v.text("reason", request.reason(), 500);
    v.throwIfAny();
    if (invoice.status() != InvoiceStatus.CLOSED) {
      throw new ConflictException("Invoice " + invoiceNumber + " is " + invoice.status() + ": only a claim whose "
          + "follow-up has ended (CLOSED) is written off; credit it instead if the customer owes nothing");
    }
    if (invoice.openAmount().signum() == 0) {
      throw new ConflictException("Invoice " + invoiceNumber + " has nothing open to write off");
    }
    Invoice now = invoices.writeOff(invoice, request.reason().strip());
    return ResponseEntity.created(URI.create("/api/invoices/" + invoiceNumber)).body(Result.of(now));
  }
}
