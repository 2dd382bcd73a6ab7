package io.fordra.avtalegiro;

import io.fordra.kernel.FileRejected.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the AvtaleGiro agreement information Nets sends the payee ("Oversikt egne kunders faste betalingsoppdrag"):
 * Nets' "AvtaleGiro Systemspesifikasjon" v2.9 (December 2016), chapter "Forsendelse til betalingsmottaker". A Nets
 * transmission in the OCR giro record format: ISO-8859-1, records of 80 characters, NY + service code + type +
 * record type.
 *
 * <ul>
 *   <li>NY000010 start of transmission; NY000089 end of transmission: number of transactions (9-16), of records
 *       including the 10 and 89 (17-24), sum of amounts (25-41).</li>
 *   <li>NY212420 start of an agreement assignment: assignment number (18-24), assignment account (25-35).</li>
 *   <li>NY219470 one agreement ("fast betalingsoppdrag"): transaction number (9-15), registration type (16: 0 one of
 *       all active agreements, 1 new or changed, 2 deleted), KID (17-41, right-aligned), "ønsker skriftlig varsel"
 *       (42: J the payer wants the bank's notice of each claim, N not).</li>
 *   <li>NY212488 end of the assignment: number of transactions (9-16) and of records including its 20 and 88
 *       (17-24).</li>
 * </ul>
 *
 * <p>Refused whole only where corrupt: not starting with NY000010, no 89 at the end (cut short) or records after it,
 * a record cut short or not NY, counts in the 88 or 89 that differ from the file, an agreement record with a
 * registration type, KID or flag the specification does not allow. Other assignments of the same transmission (OCR
 * giro payments, service code 09; AvtaleGiro claims) are counted for the end record and otherwise left to the
 * payments inbox.
 */
final class AgreementFileReader {

  static final int RECORD_LENGTH = 80;

  /** One agreement record. */
  record Agreement(int line, char registrationType, String kid, boolean bankNotifies) {}

  /** What the file says: its agreements in file order. */
  record AgreementFile(List<Agreement> agreements, List<String> remarks) {}

  AgreementFile read(byte[] content) {
    List<String> lines = new ArrayList<>(List.of(new String(content, StandardCharsets.ISO_8859_1)
        .replaceFirst("^(\uFEFF|\u00EF\u00BB\u00BF)", "").split("\r\n|\n|\r", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    List<String> remarks = new ArrayList<>();
    if (lines.size() == 1 && lines.get(0).length() > RECORD_LENGTH && lines.get(0).length() % RECORD_LENGTH == 0) {
      String one = lines.remove(0);
      for (int i = 0; i < one.length(); i += RECORD_LENGTH) {
        lines.add(one.substring(i, i + RECORD_LENGTH));
      }
      remarks.add("The file has no line breaks: read as records of " + RECORD_LENGTH + " characters");
    }
    List<Problem> problems = new ArrayList<>();
    List<Agreement> agreements = new ArrayList<>();
    int records = 0;
    int transactions = 0;
    long sum = 0;
    long signedSum = 0;
    int assignmentLine = 0;
    String assignmentKind = null;
    int assignmentRecords = 0;
    int assignmentTransactions = 0;
    int endLine = 0;
    int otherAssignments = 0;
    for (int i = 0; i < lines.size(); i++) {
      int line = i + 1;
      String raw = lines.get(i);
      if (raw.length() > RECORD_LENGTH || raw.length() < RECORD_LENGTH && (raw.isBlank() || raw.endsWith(" "))) {
        problems.add(new Problem("line " + line, "record is " + raw.length() + " characters long, expected "
            + RECORD_LENGTH));
        continue;
      }
      String rec = raw + " ".repeat(RECORD_LENGTH - raw.length());
      if (!rec.startsWith("NY")) {
        problems.add(new Problem("line " + line, "format code is '" + rec.substring(0, 2) + "', expected NY"));
        continue;
      }
      if (endLine != 0) {
        problems.add(new Problem("line " + line, "record after the end of transmission (89) on line " + endLine));
        continue;
      }
      if (line == 1 && !rec.startsWith("NY000010")) {
        problems.add(new Problem("line 1", "the first record must be the start of transmission NY000010, found '"
            + rec.substring(0, 8) + "'"));
      }
      records++;
      String recordType = rec.substring(6, 8);
      switch (recordType) {
        case "10" -> {
          if (line != 1) {
            problems.add(new Problem("line " + line, "a start of transmission (10) is only allowed first"));
          }
        }
        case "20" -> {
          if (assignmentLine != 0) {
            problems.add(new Problem("line " + line, "start of assignment, but the assignment from line "
                + assignmentLine + " has no end record (88)"));
          }
          assignmentLine = line;
          assignmentKind = rec.substring(2, 6);
          assignmentRecords = 1;
          assignmentTransactions = 0;
          if (!assignmentKind.equals("2124")) {
            otherAssignments++;
          }
        }
        case "88" -> {
          if (assignmentLine == 0) {
            problems.add(new Problem("line " + line, "end of assignment (88) without its start (20)"));
            break;
          }
          assignmentRecords++;
          compare(problems, line, rec, 9, 16, "transactions", assignmentTransactions, assignmentLine);
          compare(problems, line, rec, 17, 24, "records", assignmentRecords, assignmentLine);
          transactions += assignmentTransactions;
          assignmentLine = 0;
        }
        case "89" -> {
          endLine = line;
          if (assignmentLine != 0) {
            problems.add(new Problem("line " + assignmentLine, "the assignment started here has no end record (88)"));
          }
          compare(problems, line, rec, 9, 16, "transactions", transactions, 0);
          compare(problems, line, rec, 17, 24, "records", records, 0);
          String stated = rec.substring(24, 41);
          if (!digits(stated) || Long.parseLong(stated) != sum && Long.parseLong(stated) != signedSum) {
            problems.add(new Problem("line " + line, "end record says the amounts sum to '" + stated + "' øre, the "
                + "file's amount items sum to " + sum));
          }
        }
        default -> {
          if (assignmentLine == 0) {
            problems.add(new Problem("line " + line, "record type " + recordType + " outside an assignment"));
            break;
          }
          assignmentRecords++;
          if (recordType.equals("30")) {
            assignmentTransactions++;
            String amount = rec.substring(32, 49);
            if (digits(amount)) {
              sum += Long.parseLong(amount);
              signedSum += rec.charAt(31) == '-' ? -Long.parseLong(amount) : Long.parseLong(amount);
            }
          } else if (recordType.equals("70") && assignmentKind.equals("2124")) {
            assignmentTransactions++;
            agreement(problems, agreements, line, rec);
          }
        }
      }
    }
    if (endLine == 0) {
      problems.add(new Problem("line " + Math.max(1, lines.size()), "the last record must be the end of "
          + "transmission (NY000089): the file is cut short"));
    }
    if (!problems.isEmpty()) {
      throw new AgreementFileRejected(problems);
    }
    if (otherAssignments > 0) {
      remarks.add(otherAssignments + " assignment(s) that are not agreement information (payments, claims): read "
          + "from the payments inbox");
    }
    return new AgreementFile(agreements, remarks);
  }

  private static void agreement(List<Problem> problems, List<Agreement> agreements, int line, String rec) {
    char type = rec.charAt(15);
    String kid = rec.substring(16, 41).strip();
    char flag = rec.charAt(41);
    if (type != '0' && type != '1' && type != '2') {
      problems.add(new Problem("line " + line, "registration type (position 16) is '" + type + "', expected 0 (all "
          + "agreements), 1 (new or changed) or 2 (deleted)"));
    }
    if (kid.isEmpty() || !kid.matches("\\d{1,24}[\\d-]")) {
      problems.add(new Problem("line " + line, "KID (positions 17-41) is '" + kid + "', expected up to 25 digits"));
    }
    if (flag != 'J' && flag != 'N') {
      problems.add(new Problem("line " + line, "notification flag (position 42) is '" + flag + "', expected J or N"));
    }
    agreements.add(new Agreement(line, type, kid, flag == 'J'));
  }

  private static void compare(List<Problem> problems, int line, String rec, int from, int to, String what,
                              int actual, int assignmentLine) {
    String value = rec.substring(from - 1, to);
    String where = assignmentLine == 0 ? "the file" : "the assignment from line " + assignmentLine;
    if (!digits(value)) {
      problems.add(new Problem("line " + line, "number of " + what + " (positions " + from + "-" + to + ") is '"
          + value + "', expected digits"));
    } else if (Long.parseLong(value) != actual) {
      problems.add(new Problem("line " + line, "end record says " + Long.parseLong(value) + " " + what + ", "
          + where + " has " + actual));
    }
  }

  private static boolean digits(String value) {
    return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
