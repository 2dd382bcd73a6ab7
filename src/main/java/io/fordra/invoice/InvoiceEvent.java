package io.fordra.invoice;

import java.time.Instant;

/** One entry of an invoice's history (GET /api/invoices/{n} events). */
public record InvoiceEvent(Instant at, InvoiceEventType type, String channel, String recipient, String message) {

  public static InvoiceEvent of(InvoiceEventType type, String message) {
    return new InvoiceEvent(null, type, null, null, message);
  }

  public InvoiceEvent via(String channel, String recipient) {
    return new InvoiceEvent(at, type, channel, recipient, message);
  }
}
