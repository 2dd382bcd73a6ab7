package io.fordra.invoice;

import java.time.Instant;

/** Published in the recording transaction when an invoice event is stored (fordra_invoice_event.id = eventId). */
public record InvoiceEventRecorded(long eventId, long invoiceId, InvoiceEventType type, Instant occurredAt) {}
