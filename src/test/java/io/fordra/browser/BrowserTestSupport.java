package io.fordra.browser;

import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerType;
import io.fordra.dispute.DisputeService;
import io.fordra.dispute.ObjectionRequest;
import io.fordra.dispute.RaisedBy;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Autowired;

/** What the browser tests share: invoices in the state a person then handles in a browser. */
abstract class BrowserTestSupport extends ProcessTestSupport {

  @Autowired protected DisputeService disputes;

  /** A sent invoice (1 250.00 SEK) the customer objected to on 10 March: Respond to objection waits. */
  protected Invoice objectedInvoice() {
    Invoice invoice = createInvoice(customer(CustomerType.PRIVATE, Country.SE, false, true), Currency.SEK);
    executeDueJobs();
    at(LocalDate.of(2026, 3, 10), LocalTime.of(9, 0));
    disputes.raise(invoice.invoiceNumber(), new ObjectionRequest(null, "The goods arrived damaged",
        RaisedBy.CUSTOMER, null));
    return reload(invoice);
  }

  @Autowired protected org.springframework.jdbc.core.simple.JdbcClient jdbc;

  protected long disputeId(Invoice invoice) {
    return jdbc.sql("SELECT MAX(id) FROM fordra_dispute WHERE invoice_id = ?").param(invoice.id())
        .query(Long.class).single();
  }
}
