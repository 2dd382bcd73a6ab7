package io.fordra.autogiro;

import io.fordra.kernel.FileRejected.Problem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Bankgirot's mandate advice file (medgivandeavisering) as "Bg Autogiro technical manual" lays it out (chapter
 * "Mandate advice": TK01, TK73 … and TK09), ISO-8859-1, 80-character records. Both openings still in use are read:
 *
 * <pre>
 * TK01 (new)  1-2 "01", 3-10 "AUTOGIRO", 11-24 blank, 25-32 date written, 33-44 blank, 45-64 "AG-MEDAVI",
 *             65-70 payee's customer number, 71-80 payee's bankgiro number
 * TK01 (old)  1-2 "01", 3-10 date written, 11-14 "9900", 15-24 payee's bankgiro number, 25-… "AG-MEDAVI"
 * TK73        1-2 "73", 3-12 payee's bankgiro number, 13-28 payer number, 29-44 payer's account (clearing +
 *             account), 45-56 personnummer/organisationsnummer, 57-61 blank, 62-63 information code,
 *             64-65 comment code, 66-73 date of the change, 74-80 blank (old layout: a valid-from date)
 * TK09        1-2 "09", 3-10 date written, 11-14 "9900", 15-21 number of TK73 records, 22-80 blank
 * </pre>
 *
 * Liberal where harmless: CR LF or LF, a record shortened by trailing blanks, blank lines at the end. The file is
 * refused whole only when it is not a mandate advice or is corrupt: no opening, no end record (truncated), a count
 * that does not match, an unknown record type or records after the end. A TK73 that cannot be read is kept aside.
 */
final class MandateAdviceReader {

  static final String LAYOUT = "AG-MEDAVI";
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** One TK73; problem is why it cannot be applied (then the other fields may be null). */
  record Advice(int lineNo, String payeeBankgiro, String payerNumber, String account, String payerId,
                String information, String comment, LocalDate date, String problem) {}

  record ParsedAdvice(LocalDate written, String payeeCustomerNumber, String payeeBankgiro, List<Advice> records) {}

  private MandateAdviceReader() {}

  /** Whether the content begins like a mandate advice file (its opening names the layout AG-MEDAVI). */
  static boolean looksLikeMandateAdvice(byte[] content) {
    String start = new String(content, 0, Math.min(content.length, 82), StandardCharsets.ISO_8859_1);
    return start.startsWith("01") && start.lines().findFirst().orElse("").contains(LAYOUT);
  }

  static ParsedAdvice read(byte[] content) {
    List<Problem> problems = new ArrayList<>();
    String text = new String(content, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>(text.lines().toList());
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new MandateAdviceRejected(List.of(new Problem("file", "is empty")));
    }
    String opening = record(lines.get(0), 1, problems);
    LocalDate written = null;
    String customerNumber = null;
    String bankgiro = null;
    if (!opening.startsWith("01") || !opening.contains(LAYOUT)) {
      problems.add(new Problem("line 1", "is not the opening record of a mandate advice (TK01 with layout "
          + LAYOUT + ")"));
    } else if (opening.startsWith("01AUTOGIRO")) {
      written = date(opening.substring(24, 32), "line 1", "date written (positions 25-32)", problems);
      customerNumber = opening.substring(64, 70).strip();
      bankgiro = stripZeros(opening.substring(70, 80));
    } else {
      written = date(opening.substring(2, 10), "line 1", "date written (positions 3-10)", problems);
      bankgiro = stripZeros(opening.substring(14, 24));
    }
    List<Advice> records = new ArrayList<>();
    Integer endAt = null;
    for (int i = 1; i < lines.size(); i++) {
      int lineNo = i + 1;
      String r = record(lines.get(i), lineNo, problems);
      if (endAt != null) {
        problems.add(new Problem("line " + lineNo, "comes after the end record TK09 (line " + endAt + ")"));
        break;
      }
      switch (r.substring(0, 2)) {
        case "73" -> records.add(advice(r, lineNo));
        case "09" -> {
          endAt = lineNo;
          String count = r.substring(14, 21);
          if (!count.matches("\\d{7}")) {
            problems.add(new Problem("line " + lineNo, "the number of TK73 records (positions 15-21) is not "
                + "7 digits: '" + count + "'"));
          } else if (Integer.parseInt(count) != records.size()) {
            problems.add(new Problem("line " + lineNo, "the end record counts " + Integer.parseInt(count)
                + " TK73 records, the file has " + records.size()));
          }
        }
        default -> problems.add(new Problem("line " + lineNo, "record type '" + r.substring(0, 2)
            + "' is not one a mandate advice has (TK01, TK73, TK09)"));
      }
    }
    if (endAt == null) {
      problems.add(new Problem("file", "has no end record TK09: the file is truncated"));
    }
    if (!problems.isEmpty()) {
      throw new MandateAdviceRejected(problems);
    }
    return new ParsedAdvice(written, customerNumber, bankgiro, List.copyOf(records));
  }

  private static Advice advice(String r, int lineNo) {
    String payee = r.substring(2, 12);
    String payer = r.substring(12, 28).strip();
    String account = r.substring(28, 44).strip();
    String id = r.substring(44, 56).strip();
    String information = r.substring(61, 63);
    String comment = r.substring(63, 65).strip();
    String problem = null;
    LocalDate date = null;
    if (!payer.matches("\\d{1,16}") || payer.matches("0+")) {
      problem = "the payer number (positions 13-28) is not 1-16 digits: '" + payer + "'";
    } else if (!payee.matches("\\d{10}")) {
      problem = "the payee's bankgiro number (positions 3-12) is not 10 digits: '" + payee + "'";
    } else if (!information.matches("\\d{2}")) {
      problem = "the information code (positions 62-63) is not 2 digits: '" + information + "'";
    } else {
      try {
        date = LocalDate.parse(r.substring(65, 73), DATE);
      } catch (DateTimeParseException e) {
        date = null;   // the date only dates the event: a blank one does not keep the advice from being applied
      }
    }
    return new Advice(lineNo, problem == null ? stripZeros(payee) : null, problem == null ? stripZeros(payer) : payer,
        account.isEmpty() || account.matches("0+") ? null : account, id.isEmpty() || id.matches("0+") ? null : id,
        information, comment.isEmpty() ? null : comment, date, problem);
  }

  /** The line as an 80-character record: blanks that a transfer cut off are put back; more is a problem. */
  private static String record(String line, int lineNo, List<Problem> problems) {
    if (line.length() > MandateFileWriter.RECORD_LENGTH && !line.substring(MandateFileWriter.RECORD_LENGTH).isBlank()) {
      problems.add(new Problem("line " + lineNo, "is " + line.length() + " characters; an Autogiro record has 80"));
    }
    String padded = line.length() >= 80 ? line.substring(0, 80) : line + " ".repeat(80 - line.length());
    return padded;
  }

  private static LocalDate date(String value, String where, String what, List<Problem> problems) {
    try {
      return LocalDate.parse(value, DATE);
    } catch (DateTimeParseException e) {
      problems.add(new Problem(where, what + " is not a date YYYYMMDD: '" + value + "'"));
      return null;
    }
  }

  static String stripZeros(String digits) {
    String s = digits.strip().replaceFirst("^0+(?=.)", "");
    return s;
  }
}
