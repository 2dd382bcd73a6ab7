package io.fordra.invoice.file;

/** The invoice-file-import process as the invoice-file service sees it (its port); the adapter is the engine's. */
interface InvoiceFileImports {

  /** Starts the import of a received and staged file. */
  void start(long invoiceFileId, boolean allOrNothing);
}
