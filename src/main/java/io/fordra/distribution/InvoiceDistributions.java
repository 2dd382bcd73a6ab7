package io.fordra.distribution;

/**
 * Sending one document on its own (process invoice-distribution, business key = invoice number), as the distribution
 * service sees it: its port. {@link EngineInvoiceDistributions} is the adapter to Camunda.
 */
interface InvoiceDistributions {

  /** Sends a document again, outside the invoice's follow-up (a person asked for it); channel null = the usual. */
  void sendAgain(String invoiceNumber, long documentId, int attempt, String requestedChannel);

  /**
   * A sending of the document that has not ended: queued, in its undo window, waiting for a retry or for a case
   * handler. Empty when none is under way.
   */
  java.util.Optional<Sending> underWay(String invoiceNumber, long documentId);

  /**
   * @param attempt which hand-over of the document it is
   * @param at      the names of the steps it is at, e.g. "Add to print batch"
   */
  record Sending(int attempt, String at) {}
}
