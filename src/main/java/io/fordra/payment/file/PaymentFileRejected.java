package io.fordra.payment.file;

import java.util.List;

/**
 * A payment file that is rejected whole: every problem found, each with where it is (line or element) and why.
 * Nothing from such a file may be booked.
 */
public class PaymentFileRejected extends RuntimeException {

  /** One reason: where ("line 7", "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[2]/Amt") and what is wrong. */
  public record Problem(String location, String reason) {
    @Override
    public String toString() {
      return location + ": " + reason;
    }
  }

  private final transient List<Problem> problems;

  public PaymentFileRejected(List<Problem> problems) {
    super(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems: " + problems);
    this.problems = List.copyOf(problems);
  }

  public PaymentFileRejected(String location, String reason) {
    this(List.of(new Problem(location, reason)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
