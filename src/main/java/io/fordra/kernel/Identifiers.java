package io.fordra.kernel;

import java.util.regex.Pattern;

/**
 * The one rule for invoice, customer and article numbers: 1-40 ASCII letters, digits, '-', '_' and '.', beginning
 * and ending with a letter or digit, never two dots in a row. Such a number is one path segment that no URL
 * normalisation, percent-decoding or HTTP firewall changes or refuses (no '/', ';', '%', '..', spaces), so a number
 * that Fordra stores can always be named again in /api/invoices/{invoiceNumber} and the like.
 */
public final class Identifiers {

  public static final int MAX_LENGTH = 40;
  public static final String RULE = "a number is 1-40 ASCII letters, digits, '-', '_' and '.', begins and ends with a "
      + "letter or digit and has no '..'";

  private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?");

  private Identifiers() {}

  public static boolean isValid(String number) {
    return number != null && NUMBER.matcher(number).matches() && !number.contains("..");
  }

  /** What is wrong with a number outside the rule, the number quoted (cut when long). */
  public static String problem(String number) {
    return Capped.quote(number) + " is not a valid number: " + RULE;
  }
}
