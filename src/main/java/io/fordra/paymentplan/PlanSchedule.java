package io.fordra.paymentplan;

import io.fordra.deployment.ModelFunctions;
import io.fordra.process.FordraClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the timers of payment-plan fire (${planSchedule.…(execution)} in timeDate): at the end of a day in
 * fordra.time-zone (the start of the next), like the dunning timers, so a payment on the last day still counts.
 */
@Component("planSchedule")
@ModelFunctions
public class PlanSchedule {

  private final PlanLifecycle lifecycle;
  private final PaymentPlanProperties properties;
  private final FordraClock clock;

  public PlanSchedule(PlanLifecycle lifecycle, PaymentPlanProperties properties, FordraClock clock) {
    this.lifecycle = lifecycle;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The numbers of the approved plan's instalments (1, 2, …; one for a deferral): what "Follow instalments" goes
   * through, one after the other.
   */
  public List<Integer> instalmentNumbers(DelegateExecution execution) {
    int count = PaymentPlanProcess.INSTALMENT_COUNT.from(execution, 1);
    return IntStream.rangeClosed(1, count).boxed().toList();
  }

  /** The instalment's grace period is over: at the end of its last day of grace. */
  public Date graceOver(DelegateExecution execution) {
    return endOf(lastDayOfGrace(PaymentPlanProcess.PLAN_ID.from(execution),
        PaymentPlanProcess.INSTALMENT_NUMBER.from(execution)));
  }

  /**
   * The reminder about a late instalment has passed its deadline: at the end of {@link #reminderPayBy}. Reckoned from
   * the due date, not from now, so the wait that a payment too small interrupts resumes with the same deadline.
   */
  public Date reminderDeadline(DelegateExecution execution) {
    return endOf(reminderPayBy(PaymentPlanProcess.PLAN_ID.from(execution),
        PaymentPlanProcess.INSTALMENT_NUMBER.from(execution)));
  }

  /** The due date plus fordra.payment-plan.grace-period: paid by the end of this day, no reminder. */
  public LocalDate lastDayOfGrace(long planId, int number) {
    return lifecycle.dueDate(planId, number).plus(properties.gracePeriod());
  }

  /**
   * The date a reminder about the instalment gives to pay by (the letter says it): another grace period from the day
   * the reminder goes out, the day after the last day of grace.
   */
  public LocalDate reminderPayBy(long planId, int number) {
    return lastDayOfGrace(planId, number).plusDays(1).plus(properties.gracePeriod());
  }

  private Date endOf(LocalDate day) {
    return clock.engineDate(day.plusDays(1), LocalTime.MIDNIGHT);
  }
}
