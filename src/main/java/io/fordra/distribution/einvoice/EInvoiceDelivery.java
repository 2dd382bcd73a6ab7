package io.fordra.distribution.einvoice;

/**
 * An e-invoice handed over: the receiver's PEPPOL endpoint ("0007:5567788990"), the file written to the outbox and
 * the UBL kept in the invoice hotel as a rendition of the letter.
 */
public record EInvoiceDelivery(String endpoint, String fileName, long renditionId) {}
