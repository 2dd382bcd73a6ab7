package io.fordra.kernel;

import java.util.List;

/**
 * A file refused whole before any of it is stored or booked (a bank file, a billing file): its problems, each with
 * where it is and why, the first {@value Capped#ENTRIES} of them and how many there were. Over REST: 400
 * problem+json with the problems under "errors" and their number as "errorCount" (ProblemHandler).
 */
public abstract class FileRejected extends RuntimeException {

  /** One reason: where ("line 7", "file", an XML path) and what is wrong. */
  public record Problem(String location, String reason) {
    public Problem {
      location = Capped.text(location, Capped.FIELD_CHARS);
      reason = Capped.text(reason, Capped.MESSAGE_CHARS);
    }

    @Override
    public String toString() {
      return location + ": " + reason;
    }
  }

  private final transient List<Problem> problems;
  private final int problemCount;

  protected FileRejected(List<Problem> problems) {
    super(Capped.summary(problems));
    this.problems = Capped.list(problems, more -> new Problem("…", Capped.more(more)));
    this.problemCount = problems.size();
  }

  /** The first {@value Capped#ENTRIES} problems, then one that says how many more there were. */
  public List<Problem> problems() {
    return problems;
  }

  /** How many problems the file has. */
  public int problemCount() {
    return problemCount;
  }

  /** The problem's title: what refusing the file means ("nothing from it is booked"). */
  public abstract String title();
}
