package io.fordra.payment.file;

import io.fordra.kernel.FileRejected.Problem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Nets OCR giro transmission ("konteringsdata OCR", the file of incoming KID payments): Nets' "OCR giro –
 * Systemspesifikasjon" (format "NY", the record layouts of its chapter on data from Nets to the payee, v4.x), which
 * the AvtaleGiro system specification (v2.9) reuses for its "Konteringsdata OCR fra Nets til betalingsmottaker".
 * ISO-8859-1, records of 80 characters, LF or CRLF.
 *
 * <p>Records: format code NY (1-2), service code (3-4: 00 transmission, 09 OCR giro, 21 AvtaleGiro), transaction
 * or assignment type (5-6), record type (7-8): 10 start of transmission, 20 start of assignment, 30/31 amount item
 * 1 and 2 of each transaction, 32 amount item 3 (a free-text message, transaction types 20 and 21), 88 end of
 * assignment, 89 end of transmission. Fields used:
 * <ul>
 *   <li>20: agreement id (9-17), assignment number (18-24), assignment account, the account paid to (25-35);</li>
 *   <li>30: transaction number (9-15), settlement date DDMMYY (16-21), centre id, day code, partial settlement and
 *       serial number (22-31), sign (32, "-" for a reversal), amount in øre (33-49), KID right-aligned (50-74);</li>
 *   <li>31: form number (16-25), archive reference (26-34), the date the payer's bank took the order (42-47), the
 *       debited account (48-58);</li>
 *   <li>32: message (16-55);</li>
 *   <li>88: number of transactions (9-16), number of records including its own 20 and 88 (17-24), sum of amounts
 *       in øre (25-41), settlement date, first and last settlement date (42-59);</li>
 *   <li>89: the same counts and sum for the whole transmission, records including its 10 and 89.</li>
 * </ul>
 *
 * <p>Refused whole ({@link PaymentFileRejected}, every problem with its line) only where corrupt: not starting with
 * a 10, no 89 at the end (truncated) or records after it, a record that is not NY or not 80 characters (cut short),
 * an unknown record type, a 30 without its 31, an invalid amount or settlement date, an assignment without its 88,
 * and end records whose counts or sums differ from what the file holds.
 *
 * <p>Read liberally, with a remark: every OCR giro transaction type (10 giro debited account, 11 standing order, 12
 * direct remittance, 13 business terminal giro, 14 counter giro, 15 AvtaleGiro, 16 telegiro, 17 cash, 18/20 online
 * bank reversal, 19/21 online bank purchase) and one Nets may add later; blank optional fields (KID, archive
 * reference, debited account, bank date); a record whose trailing blanks were trimmed; end-record sums that count
 * reversals as positive; AvtaleGiro assignments (service code 21) in the same transmission: not payments here,
 * counted in the transmission's totals and left to the AvtaleGiro agreement inbox.
 *
 * <p>Mapping: bank transaction id "NETS" + agreement id + "-" + assignment number + "-" + transaction number (what
 * Nets numbers uniquely per agreement; the same transaction sent again has the same id), + "-" + archive reference
 * where the bank gives one; amount in kroner with scale 2, negative for a reversal; currency NOK; booking date the
 * settlement date (oppgjørsdato); reference the KID without its padding; remittance text the 32 message; payer
 * account the debited account as 1234.56.78903. The account of the file is the first OCR assignment's account.
 */
final class OcrGiroReader {

  static final int RECORD_LENGTH = 80;
  static final String SERVICE_OCR = "09";
  static final String SERVICE_AVTALEGIRO = "21";
  /**
   * Where each record type's last field ends (1-based): after it only filler follows, which some banks write as blanks
   * and trim. 32's message may end in blanks itself.
   */
  private static final java.util.Map<String, Integer> LAST_FIELD_ENDS = java.util.Map.of(
      "10", 31, "20", 35, "30", 74, "31", 58, "32", 15, "88", 59, "89", 47);
  private static final String SHORT = "Shorter than 80 characters, trailing blanks trimmed (read as if padded)";

