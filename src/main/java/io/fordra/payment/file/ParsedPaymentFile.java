package io.fordra.payment.file;

import java.math.BigDecimal;
import java.util.List;

/**
 * A payment file that parsed and passed its own checks (record counts, control sums): its payments in file order.
 *
 * @param format   BGMAX or CAMT054
 * @param account  the receiving account the file is about (bankgiro number, IBAN), if the file says
 * @param payments the payments, in file order
 * @param total    the sum of the payments' amounts (what the file's own control total says)
 */
public record ParsedPaymentFile(Format format, String account, List<BankPayment> payments, BigDecimal total) {

  public enum Format { BGMAX, CAMT054 }

  public ParsedPaymentFile {
    payments = List.copyOf(payments);
  }
}
