package io.fordra.customer;

/**
 * Checks a private person's identity number: Swedish personnummer or samordningsnummer (YYMMDD-NNNC or
 * YYYYMMDDNNNC, '+' for those over 100; day + 60 for a samordningsnummer; Luhn over the ten digits) and Norwegian
 * fødselsnummer or D-number (11 digits, two MOD11 check digits). The birth date is checked only as far as the check
 * digits cannot: a month 01-12 and a day 01-31 (Sweden; Norway's synthetic and D/H numbers shift both).
 */
final class PersonalIdentityNumbers {

  private static final int[] NO_FIRST = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] NO_SECOND = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private PersonalIdentityNumbers() {}

  static boolean isValid(Country country, String value) {
    String compact = value.replace(" ", "");
    return switch (country) {
      case SE -> swedish(compact);
      case NO -> compact.matches("\\d{11}") && norwegian(compact);
      // Abroad there is no one format: a national id or tax number of letters, digits and separators.
      default -> compact.matches("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");
    };
  }

  private static boolean swedish(String value) {
    if (!value.matches("(\\d{2})?\\d{6}[-+]?\\d{4}")) {
      return false;
    }
    String digits = value.replaceAll("[-+]", "");
    String ten = digits.length() == 12 ? digits.substring(2) : digits;
    int month = Integer.parseInt(ten.substring(2, 4));
    int day = Integer.parseInt(ten.substring(4, 6));
    day = day > 60 ? day - 60 : day;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && OrganisationNumbers.luhnValid(ten);
  }

  private static boolean norwegian(String digits) {
    return check(digits, NO_FIRST) == digits.charAt(9) - '0' && check(digits, NO_SECOND) == digits.charAt(10) - '0';
  }

  /** The MOD11 check digit over the digits before it; -1 where none can be (the remainder gives 10). */
  private static int check(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check == 10 ? -1 : check;
  }
}
