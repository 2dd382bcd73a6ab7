package io.fordra.web;

import java.util.List;

/**
 * A file refused whole before any of it is stored or booked (a bank file, a billing file): every problem, each with
 * where it is and why. Over REST: 400 problem+json with the problems under "errors" (ProblemHandler).
 */
public abstract class FileRejected extends RuntimeException {

  /** One reason: where ("line 7", "file", an XML path) and what is wrong. */
  public record Problem(String location, String reason) {
    @Override
    public String toString() {
      return location + ": " + reason;
    }
  }

  private final transient List<Problem> problems;

  protected FileRejected(List<Problem> problems) {
    super(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The problem's title: what refusing the file means ("nothing from it is booked"). */
  public abstract String title();
}
