package io.fordra.invoice.file;

import io.fordra.kernel.FileRejected;
import java.util.List;

/**
 * An invoice file that is rejected whole before any of it is stored (not CSV, a header Fordra cannot read, no rows).
 */
class InvoiceFileRejected extends FileRejected {

  public InvoiceFileRejected(List<Problem> problems) {
    super(problems);
  }

  public InvoiceFileRejected(String location, String reason) {
    this(List.of(new Problem(location, reason)));
  }

  @Override
  public String title() {
    return "The invoice file is rejected: nothing from it is created";
  }
}
