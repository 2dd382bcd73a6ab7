package io.fordra.kernel;

import java.util.List;

/**
 * Input that breaks one or more rules; nothing is stored. The first {@value Capped#ENTRIES} reasons are kept, and how
 * many there were.
 */
public class InvalidRequestException extends RuntimeException {

  private final transient List<Violation> violations;
  private final int violationCount;

  public InvalidRequestException(List<Violation> violations) {
    super(Capped.summary(violations));
    this.violations = Capped.list(violations, more -> new Violation("…", Capped.more(more)));
    this.violationCount = violations.size();
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  /** The first {@value Capped#ENTRIES} violations, then one that says how many more there were. */
  public List<Violation> violations() {
    return violations;
  }

  public int violationCount() {
    return violationCount;
  }
}
