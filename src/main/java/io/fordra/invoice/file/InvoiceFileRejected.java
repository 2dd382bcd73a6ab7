package io.fordra.invoice.file;

import java.util.List;

/**
 * An invoice file that is rejected whole before any of it is stored (not CSV, a header Fordra cannot read, no rows):
 * every problem, each with its line.
 */
public class InvoiceFileRejected extends RuntimeException {

  /** One reason: where ("line 1", "file") and what is wrong. */
  public record Problem(String location, String reason) {
    @Override
    public String toString() {
      return location + ": " + reason;
    }
  }

  private final transient List<Problem> problems;

  public InvoiceFileRejected(List<Problem> problems) {
    super(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems: " + problems);
    this.problems = List.copyOf(problems);
  }

  public InvoiceFileRejected(String location, String reason) {
    this(List.of(new Problem(location, reason)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
