package io.fordra.payment.file;

/** The payment-file-import process as the payment-file service sees it (its port); the adapter is the engine's. */
interface PaymentFileImports {

  /** Starts booking a received file, from its first payment. */
  void start(long paymentFileId);
}
