package io.fordra.autogiro;

import io.fordra.kernel.FileRejected.Problem;
import io.fordra.payment.file.PaymentFileRejected;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bankgirot's Autogiro payment specification ("Betalningsspecifikation och stoppade betalningar", new file layout) as
 * "Bg Autogiro Technical Manual" (Bankgirot, January 2019 edition, section 8.2) describes it: 80-character records,
 * ISO-8859-1.
 *
 * <pre>
 * TK01  1-2 "01"  3-10 "AUTOGIRO"  11-24 blank  25-44 date and time written  45-64 "BET. SPEC &amp; STOPP TK"
 *       65-70 payee's customer number  71-80 payee's bankgiro number
 * TK15  (deposit of incoming payments) 3-37 payee's bank account  38-45 payment date  46-50 deposit serial number
 *       51-68 amount deposited in öre  72-79 number of payment records that follow
 * TK82  (incoming payment) 3-10 payment date  11 period code  12-14 number of self-renewing  16-31 payer number
 *       32-43 amount in öre  44-53 payee's bankgiro number  54-69 reference  80 payment status code
 *       (0 approved, 1 insufficient funds, 2 no connection to Autogiro: account closed or mandate missing,
 *       9 renewed funds: the bank tries again on the following banking days)
 * TK16/TK32 (outgoing payments) and TK17/TK77 (refunds): not incoming payments, listed as skipped
 * TK09  3-10 date  11-14 "9900"  15-20 number of TK15  21-32 number of TK82  33-38 number of TK16
 *       39-50 number of TK32  51-56 number of TK17  57-68 number of TK77
 * </pre>
 *
 * Read liberally (records shorter than 80 characters are padded with blanks, a blank status code is read as approved
 * as payment specifications without it listed only what was debited); refused whole when truncated or corrupt (no
 * TK01 or TK09, counts that do not add up, fields that are not numbers).
 */
final class AutogiroPaymentSpecification {

  static final String LAYOUT = "BET. SPEC & STOPP TK";
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** One TK82 of the file. */
  record Result(int line, LocalDate paymentDate, String payerNumber, BigDecimal amount, String bankgiro,
                String reference, char statusCode) {

    boolean approved() {
      return statusCode == '0' || statusCode == ' ';
    }

    boolean retried() {
      return statusCode == '9';
    }

    /** The payment status code in words (manual: "Codes found in TK82, TK32 and TK77"). */
    String status() {
      return switch (statusCode) {
        case '0', ' ' -> "approved";
        case '1' -> "insufficient funds (täckning saknas)";
        case '2' -> "no connection to Autogiro: the payer's account is closed or the mandate is missing "
            + "(koppling till Autogiro saknas, medgivande saknas)";
        case '9' -> "renewed funds: the bank tries the debit again on the following banking days (förnyad täckning)";
        default -> "not debited, payment status code " + statusCode;
      };
    }

    String location() {
      return "line " + line;
    }
  }

  /** A record of the file that is not an incoming payment (outgoing payments, refunds). */
  record Other(int line, String type, BigDecimal amount) {}

  record Parsed(String customerNumber, String bankgiro, List<Result> results, List<Other> others) {}

  private AutogiroPaymentSpecification() {}

  /** Whether a file that starts so is a payment specification in the new layout. */
  static boolean isPaymentSpecification(String head) {
    String first = head.replace("\uFEFF", "").replace("ï»¿", "");
    return first.startsWith("01AUTOGIRO") && first.length() >= 64 && first.substring(44, 64).equals(LAYOUT);
  }

