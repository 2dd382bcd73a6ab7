package io.fordra.invoice;

/** Published (in the closing transaction) when an invoice becomes PAID, CREDITED or CLOSED. */
public record InvoiceClosed(Invoice invoice, InvoiceStatus status) {}
