package io.fordra.payment.file;

/** A reader of an XML payment file format (ISO 20022 camt.054); BgMax has its own reader. */
interface PaymentFileReader {

  /** The file's payments, or PaymentFileRejected with every problem. */
  ParsedPaymentFile read(byte[] content);
}
