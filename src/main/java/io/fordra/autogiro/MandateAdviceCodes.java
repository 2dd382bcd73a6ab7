package io.fordra.autogiro;

import java.util.Map;

/**
 * The information codes (what happened) and comment codes (why) of a mandate advice record TK73, as "Bg Autogiro
 * technical manual", "Codes found in TK73", lists them; and what each means for the mandate's status.
 */
final class MandateAdviceCodes {

  /** What an advice does to the mandate; UNKNOWN: a code Fordra does not know (the record is kept aside). */
  enum Effect { ACTIVE, REJECTED, CANCELLED, PAYER_NUMBER_CHANGED, UNKNOWN }

  static final Map<String, String> INFORMATION = Map.of(
      "03", "cancellation initiated by the payee",
      "04", "new mandate initiated by the payee",
      "05", "change of payer number initiated by the payee",
      "10", "cancelled because the payee's bankgiro number is closed",
      "42", "answer to the account inquiry from the bank on a new payer",
      "43", "cancelled/removed because the account inquiry was not answered",
      "44", "cancelled because the payer's bankgiro number is closed",
      "46", "cancellation initiated by the payer or the payer's bank",
      "93", "cancellation initiated by the payer");

  static final Map<String, String> COMMENT = Map.ofEntries(
      Map.entry("01", "mandate cancelled on the bank's initiative"),
      Map.entry("02", "mandate cancelled on the initiative of the payer or the payer's bank"),
      Map.entry("03", "the account type is not approved for Autogiro"),
      Map.entry("04", "the mandate is not in Bankgirot's mandate register"),
      Map.entry("05", "incorrect bank account or personal details"),
      Map.entry("06", "mandate cancelled by Bankgirot"),
      Map.entry("07", "cancelled/removed because the account inquiry was not answered"),
      Map.entry("09", "the payer's bankgiro number is not known to Bankgirot"),
      Map.entry("10", "the mandate is already registered with Bankgirot or under inquiry"),
      Map.entry("11", "mandate stopped by the payer"),
      Map.entry("12", "the payer's stop of the mandate is lifted"),
      Map.entry("20", "incorrect personnummer/organisationsnummer, or no agreement on mandates with bankgiro numbers"),
      Map.entry("21", "incorrect payer number"),
      Map.entry("23", "incorrect bank account number"),
      Map.entry("24", "maximum amount not allowed"),
      Map.entry("29", "incorrect payee bankgiro number"),
      Map.entry("30", "the payee's bankgiro number is deregistered"),
      Map.entry("32", "new mandate"),
      Map.entry("33", "cancelled"),
      Map.entry("98", "mandate cancelled because the payer's bankgiro number is cancelled"));

  private MandateAdviceCodes() {}

  static Effect effect(String information, String comment) {
    return switch (information) {
      case "04", "42" -> "32".equals(comment) ? Effect.ACTIVE : COMMENT.containsKey(comment) ? Effect.REJECTED
          : Effect.UNKNOWN;
      case "05" -> Effect.PAYER_NUMBER_CHANGED;
      case "03", "10", "43", "44", "46", "93" -> Effect.CANCELLED;
      default -> Effect.UNKNOWN;
    };
  }

  /** "04/32: new mandate initiated by the payee; new mandate". */
  static String describe(String information, String comment) {
    String info = INFORMATION.getOrDefault(information, "unknown information code");
    String why = comment == null || comment.isBlank() ? null : COMMENT.getOrDefault(comment, "unknown comment code");
    return information + (why == null ? "" : "/" + comment) + ": " + info + (why == null ? "" : "; " + why);
  }
}
