package io.fordra.distribution.mailbox;

import java.time.LocalDate;

/**
 * A Swedish personnummer or samordningsnummer in the twelve digits Kivra matches on (YYYYMMDDNNNN). The register
 * keeps what was entered (YYMMDD-NNNN, YYMMDD+NNNN for those over 100, or twelve digits) and has checked it (Luhn).
 */
final class Personnummer {

  private Personnummer() {}

  /** Twelve digits, or null when the value is not a personnummer in any of the forms. */
  static String twelveDigits(String value, LocalDate today) {
    if (value == null) {
      return null;
    }
    String compact = value.replace(" ", "");
    if (compact.matches("\\d{8}-?\\d{4}")) {
      return compact.replace("-", "");
    }
    if (!compact.matches("\\d{6}[-+]?\\d{4}")) {
      return null;
    }
    int yy = Integer.parseInt(compact.substring(0, 2));
    int century = today.getYear() / 100 * 100;
    int year = century + yy > today.getYear() ? century - 100 + yy : century + yy;
    if (compact.charAt(6) == '+') {
      year -= 100;
    }
    return String.format("%04d", year) + compact.substring(2, 6) + compact.substring(compact.length() - 4);
  }

  /** For the invoice's history: the birth date, not the last four digits. */
  static String masked(String twelve) {
    return twelve.substring(0, 8) + "-****";
  }
}
