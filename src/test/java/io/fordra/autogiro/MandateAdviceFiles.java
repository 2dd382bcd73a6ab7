package io.fordra.autogiro;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Mandate advice files as Bankgirot writes them (new layout), for tests; the records laid out by hand. */
final class MandateAdviceFiles {

  static final String BANKGIRO = "0050501055";

  private MandateAdviceFiles() {}

  static String opening(String date) {
    return "01AUTOGIRO" + " ".repeat(14) + date + " ".repeat(12) + pad("AG-MEDAVI", 20) + "471117" + BANKGIRO;
  }

  static String tk73(String payerNumber, String account, String id, String info, String comment, String date) {
    return "73" + BANKGIRO + zeros(payerNumber, 16) + (account == null ? " ".repeat(16) : zeros(account, 16))
        + (id == null ? " ".repeat(12) : zeros(id, 12)) + " ".repeat(5) + info + comment + date + " ".repeat(7);
  }

  static String end(String date, int count) {
    return "09" + date + "9900" + zeros(String.valueOf(count), 7) + " ".repeat(59);
  }

  static byte[] file(List<String> records) {
    return (String.join("\r\n", records) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A whole file: the opening, the TK73 records and the end record with their count. */
  static byte[] advice(String... tk73) {
    List<String> records = new java.util.ArrayList<>();
    records.add(opening("20260303"));
    records.addAll(List.of(tk73));
    records.add(end("20260303", tk73.length));
    return file(records);
  }

  private static String zeros(String digits, int width) {
    return "0".repeat(width - digits.length()) + digits;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
