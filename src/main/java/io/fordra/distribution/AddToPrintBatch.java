package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * invoice-distribution "Add to print batch": the document joins the open print batch; it counts as sent when the
 * batch is handed to the print service (PrintHandOver).
 */
@Component
class AddToPrintBatch implements JavaDelegate {

  private final PrintDistribution print;

  public AddToPrintBatch(PrintDistribution print) {
    this.print = print;
  }

  @Override
  public void execute(DelegateExecution execution) {
    print.addToBatch(InvoiceDistribution.DOCUMENT_ID.from(execution),
        InvoiceDistribution.SEND_ATTEMPT.from(execution, 1),
        io.fordra.customer.Channel.PRINT.name().equals(InvoiceDistribution.NOTICE_CHANNEL.from(execution)));
  }
}
