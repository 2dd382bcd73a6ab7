package io.fordra.autogiro;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a mandate file to Bankgirot as "Bg Autogiro technical manual" (Bankgirot, the current "new" file layout,
 * chapter "Record descriptions, mandate file (TK01 and TK03-TK05)") lays it out: records of exactly 80 characters,
 * ISO-8859-1, each ended by CR LF; numeric fields right-aligned and zero-filled, reserved fields blank.
 *
 * <pre>
 * TK01 opening    1-2 "01", 3-10 date written YYYYMMDD, 11-18 "AUTOGIRO", 19-62 blank,
 *                 63-68 payee's Bankgirot customer number, 69-78 payee's bankgiro number, 79-80 blank
 * TK03 cancel     1-2 "03", 3-12 payee's bankgiro number, 13-28 payer number, 29-80 blank
 * TK04 new        1-2 "04", 3-12 payee's bankgiro number, 13-28 payer number, 29-44 payer's account (clearing 4 +
 *                 account 12; bankgiro: 9900 + number), 45-56 payer's personnummer YYYYMMDDNNNN or 00 + orgnr,
 *                 57-76 blank, 77-78 blank ("AV" only when refusing an internet-bank mandate), 79-80 blank
 * </pre>
 */
final class MandateFileWriter {

  static final int RECORD_LENGTH = 80;
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** One record after the opening: a new mandate (TK04) or a cancellation (TK03). */
  record Entry(Mandate.PendingAction action, String payerNumber, String account, String payerId) {}

  private MandateFileWriter() {}

  static byte[] write(LocalDate written, String customerNumber, String bankgiroDigits, List<Entry> entries) {
    StringBuilder file = new StringBuilder();
    line(file, "01" + DATE.format(written) + "AUTOGIRO" + blank(44) + digits(customerNumber, 6)
        + digits(bankgiroDigits, 10) + blank(2));
    String bankgiro = digits(bankgiroDigits, 10);
    for (Entry e : entries) {
      switch (e.action()) {
        case CANCEL -> line(file, "03" + bankgiro + digits(e.payerNumber(), 16) + blank(52));
        case NEW -> line(file, "04" + bankgiro + digits(e.payerNumber(), 16) + digits(e.account(), 16)
            + digits(e.payerId(), 12) + blank(20) + blank(2) + blank(2));
      }
    }
    return file.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void line(StringBuilder file, String record) {
    if (record.length() != RECORD_LENGTH) {
      throw new IllegalStateException("An Autogiro record is 80 characters, not " + record.length() + ": " + record);
    }
    file.append(record).append("\r\n");
  }

  /** A numeric field: the digits right-aligned and zero-filled to the width (refused when they do not fit). */
  static String digits(String value, int width) {
    if (value == null || !value.matches("\\d{1," + width + "}")) {
      throw new IllegalArgumentException("Not a numeric field of at most " + width + " digits: " + value);
    }
    return "0".repeat(width - value.length()) + value;
  }

  private static String blank(int width) {
    return " ".repeat(width);
  }
}
