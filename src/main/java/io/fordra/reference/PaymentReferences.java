package io.fordra.reference;

/**
 * Structured payment references the bank passes back with each payment, so that an incoming payment can be matched to
 * its invoice without a human reading it.
 *
 * <ul>
 *   <li>Swedish OCR (Bankgirot), "length digit + check digit" variant: base digits, then a length digit, then a Luhn
 *       check digit. The length digit lets Bankgirot reject a reference where the payer dropped or added a digit,
 *       which Luhn alone can miss (an added or dropped leading 0 leaves the Luhn sum unchanged).</li>
 *   <li>Norwegian KID with MOD10: base digits, then a Luhn check digit. KID may also use MOD11 (check digit 0-9 or
 *       '-'); Fordra issues MOD10 only, so only MOD10 is accepted back.</li>
 * </ul>
 *
 * All methods accept ASCII digits only: {@link Character#isDigit} would let Arabic-Indic or full-width digits through,
 * which no bank accepts.
 */
public final class PaymentReferences {

  /** Bankgirot allows OCR references of at most 25 digits; length and check digit take two of them. */
  public static final int SWEDISH_OCR_MAX_BASE_DIGITS = 23;

  /** A KID is at most 25 digits; the check digit takes one of them. */
  public static final int NORWEGIAN_KID_MAX_BASE_DIGITS = 24;

  private PaymentReferences() {}

  /**
   * Swedish OCR reference with length digit and Luhn check digit.
   *
   * @param digits 1 to 23 ASCII digits (e.g. the invoice number)
   * @return {@code digits + lengthDigit + checkDigit}, 3 to 25 digits
   * @throws IllegalArgumentException if {@code digits} is null, empty, longer than 23 or not all ASCII digits
   */
  public static String swedishOcr(String digits) {
    requireDigits(digits, SWEDISH_OCR_MAX_BASE_DIGITS, "Swedish OCR base");
    String withLengthDigit = digits + lengthDigit(digits.length() + 2);
    return withLengthDigit + luhnCheckDigit(withLengthDigit);
  }

  /**
   * Norwegian KID with a MOD10 (Luhn) check digit.
   *
   * @param digits 1 to 24 ASCII digits
   * @return {@code digits + checkDigit}, 2 to 25 digits
   * @throws IllegalArgumentException if {@code digits} is null, empty, longer than 24 or not all ASCII digits
   */
  public static String norwegianKid(String digits) {
    requireDigits(digits, NORWEGIAN_KID_MAX_BASE_DIGITS, "Norwegian KID base");
    return digits + luhnCheckDigit(digits);
  }

  /**
   * Whether {@code ocr} is a Swedish OCR reference as {@link #swedishOcr} issues them: 3 to 25 ASCII digits, the
   * next-to-last digit equals the total length modulo 10, and the last digit is the Luhn check digit.
   */
  public static boolean isValidSwedishOcr(String ocr) {
    if (!isDigits(ocr) || ocr.length() < 3 || ocr.length() > SWEDISH_OCR_MAX_BASE_DIGITS + 2) {
      return false;
    }
    char lengthDigit = ocr.charAt(ocr.length() - 2);
    return lengthDigit == lengthDigit(ocr.length()) && hasValidLuhnCheckDigit(ocr);
  }

  /**
   * Whether {@code kid} is a Norwegian KID with a MOD10 check digit: 2 to 25 ASCII digits, the last one the Luhn check
   * digit of the others. MOD11 KIDs (including those ending in '-') are rejected: Fordra never issues them.
   */
  public static boolean isValidNorwegianKid(String kid) {
    return isDigits(kid) && kid.length() >= 2 && kid.length() <= NORWEGIAN_KID_MAX_BASE_DIGITS + 1
        && hasValidLuhnCheckDigit(kid);
  }

  /**
   * The Luhn (MOD10) check digit to append to {@code digits}.
   *
   * <p>Walking from the right, every other digit starting with the rightmost is doubled (the check digit will take the
   * rightmost place, so the current rightmost digit lands in a doubled position); a doubled digit above 9 counts as
   * the sum of its digits, i.e. minus 9. The check digit brings the total up to a multiple of 10.
   *
   * @param digits one or more ASCII digits, any length
   * @return the check digit, a single character "0" to "9"
   * @throws IllegalArgumentException if {@code digits} is null, empty or not all ASCII digits
   */
  public static String luhnCheckDigit(String digits) {
    requireDigits(digits, Integer.MAX_VALUE, "Luhn input");
    int sum = 0;
    boolean doubled = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return String.valueOf((10 - sum % 10) % 10);
  }

  private static boolean hasValidLuhnCheckDigit(String reference) {
    String base = reference.substring(0, reference.length() - 1);
    return luhnCheckDigit(base).charAt(0) == reference.charAt(reference.length() - 1);
  }

  /** The length digit is the total length including length and check digit, modulo 10 (a 12-digit OCR has 2). */
  private static char lengthDigit(int totalLength) {
    return (char) ('0' + totalLength % 10);
  }

  private static void requireDigits(String digits, int maxLength, String what) {
    if (digits == null || digits.isEmpty()) {
      throw new IllegalArgumentException(what + " must be 1 to " + maxLength + " digits, but was "
          + (digits == null ? "null" : "empty"));
    }
    if (!isDigits(digits)) {
      throw new IllegalArgumentException(what + " must contain only the digits 0-9, but was \"" + digits + "\"");
    }
    if (digits.length() > maxLength) {
      throw new IllegalArgumentException(what + " must be at most " + maxLength + " digits, but was "
          + digits.length() + " digits");
    }
  }

  private static boolean isDigits(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
