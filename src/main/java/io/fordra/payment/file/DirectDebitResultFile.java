package io.fordra.payment.file;

import java.util.List;

/**
 * A bank's result file of direct debits (Autogiro's payment specification): received like every payment file, its
 * successful debits are payments to book; what it says about the debit orders (failed, debited) is acted on once,
 * when the file is received the first time, in the same transaction.
 */
public interface DirectDebitResultFile {

  /** Whether the file that starts so (its first 80 characters, ISO-8859-1) is one this reader reads. */
  boolean reads(String head);

  /** The file's successful debits as payments, or PaymentFileRejected with every problem; content alone counts. */
  ParsedPaymentFile read(byte[] content);

  /** Acts on the orders the file reports; returns remarks for the file's summary (e.g. a result for no order). */
  List<String> received(byte[] content);
}
