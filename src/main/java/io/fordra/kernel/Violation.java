package io.fordra.kernel;

/** One broken rule: which field (JSON path) and why; both cut when long (a field name can come from the input). */
public record Violation(String field, String message) {

  public Violation {
    field = Capped.text(field, Capped.FIELD_CHARS);
    message = Capped.text(message, Capped.MESSAGE_CHARS);
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
