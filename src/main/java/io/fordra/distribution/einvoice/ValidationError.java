package io.fordra.distribution.einvoice;

/** One error the PEPPOL rules found: the rule (e.g. "BR-CO-10", "PEPPOL-EN16931-CL008"), what it says, and where. */
public record ValidationError(String ruleId, String message, String location) {

  /** "[rule] message (at location)", as logs and incident messages show it. */
  public String text() {
    return "[" + (ruleId == null ? "schema" : ruleId) + "] " + message + (location == null ? "" : " (at " + location + ")");
  }
}
