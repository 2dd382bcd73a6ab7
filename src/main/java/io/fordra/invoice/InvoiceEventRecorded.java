package io.fordra.invoice;

import java.time.Instant;

/** An invoice event just stored (fordra_invoice_event.id = eventId), as InvoiceEventLog hears of it. */
public record InvoiceEventRecorded(long eventId, long invoiceId, InvoiceEventType type, Instant occurredAt) {}
