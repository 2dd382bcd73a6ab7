package io.fordra.autogiro;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The records of an Autogiro payment file to Bankgirot, as "Bg Autogiro Technical Manual" (Bankgirot, January 2019
 * edition, section 6 "Record and file descriptions, files to Bankgirot": payment initiation TK01/TK82 and
 * cancellation and date amendment TK01/TK23) lays them out: 80 characters a record, ISO-8859-1, each record ended by
 * CR LF; numeric fields right-justified and zero-filled, text fields left-justified and blank-filled.
 *
 * <pre>
 * TK01  1-2 "01"  3-10 date written YYYYMMDD  11-18 "AUTOGIRO"  19-62 blank  63-68 payee's customer number
 *       69-78 payee's bankgiro number  79-80 blank
 * TK82  1-2 "82"  3-10 payment date  11 period code ("0" = once)  12-14 number of self-renewing payments (blank)
 *       15 blank  16-31 payer number  32-43 amount in öre  44-53 payee's bankgiro number  54-69 reference
 *       70-80 blank
 * TK23  1-2 "23"  3-12 payee's bankgiro number  13-28 payer number  29-36 payment date  37-48 amount in öre
 *       49-50 payment type ("82" = withdrawal from the payer)  51-58 new payment date (blank: cancel)
 *       59-74 reference  75-80 blank
 * </pre>
 */
public final class AutogiroPaymentRecords {

  public static final Charset CHARSET = StandardCharsets.ISO_8859_1;
  public static final int LENGTH = 80;
  public static final String END_OF_RECORD = "\r\n";
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private AutogiroPaymentRecords() {}

  /** One payment (TK82) or its cancellation (TK23). */
  public record Order(String payerNumber, LocalDate paymentDate, BigDecimal amount, String reference) {}

  public static String opening(LocalDate written, String customerNumber, String bankgiro) {
    return check("01" + written.format(DATE) + "AUTOGIRO" + " ".repeat(44) + digits(customerNumber, 6,
        "customer number") + digits(bankgiro, 10, "bankgiro number") + "  ");
  }

  public static String payment(Order order, String bankgiro) {
    return check("82" + order.paymentDate().format(DATE) + "0" + "   " + " " + digits(order.payerNumber(), 16,
        "payer number") + ore(order.amount()) + digits(bankgiro, 10, "bankgiro number")
        + text(order.reference(), 16) + " ".repeat(11));
  }

  public static String cancellation(Order order, String bankgiro) {
    return check("23" + digits(bankgiro, 10, "bankgiro number") + digits(order.payerNumber(), 16, "payer number")
        + order.paymentDate().format(DATE) + ore(order.amount()) + "82" + " ".repeat(8) + text(order.reference(), 16)
        + " ".repeat(6));
  }

  /** A whole file: a payment section (TK01 + TK82) and a cancellation section (TK01 + TK23), each if not empty. */
  public static byte[] file(LocalDate written, String customerNumber, String bankgiro, List<Order> payments,
                            List<Order> cancellations) {
    StringBuilder out = new StringBuilder();
    if (!payments.isEmpty()) {
      out.append(opening(written, customerNumber, bankgiro)).append(END_OF_RECORD);
      payments.forEach(p -> out.append(payment(p, bankgiro)).append(END_OF_RECORD));
    }
    if (!cancellations.isEmpty()) {
      out.append(opening(written, customerNumber, bankgiro)).append(END_OF_RECORD);
      cancellations.forEach(c -> out.append(cancellation(c, bankgiro)).append(END_OF_RECORD));
    }
    return out.toString().getBytes(CHARSET);
  }

  /** Whether the payer number fits the file: 1 to 16 digits. */
  public static boolean isPayerNumber(String payerNumber) {
    return payerNumber != null && payerNumber.matches("[0-9]{1,16}");
  }

  /** Whether the reference fits the file: at most 16 characters of ISO-8859-1 (an OCR number fits as digits). */
  public static boolean isReference(String reference) {
    return reference == null || reference.length() <= 16 && CHARSET.newEncoder().canEncode(reference);
  }

  /** The amount in öre, 12 digits; amounts are whole öre (two decimals), never rounded away silently. */
  static String ore(BigDecimal amount) {
    BigDecimal ore = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2);
    if (ore.signum() <= 0 || ore.precision() > 12) {
      throw new IllegalArgumentException("An Autogiro amount is 0.01 to 9 999 999 999.99, not " + amount);
    }
    return String.format("%012d", ore.longValueExact());
  }

  static String digits(String value, int length, String what) {
    String digits = value == null ? "" : value.replace("-", "").replace(" ", "").strip();
    if (!digits.matches("[0-9]{1," + length + "}")) {
      throw new IllegalArgumentException("The " + what + " must be 1 to " + length + " digits, not '" + value + "'");
    }
    return "0".repeat(length - digits.length()) + digits;
  }

  static String text(String value, int length) {
    String text = value == null ? "" : value.strip();
    if (text.length() > length) {
      throw new IllegalArgumentException("'" + value + "' is longer than " + length + " characters");
    }
    return text + " ".repeat(length - text.length());
  }

  private static String check(String record) {
    if (record.length() != LENGTH) {
      throw new IllegalStateException("An Autogiro record is " + LENGTH + " characters, not " + record.length());
    }
    return record;
  }
}
