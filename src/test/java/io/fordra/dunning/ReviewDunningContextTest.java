package io.fordra.dunning;

import static io.fordra.document.Letters.customer;
import static io.fordra.document.Letters.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.CustomerService;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.task.Headings;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** What "Review dunning" shows, built from the invoice and its customer: no Spring, no engine. */
class ReviewDunningContextTest {

  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final ReviewDunningForm form = new ReviewDunningForm();
  private final ReviewDunningContext context = new ReviewDunningContext(invoices, customers, form,
      Headings.on(LocalDate.of(2026, 11, 6)));

  @Test
  void showsTheInvoiceAndItsDunningOnTheTaskNamedAfterItAndDueInTwoWorkingDays() {
    when(invoices.get("F-1")).thenReturn(invoice(1, "F-1", InvoiceStatus.REMINDED, "200.00", "60.00", "0.00", "0.00"));
    when(customers.get("C-1")).thenReturn(customer("Anna Berg"));
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable(InvoiceToCash.INVOICE_NUMBER.name())).thenReturn("F-1");
    when(task.getName()).thenReturn("Review dunning of priority customer");

    context.notify(task);

    verify(task).setVariablesLocal(Map.of(
        "customerName", "Anna Berg (C-1, PRIVATE, SE)",
        "openAmount", "860.00 SEK",
        "totalAmount", "1,000.00 SEK",
        "paidAmount", "200.00 SEK",
        "dueDate", "2026-10-31",
        "dunningHistory", "0 reminder(s) sent, fees 60.00 SEK, status REMINDED"));
    verify(task).setName("Review dunning of priority customer — F-1, Anna Berg, 860,00 SEK");
    verify(task).setDueDate(Headings.endOf(LocalDate.of(2026, 11, 10)));
    assertThat(context.values("F-1").asMap()).containsOnlyKeys(form.shows().stream().map(f -> f.name()).toList());
  }
}
