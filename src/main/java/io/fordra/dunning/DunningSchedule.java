package io.fordra.dunning;

import io.fordra.customer.Country;
import io.fordra.customer.CustomerService;
import io.fordra.deployment.ModelFunctions;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.process.FordraClock;
import io.fordra.invoice.InvoiceToCash;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
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
  private final CustomerService customers;
  private final ReminderRuns runs;
  private final FordraClock clock;

  public DunningSchedule(InvoiceService invoices, CustomerService customers, ReminderRuns runs, FordraClock clock) {
    this.invoices = invoices;
    this.customers = customers;
    this.runs = runs;
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

  /**
   * The next reminder run on which this invoice may get its reminder, by the reminder-run calendar deployed now
   * (processes/reminder-runs.dmn): a new calendar applies to every invoice that starts waiting after it is deployed.
   */
  public Date nextReminderRun(DelegateExecution execution) {
    Invoice invoice = invoice(execution);
    int earliestDaysAfterDue = DunningStep.from(InvoiceToCash.DUNNING_STEP.from(execution)).earliestDaysAfterDue();
    LocalDate earliest = invoice.dueDate().plusDays(earliestDaysAfterDue);
    Country country = customers.get(invoice.customerNumber()).country();
    return Date.from(nextRun(clock.now(), earliest, runs.of(country)));
  }

  /** A case handler postponed the next dunning step by some days. */
  public Date postponedUntil(DelegateExecution execution) {
    long days = InvoiceToCash.POSTPONE_DAYS.from(execution, 1L);
    return clock.engineDate(clock.today().plusDays(days), LocalTime.MIDNIGHT);
  }

  /**
   * The first reminder run at or after now that falls on or after the earliest date. A day a month lacks (the 31st
   * in April) has no run that month.
   */
  Instant nextRun(Instant now, LocalDate earliest, List<ReminderRuns.Run> calendar) {
    List<ReminderRuns.Run> byTime = calendar.stream().sorted(Comparator.comparing(ReminderRuns.Run::time)).toList();
    LocalDate day = LocalDate.ofInstant(now, clock.zone());
    if (day.isBefore(earliest)) {
      day = earliest;
    }
    for (int i = 0; i < 62; i++, day = day.plusDays(1)) {
      for (ReminderRuns.Run run : byTime) {
        if (run.dayOfMonth() == day.getDayOfMonth()) {
          Instant at = day.atTime(run.time()).atZone(clock.zone()).toInstant();
          if (!at.isBefore(now)) {
            return at;
          }
        }
      }
    }
    throw new IllegalStateException("No reminder run within two months in the decision reminder-runs "
        + "(processes/reminder-runs.dmn): deploy a table that has runs");
  }

  private Date startOfDayAfter(LocalDate date) {
    return clock.engineDate(date.plusDays(1), LocalTime.MIDNIGHT);
  }

  private Invoice invoice(DelegateExecution execution) {
    return invoices.get(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }
}
