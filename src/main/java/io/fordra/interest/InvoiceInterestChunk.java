package io.fordra.interest;

import io.fordra.process.FordraClock;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * interest-invoicing "Invoice interest of the next customers" (asyncBefore: one transaction and retry per chunk).
 * A run the timer starts invoices the month before; a run started by hand may name its month.
 */
@Component
class InvoiceInterestChunk implements JavaDelegate {

  private final InterestInvoicing interest;
  private final FordraClock clock;

  public InvoiceInterestChunk(InterestInvoicing interest, FordraClock clock) {
    this.interest = interest;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String month = InterestInvoicingProcess.MONTH.from(execution);
    if (month == null || month.isBlank()) {
      month = YearMonth.from(clock.today()).minusMonths(1).toString();
      InterestInvoicingProcess.MONTH.set(execution, month);
    }
    InterestInvoicing.Chunk chunk = interest.invoiceChunk(YearMonth.parse(month),
        InterestInvoicingProcess.AFTER_CUSTOMER.from(execution));
    InterestInvoicingProcess.AFTER_CUSTOMER.set(execution, chunk.lastCustomer());
    InterestInvoicingProcess.MORE.set(execution, chunk.more());
    InterestInvoicingProcess.INTEREST_INVOICES.set(execution,
        InterestInvoicingProcess.INTEREST_INVOICES.from(execution, 0) + chunk.interestInvoices());
  }
}
