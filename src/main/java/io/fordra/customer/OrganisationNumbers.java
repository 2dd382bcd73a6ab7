package io.fordra.customer;

/**
 * Checks Swedish (10 digits, Luhn) and Norwegian (9 digits, MOD11) organisation numbers; abroad, a registration
 * number (Handelsregister, Companies House, EIN ...) has no one format, so only its characters are checked.
 */
final class OrganisationNumbers {

  private static final int[] NO_WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

  private OrganisationNumbers() {}

  static boolean isValid(Country country, String value) {
    if (!country.hasOwnRules()) {
      return value.strip().matches("[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}");
    }
    String digits = value.replace("-", "").replace(" ", "");
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return switch (country) {
      case SE -> digits.length() == 10 && luhnValid(digits);
      case NO -> digits.length() == 9 && mod11Valid(digits);
      default -> false;
    };
  }

  static boolean luhnValid(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  private static boolean mod11Valid(String digits) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (digits.charAt(i) - '0') * NO_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(8) - '0';
  }
}
