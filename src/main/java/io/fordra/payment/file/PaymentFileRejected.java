package io.fordra.payment.file;

import io.fordra.kernel.FileRejected;
import java.util.List;

/** A payment file that is rejected whole: nothing from it may be booked. */
public class PaymentFileRejected extends FileRejected {

  public PaymentFileRejected(List<Problem> problems) {
    super(problems);
  }

  public PaymentFileRejected(String location, String reason) {
    this(List.of(new Problem(location, reason)));
  }

  @Override
  public String title() {
    return "The payment file is rejected: nothing from it is booked";
  }
}
