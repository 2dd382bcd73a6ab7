package io.fordra.dunning;

import io.fordra.deployment.ModelFunctions;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.process.FordraClock;
import io.fordra.invoice.InvoiceToCash;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the timers of invoice-to-cash fire (used as ${dunningSchedule.…(execution)} in timeDate). Dates are
 * reckoned in fordra.time-zone; the engine's timers want java.util.Date.
 */
@Component("dunningSchedule")
@ModelFunctions
public class DunningSchedule {

  private final InvoiceService invoices;
  private final DunningProperties properties;
  private final FordraClock clock;

  public DunningSchedule(InvoiceService invoices, DunningProperties properties, FordraClock clock) {
    this.invoices = invoices;
    this.properties = properties;
    this.clock = clock;
  }

  /** The invoice is overdue from the start of the day after its due date. */
  public Date overdueFrom(DelegateExecution execution) {
    return startOfDayAfter(invoice(execution).dueDate());
  }

  /** A reminder or notice deadline has passed at the start of the day after its pay-by date. */
  public Date afterPayBy(DelegateExecution execution) {
    return startOfDayAfter(invoice(execution).payBy());
  }

  /** The next reminder run on which this invoice may get its reminder. */
  public Date nextReminderRun(DelegateExecution execution) {
    Invoice invoice = invoice(execution);
    int earliestDaysAfterDue = DunningStep.from(InvoiceToCash.DUNNING_STEP.from(execution)).earliestDaysAfterDue();
    LocalDate earliest = invoice.dueDate().plusDays(earliestDaysAfterDue);
    return Date.from(nextRun(clock.now(), earliest));
  }

  /** A case handler postponed the next dunning step by some days. */
  public Date postponedUntil(DelegateExecution execution) {
    long days = InvoiceToCash.POSTPONE_DAYS.from(execution, 1L);
    return clock.engineDate(clock.today().plusDays(days), LocalTime.MIDNIGHT);
  }

  /** The first reminder run at or after now that falls on or after the earliest date. */
  Instant nextRun(Instant now, LocalDate earliest) {
    LocalDate day = LocalDate.ofInstant(now, clock.zone());
    if (day.isBefore(earliest)) {
      day = earliest;
    }
    for (int i = 0; i < 62; i++, day = day.plusDays(1)) {
      if (properties.reminderRunDays().contains(day.getDayOfMonth())) {
        Instant run = day.atTime(properties.runTime()).atZone(clock.zone()).toInstant();
        if (!run.isBefore(now)) {
          return run;
        }
      }
    }
    throw new IllegalStateException("No reminder run within two months; check fordra.dunning.reminder-run-days");
  }

  private Date startOfDayAfter(LocalDate date) {
    return clock.engineDate(date.plusDays(1), LocalTime.MIDNIGHT);
  }

  private Invoice invoice(DelegateExecution execution) {
    return invoices.get(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