  public ParsedPaymentFile read(byte[] content) {
    return new Parse(new String(content, StandardCharsets.ISO_8859_1)).run();
  }

  /** An account number of 11 digits as Norwegians write it: 1234.56.78903. */
  static String account(String digits) {
    return digits.substring(0, 4) + "." + digits.substring(4, 6) + "." + digits.substring(6);
  }

  /** A DDMMYY date of Nets (years 2000-2099), or null if it is not one. */
  static LocalDate date(String ddmmyy) {
    if (!digits(ddmmyy) || ddmmyy.length() != 6) {
      return null;
    }
    try {
      return LocalDate.of(2000 + Integer.parseInt(ddmmyy.substring(4, 6)), Integer.parseInt(ddmmyy.substring(2, 4)),
          Integer.parseInt(ddmmyy.substring(0, 2)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  static boolean digits(String value) {
    return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** One record: its line and its 80 characters; fields by the specification's 1-based inclusive positions. */
  private record Rec(int line, String text) {
    String field(int from, int to) {
      return text.substring(from - 1, to);
    }

    String service() {
      return field(3, 4);
    }

    String type() {
      return field(5, 6);
    }

    String recordType() {
      return field(7, 8);
    }
  }

  /** A transaction being read: its 30, then its 31 and perhaps 32. */
  private static final class Transaction {
    final int line;
    final String type;
    final String number;
    final long signedOre;
    final LocalDate settlement;
    final String kid;
    String archiveReference;
    String debitAccount;
    String message;
    boolean hasItem2;

    Transaction(int line, String type, String number, long signedOre, LocalDate settlement, String kid) {
      this.line = line;
      this.type = type;
      this.number = number;
      this.signedOre = signedOre;
      this.settlement = settlement;
      this.kid = kid;
    }
  }

  /** An assignment (20 .. 88). */
  private static final class Assignment {
    final int line;
    final String service;
    final String agreementId;
    final String number;
    final String account;
    int records = 1;
    int transactions;
    long signedOre;
    long unsignedOre;
    final List<Transaction> read = new ArrayList<>();

    Assignment(int line, String service, String agreementId, String number, String account) {
      this.line = line;
      this.service = service;
      this.agreementId = agreementId;
      this.number = number;
      this.account = account;
    }
  }

  private static final class Parse {
    private final List<String> lines;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> remarks = new ArrayList<>();
    private final List<Integer> shortLines = new ArrayList<>();
    private final Set<String> otherTypes = new java.util.TreeSet<>();
    private final List<Transaction> accepted = new ArrayList<>();
    private final Map<Transaction, Assignment> assignmentOf = new LinkedHashMap<>();
    private Assignment assignment;
    private Transaction transaction;
    private String account;
    private int endLine;
    private int records;
    private int transactions;
    private long signedOre;
    private long unsignedOre;
    private int avtaleGiroAssignments;
    private boolean unsignedSumsUsed;

    Parse(String text) {
      // a byte order mark (as UTF-8 read as ISO-8859-1, or decoded) that an editor added is not part of the file
      String body = text.replaceFirst("^(\uFEFF|\u00EF\u00BB\u00BF)", "");
      List<String> all = new ArrayList<>(List.of(body.split("\r\n|\n|\r", -1)));
      while (!all.isEmpty() && all.get(all.size() - 1).isBlank()) {
        all.remove(all.size() - 1);
      }
      if (all.size() == 1 && all.get(0).length() > RECORD_LENGTH && all.get(0).length() % RECORD_LENGTH == 0) {
        String one = all.remove(0);
        for (int i = 0; i < one.length(); i += RECORD_LENGTH) {
          all.add(one.substring(i, i + RECORD_LENGTH));
        }
        remarks.add("The file has no line breaks: read as records of " + RECORD_LENGTH + " characters");
      }
      this.lines = all;
    }

    ParsedPaymentFile run() {
      if (lines.isEmpty()) {
        throw new PaymentFileRejected("line 1", "the file is empty: an OCR giro file has at least a start (10) and "
            + "an end (89) record of transmission");
      }
      for (int i = 0; i < lines.size(); i++) {
        read(i + 1, lines.get(i));
      }
      if (endLine == 0) {
        if (assignment != null) {
          problem(assignment.line, "the assignment started here has no end record (88): the file is cut short");
        }
        problem(lines.size(), "the last record must be the end of transmission (NY000089): the file is cut short");
      }
      if (!problems.isEmpty()) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(p -> Integer.parseInt(p.location().substring(5))));
        throw new PaymentFileRejected(sorted);
      }
      if (!shortLines.isEmpty()) {
        remarks.add(SHORT + ": " + lineList(shortLines));
      }
      if (!otherTypes.isEmpty()) {
        remarks.add("Transaction types not in the specification read as payments: " + String.join(", ", otherTypes));
      }
      if (unsignedSumsUsed) {
        remarks.add("The end records' sums count reversals as positive amounts");
      }
      if (avtaleGiroAssignments > 0) {
        remarks.add(avtaleGiroAssignments + " AvtaleGiro assignment(s) (service code 21) are not payments: they are "
            + "read from the AvtaleGiro inbox (fordra.avtalegiro.inbox)");
      }
      List<BankPayment> payments = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (Transaction t : accepted) {
        Assignment a = assignmentOf.get(t);
        String id = "NETS" + a.agreementId + "-" + a.number + "-" + t.number
            + (t.archiveReference == null ? "" : "-" + t.archiveReference);
        if (!ids.add(id)) {
          throw new PaymentFileRejected("line " + t.line, "transaction number " + t.number + " is given twice in "
              + "the assignment from line " + a.line);
        }
        payments.add(new BankPayment(id, BigDecimal.valueOf(t.signedOre, 2), "NOK", t.settlement,
            t.kid == null ? List.of() : List.of(t.kid), t.message, null, null, "line " + t.line,
            t.debitAccount == null ? null : account(t.debitAccount)));
      }
      BigDecimal total = payments.stream().map(BankPayment::amount)
          .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
      return new ParsedPaymentFile(ParsedPaymentFile.Format.OCR_GIRO, account, payments, total, List.of(), remarks);
    }

    private void read(int line, String raw) {
      if (raw.isBlank()) {
        problem(line, "blank line inside the file: every record is " + RECORD_LENGTH + " characters");
        return;
      }
      if (raw.length() > RECORD_LENGTH || raw.length() < RECORD_LENGTH && raw.endsWith(" ")) {
        problem(line, "record is " + raw.length() + " characters long, expected " + RECORD_LENGTH);
        return;
      }
      Rec rec = new Rec(line, raw.length() == RECORD_LENGTH ? raw : raw + " ".repeat(RECORD_LENGTH - raw.length()));
      if (!rec.field(1, 2).equals("NY")) {
        problem(line, "format code is '" + rec.field(1, 2) + "', expected NY");
        return;
      }
      if (raw.length() < RECORD_LENGTH) {
        // Only the filler after a record's last field may have been trimmed; shorter, a field was cut off.
        int lastField = LAST_FIELD_ENDS.getOrDefault(rec.field(7, 8), RECORD_LENGTH);
        if (raw.length() < lastField) {
          problem(line, "record cut short: " + raw.length() + " characters, but record type " + rec.field(7, 8)
              + " has fields up to position " + lastField + " (of " + RECORD_LENGTH + ")");
          return;
        }
        shortLines.add(line);
      }
      if (endLine != 0) {
        problem(line, "record after the end of transmission (89) on line " + endLine);
        return;
      }
      if (line == 1 && !rec.field(1, 8).equals("NY000010")) {
        problem(line, "the first record must be the start of transmission NY000010, found '" + rec.field(1, 8) + "'");
      }
      records++;
      switch (rec.recordType()) {
        case "10" -> {
          if (line != 1) {
            problem(line, "a start of transmission (10) is only allowed as the first record");
          }
        }
        case "20" -> startAssignment(rec);
        case "30" -> item1(rec);
        case "31" -> item2(rec);
        case "32" -> item3(rec);
        case "88" -> endAssignment(rec);
        case "89" -> endTransmission(rec);
        default -> inAvtaleGiroAssignment(rec);
      }
    }

    private void startAssignment(Rec rec) {
      if (assignment != null) {
        problem(rec.line(), "start of assignment, but the assignment from line " + assignment.line
            + " has no end record (88)");
      }
      transaction = null;
      String service = rec.service();
      if (!service.equals(SERVICE_OCR) && !service.equals(SERVICE_AVTALEGIRO)) {
        problem(rec.line(), "service code '" + service + "', expected 09 (OCR giro) or 21 (AvtaleGiro)");
      }
      String agreement = rec.field(9, 17);
      String number = rec.field(18, 24);
      String account = rec.field(25, 35);
      if (service.equals(SERVICE_OCR)) {
        numeric(rec, 9, 17, "agreement id");
        numeric(rec, 18, 24, "assignment number");
        numeric(rec, 25, 35, "assignment account");
        if (this.account == null && digits(account)) {
          this.account = OcrGiroReader.account(account);
        }
      } else {
        avtaleGiroAssignments++;
      }
      assignment = new Assignment(rec.line(), service, agreement, number, account);
    }

    /** A record type OCR giro does not use: only inside an AvtaleGiro assignment (its 49, 70 …). */
    private void inAvtaleGiroAssignment(Rec rec) {
      if (assignment != null && assignment.service.equals(SERVICE_AVTALEGIRO)
          && digits(rec.recordType())) {
        assignment.records++;
        if (rec.recordType().equals("70")) {
          assignment.transactions++;
        }
        return;
      }
      problem(rec.line(), "unknown record type '" + rec.recordType() + "' (positions 7-8)");
    }

    private boolean inAssignment(Rec rec) {
      if (assignment == null) {
        problem(rec.line(), "record type " + rec.recordType() + " outside an assignment (no start record 20 before)");
        return false;
      }
      assignment.records++;
      return true;
    }

    private void item1(Rec rec) {
      if (!inAssignment(rec)) {
        return;
      }
      closeTransaction();
      assignment.transactions++;
      String number = rec.field(9, 15);
      numeric(rec, 9, 15, "transaction number");
      Long ore = numeric(rec, 33, 49, "amount");
      if (assignment.service.equals(SERVICE_AVTALEGIRO)) {
        // an AvtaleGiro claim: counted and summed for the end records, not a payment
        transaction = null;
        if (ore != null) {
          assignment.signedOre += ore;
          assignment.unsignedOre += ore;
        }
        return;
      }
      LocalDate settlement = date(rec.field(16, 21));
      if (settlement == null) {
        problem(rec.line(), "settlement date (positions 16-21) is '" + rec.field(16, 21) + "', expected DDMMYY");
      }
      String type = rec.type();
      if (!digits(type)) {
        problem(rec.line(), "transaction type (positions 5-6) is '" + type + "', expected digits");
      } else if (Integer.parseInt(type) < 10 || Integer.parseInt(type) > 21) {
        otherTypes.add(type);
      }
      String sign = rec.field(32, 32);
      boolean negative = sign.equals("-");
      if (!negative && !sign.equals("0") && !sign.equals(" ")) {
        problem(rec.line(), "sign (position 32) is '" + sign + "', expected '-' or '0'");
      }
      String kid = rec.field(50, 74).strip();
      long amount = ore == null ? 0 : ore;
      transaction = new Transaction(rec.line(), type, number, negative ? -amount : amount, settlement,
          kid.isEmpty() || kid.chars().allMatch(c -> c == '0') ? null : kid);
      assignment.signedOre += transaction.signedOre;
      assignment.unsignedOre += amount;
    }

    private boolean sameTransaction(Rec rec) {
      if (assignment != null && assignment.service.equals(SERVICE_AVTALEGIRO)) {
        return false; // an AvtaleGiro claim's second record: counted, not read
      }
      if (transaction == null || !rec.field(9, 15).equals(transaction.number)) {
        problem(rec.line(), "amount item " + (rec.recordType().equals("31") ? 2 : 3) + " (" + rec.recordType()
            + ") does not follow amount item 1 of transaction " + rec.field(9, 15));
        return false;
      }
      return true;
    }

    private void item2(Rec rec) {
      if (!inAssignment(rec) || !sameTransaction(rec)) {
        return;
      }
      if (transaction.hasItem2) {
        problem(rec.line(), "a second amount item 2 (31) for transaction " + transaction.number);
      }
      transaction.hasItem2 = true;
      String archive = rec.field(26, 34).strip();
      transaction.archiveReference = archive.isEmpty() || archive.chars().allMatch(c -> c == '0') ? null : archive;
      String debit = rec.field(48, 58);
      transaction.debitAccount = digits(debit) && !debit.chars().allMatch(c -> c == '0') ? debit : null;
    }

    private void item3(Rec rec) {
      if (!inAssignment(rec) || !sameTransaction(rec)) {
        return;
      }
      if (!transaction.hasItem2) {
        problem(rec.line(), "amount item 3 (32) before amount item 2 (31) of transaction " + transaction.number);
      }
      String message = rec.field(16, 55).strip();
      transaction.message = message.isEmpty() ? null : message;
    }

    private void closeTransaction() {
      if (transaction != null) {
        if (!transaction.hasItem2) {
          problem(transaction.line, "transaction " + transaction.number + " has no amount item 2 (31)");
        }
        accepted.add(transaction);
        assignmentOf.put(transaction, assignment);
      }
      transaction = null;
    }

    private void endAssignment(Rec rec) {
      if (!inAssignment(rec)) {
        return;
      }
      closeTransaction();
      Assignment a = assignment;
      compare(rec, 9, 16, "transactions", a.transactions, "the assignment from line " + a.line);
      compare(rec, 17, 24, "records", a.records, "the assignment from line " + a.line);
      if (!(a.service.equals(SERVICE_AVTALEGIRO) && rec.type().equals("24"))) {
        compareSum(rec, a.signedOre, a.unsignedOre, "the assignment from line " + a.line);
      }
      transactions += a.transactions;
      signedOre += a.signedOre;
      unsignedOre += a.unsignedOre;
      assignment = null;
    }

    private void endTransmission(Rec rec) {
      endLine = rec.line();
      if (assignment != null) {
        problem(assignment.line, "the assignment started here has no end record (88)");
        closeTransaction();
        assignment = null;
      }
      compare(rec, 9, 16, "transactions", transactions, "the file");
      compare(rec, 17, 24, "records", records, "the file");
      compareSum(rec, signedOre, unsignedOre, "the file");
    }

    private void compare(Rec rec, int from, int to, String what, int actual, String where) {
      Long stated = numeric(rec, from, to, "number of " + what);
      if (stated != null && stated != actual) {
        problem(rec.line(), "end record says " + stated + " " + what + ", " + where + " has " + actual);
      }
    }

    private void compareSum(Rec rec, long signed, long unsigned, String where) {
      Long stated = numeric(rec, 25, 41, "sum of amounts");
      if (stated == null || stated == signed) {
        return;
      }
      if (stated == unsigned) {
        unsignedSumsUsed = true;
        return;
      }
      problem(rec.line(), "end record says the amounts sum to " + BigDecimal.valueOf(stated, 2) + ", " + where
          + " sums to " + BigDecimal.valueOf(signed, 2));
    }

    private Long numeric(Rec rec, int from, int to, String name) {
      String value = rec.field(from, to);
      if (!digits(value)) {
        problem(rec.line(), name + " (positions " + from + "-" + to + ") is '" + value + "', expected digits");
        return null;
      }
      return Long.valueOf(value);
    }

    private void problem(int line, String reason) {
      problems.add(new Problem("line " + line, reason));
    }

    private static String lineList(List<Integer> at) {
      String listed = String.join(", ", at.stream().limit(10).map(String::valueOf).toList());
      return (at.size() == 1 ? "line " : "lines ") + listed + (at.size() > 10 ? " … (" + at.size() + " in all)" : "");
    }
  }
}