  static Parsed parse(byte[] content) {
    String text = new String(content, StandardCharsets.ISO_8859_1).replace("\uFEFF", "").replace("ï»¿", "");
    String[] lines = text.split("\r?\n", -1);
    List<Problem> problems = new ArrayList<>();
    List<Result> results = new ArrayList<>();
    List<Other> others = new ArrayList<>();
    String customerNumber = null;
    String bankgiro = null;
    boolean closed = false;
    int sections = 0;
    int expectedInSection = -1;
    int inSection = 0;
    long sectionAmount = 0;
    long sectionApproved = 0;
    long sectionAll = 0;
    int sectionLine = 0;
    int[] counts = new int[6]; // TK15, TK82, TK16, TK32, TK17, TK77
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      String raw = lines[i];
      if (raw.isBlank()) {
        continue;
      }
      if (closed) {
        problems.add(new Problem("line " + n, "a record after the closing record TK09"));
        break;
      }
      if (raw.length() > 80) {
        problems.add(new Problem("line " + n, "is " + raw.length() + " characters long; a record is 80"));
        continue;
      }
      String r = raw + " ".repeat(80 - raw.length());
      String type = r.substring(0, 2);
      if (n == 1 || customerNumber == null) {
        if (!type.equals("01") || !isPaymentSpecification(r)) {
          problems.add(new Problem("line " + n, "the file does not open with TK01 AUTOGIRO … " + LAYOUT));
          break;
        }
        customerNumber = r.substring(64, 70);
        bankgiro = r.substring(70, 80);
        continue;
      }
      try {
        switch (type) {
          case "15", "16", "17" -> {
            checkSection(problems, expectedInSection, inSection, sectionAmount, sectionApproved, sectionAll,
                sectionLine);
            sections++;
            counts[type.equals("15") ? 0 : type.equals("16") ? 2 : 4]++;
            sectionLine = n;
            sectionAmount = number(r, 51, 68);
            expectedInSection = (int) number(r, 72, 79);
            inSection = 0;
            sectionApproved = 0;
            sectionAll = 0;
          }
          case "82", "32", "77" -> {
            if (sections == 0) {
              problems.add(new Problem("line " + n, "a TK" + type + " before any deposit record (TK15/16/17)"));
              continue;
            }
            inSection++;
            counts[type.equals("82") ? 1 : type.equals("32") ? 3 : 5]++;
            LocalDate date = date(r, 3, 10);
            long ore = number(r, 32, 43);
            String payer = r.substring(15, 31).strip();
            if (!payer.matches("[0-9]{1,16}")) {
              problems.add(new Problem("line " + n, "the payer number '" + payer + "' is not digits"));
              continue;
            }
            payer = payer.replaceFirst("^0+(?=.)", "");
            sectionAll += ore;
            if (type.equals("82")) {
              char status = r.charAt(79);
              Result result = new Result(n, date, payer, BigDecimal.valueOf(ore, 2), r.substring(43, 53),
                  r.substring(53, 69).strip(), status);
              if (result.approved()) {
                sectionApproved += ore;
              }
              results.add(result);
            } else {
              sectionApproved += ore;
              others.add(new Other(n, type, BigDecimal.valueOf(ore, 2)));
            }
          }
          case "09" -> {
            checkSection(problems, expectedInSection, inSection, sectionAmount, sectionApproved, sectionAll,
                sectionLine);
            closed = true;
            long[] stated = {number(r, 15, 20), number(r, 21, 32), number(r, 33, 38), number(r, 39, 50),
                number(r, 51, 56), number(r, 57, 68)};
            String[] names = {"TK15", "TK82", "TK16", "TK32", "TK17", "TK77"};
            for (int k = 0; k < stated.length; k++) {
              if (stated[k] != counts[k]) {
                problems.add(new Problem("line " + n, "the closing record counts " + stated[k] + " " + names[k]
                    + " records, the file has " + counts[k]));
              }
            }
          }
          default -> problems.add(new Problem("line " + n, "unknown record type TK" + type));
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        problems.add(new Problem("line " + n, "TK" + type + ": " + e.getMessage()));
      }
    }
    if (customerNumber != null && !closed && problems.isEmpty()) {
      problems.add(new Problem("end of file", "no closing record TK09: the file is truncated"));
    }
    if (!problems.isEmpty()) {
      throw new PaymentFileRejected(problems);
    }
    return new Parsed(customerNumber, bankgiro, results, others);
  }

  /**
   * A deposit record's count must match its payment records; its amount is what was deposited (the approved
   * payments), though some write the sum of all records of the section: either is accepted.
   */
  private static void checkSection(List<Problem> problems, int expected, int counted, long amount, long approved,
                                   long all, int line) {
    if (expected < 0) {
      return;
    }
    if (expected != counted) {
      problems.add(new Problem("line " + line, "the deposit record announces " + expected + " payment records, "
          + counted + " follow"));
    } else if (amount != approved && amount != all) {
      problems.add(new Problem("line " + line, "the deposit record's amount " + BigDecimal.valueOf(amount, 2)
          + " is not the sum of its payments " + BigDecimal.valueOf(approved, 2)));
    }
  }

  /** Positions from and to, 1-based and inclusive, as the manual counts them. */
  private static long number(String record, int from, int to) {
    String field = record.substring(from - 1, to).strip();
    if (!field.matches("[0-9]+")) {
      throw new NumberFormatException("positions " + from + "-" + to + " ('" + field + "') are not a number");
    }
    return Long.parseLong(field);
  }

  private static LocalDate date(String record, int from, int to) {
    return LocalDate.parse(record.substring(from - 1, to), DATE);
  }
}
