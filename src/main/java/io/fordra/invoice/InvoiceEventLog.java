package io.fordra.invoice;

/**
 * Told of every invoice event in the transaction that records it, on the same connection: what it writes commits or
 * rolls back with the event (webhook.EventOutbox writes the events outbox). A port, like Bookkeeping: the invoice
 * package does not know who listens.
 */
public interface InvoiceEventLog {

  void recorded(InvoiceEventRecorded event);
}
