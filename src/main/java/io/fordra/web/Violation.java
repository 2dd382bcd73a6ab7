package io.fordra.web;

/** One broken rule: which field (JSON path) and why. */
public record Violation(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
