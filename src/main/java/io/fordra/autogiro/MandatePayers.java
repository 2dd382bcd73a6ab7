package io.fordra.autogiro;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payer's identifiers as the Bg Autogiro technical manual writes them in a new mandate (TK04): the payer number
 * (1-16 digits), the bank account as clearing number (4 digits) and account number (12 digits, zero-filled from the
 * left) — a payer paying from a bankgiro number gives clearing number 9900 and the bankgiro number — and the payer's
 * personnummer with century (YYYYMMDDNNNN) or organisationsnummer after "00" (00NNNNNNNNNN), each Luhn-checked.
 */
final class MandatePayers {

  /** Clearing number (4 digits, or Swedbank's 5 with a check digit: 8327-9), a separator, the account number. */
  private static final Pattern ACCOUNT = Pattern.compile("(\\d{4})(?:-?(\\d))?[-, ]+([\\d -]{1,20})");
  private static final Pattern BANKGIRO = Pattern.compile("\\d{3,4}-?\\d{4}");
  private static final Pattern PERSON = Pattern.compile("(\\d{2})?(\\d{6})([-+])?(\\d{4})");
  /** The clearing number a bankgiro number takes in the account field. */
  static final String BANKGIRO_CLEARING = "9900";

  private MandatePayers() {}

  /**
   * A payer number as Bankgirot compares it: the file field is zero-filled from the left, so 04712 and 4712 are one
   * payer number; Fordra keeps it without leading zeros.
   */
  static String canonical(String payerNumber) {
    return payerNumber == null ? null : payerNumber.replaceFirst("^0+(?=\\d)", "");
  }

  /** A payer number: 1-16 digits (no letters, no separators). */
  static boolean isPayerNumber(String value) {
    return value != null && value.matches("\\d{1,16}") && !value.matches("0+");
  }

  /** The 16 digits of the TK04 account field (clearing + account), or null when it is not a Swedish account. */
  static String account(String value) {
    Matcher m = ACCOUNT.matcher(value.strip());
    if (!m.matches()) {
      return null;
    }
    String number = m.group(3).replaceAll("[ -]", "");
    if (number.isEmpty() || number.length() > 12 || m.group(1).equals(BANKGIRO_CLEARING)) {
      return null;
    }
    // Swedbank's fifth clearing digit is a check digit that the 4-digit field leaves out.
    return m.group(1) + "0".repeat(12 - number.length()) + number;
  }

  /** The 16 digits of the TK04 account field for a bankgiro number (9900 + the number), or null. */
  static String bankgiro(String value) {
    String v = value.strip();
    if (!BANKGIRO.matcher(v).matches()) {
      return null;
    }
    String digits = v.replace("-", "");
    return luhn(digits) ? BANKGIRO_CLEARING + "0".repeat(12 - digits.length()) + digits : null;
  }

  /**
   * The 12 digits of the payer id field: a personnummer (10 or 12 digits, '-' or '+' before the last four; '+' for
   * those over 100; day + 60 for a samordningsnummer) with its century, or an organisationsnummer (third digit 2 or
   * more) after "00"; null when it is neither or fails the Luhn check.
   */
  static String payerId(String value, LocalDate today) {
    Matcher m = PERSON.matcher(value.strip());
    if (!m.matches()) {
      return null;
    }
    String ten = m.group(2) + m.group(4);
    if (!luhn(ten)) {
      return null;
    }
    int month = Integer.parseInt(ten.substring(2, 4));
    boolean organisation = m.group(1) == null || m.group(1).equals("16") || m.group(1).equals("00");
    if (organisation && month >= 20 && !"+".equals(m.group(3))) {
      return "00" + ten;   // an organisationsnummer: its "month" is 20 or more
    }
    int day = Integer.parseInt(ten.substring(4, 6));
    day = day > 60 ? day - 60 : day;
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    String century = m.group(1);
    if (century == null) {
      int yy = Integer.parseInt(ten.substring(0, 2));
      int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);   // the latest year ending in yy
      if ("+".equals(m.group(3))) {
        year -= 100;
      }
      century = String.valueOf(year / 100);
    } else if (!century.equals("19") && !century.equals("20") && !century.equals("18")) {
      return null;
    }
    return century + ten;
  }

  /** Luhn (modulus 10) over all the digits, the last being the check digit. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
