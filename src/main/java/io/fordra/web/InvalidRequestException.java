package io.fordra.web;

import java.util.List;

/** Input that breaks one or more rules; every reason is reported, nothing is stored. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidRequestException(List<Violation> violations) {
    super(violations.size() == 1 ? violations.get(0).toString() : violations.size() + " problems: " + violations);
    this.violations = List.copyOf(violations);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
