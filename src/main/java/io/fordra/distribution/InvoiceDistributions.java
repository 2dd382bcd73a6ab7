package io.fordra.distribution;

/**
 * Sending one document on its own (process invoice-distribution, business key = invoice number), as the distribution
 * service sees it: its port. {@link EngineInvoiceDistributions} is the adapter to Camunda.
 */
interface InvoiceDistributions {

  /** Sends a document again, outside the invoice's follow-up (a person asked for it); channel null = the usual. */
  void sendAgain(String invoiceNumber, long documentId, int attempt, String requestedChannel);
}
