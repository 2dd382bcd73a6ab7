package io.fordra.dispute;

import io.fordra.deployment.ModelFunctions;
import io.fordra.invoice.InvoiceToCash;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What invoice-to-cash asks about objections in its gateways, conditions and timers
 * (${objectionHold.isOnHold(execution)}, ${objectionHold.replyDeadline(execution)} …).
 */
@Component("objectionHold")
@ModelFunctions
public class ObjectionHold {

  private final DisputeService disputes;
  private final DisputeProperties properties;
  private final io.fordra.process.FordraClock clock;

  public ObjectionHold(DisputeService disputes, DisputeProperties properties, io.fordra.process.FordraClock clock) {
    this.disputes = disputes;
    this.properties = properties;
    this.clock = clock;
  }

  /** An open objection covers everything still owed: no reminder, notice or hand-off now. */
  public boolean isOnHold(VariableScope execution) {
    return disputes.isOnHold(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }

  /** Only the amount of a rejected objection is left: no letter to send, straight to "Decide disputed claim". */
  public boolean onlyDisputedLeft(DelegateExecution execution) {
    return disputes.onlyDisputedLeft(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }

  /** A rejected objection stands: the claim may not go to normal collection. */
  public boolean rejectedObjectionStands(DelegateExecution execution) {
    return disputes.rejectedObjectionStands(InvoiceToCash.INVOICE_NUMBER.from(execution));
  }

  /** The answer is due by the end of the deadline day; the timer fires when it has passed. */
  public Date replyDeadline(DelegateExecution execution) {
    return clock.engineDate(disputes.replyDeadline(InvoiceToCash.INVOICE_NUMBER.from(execution)).plusDays(1),
        LocalTime.MIDNIGHT);
  }

  /**
   * Nudges: first nudge-after the objection arrived, then every nudge-every until the deadline (an ISO repeating
   * interval with a fixed start and as many repetitions as fit, so re-evaluating it never shifts the schedule).
   */
  public String nudgeCycle(DelegateExecution execution) {
    String invoiceNumber = InvoiceToCash.INVOICE_NUMBER.from(execution);
    java.time.ZonedDateTime first = disputes.receivedAt(invoiceNumber).atZone(clock.zone()).plus(properties.nudgeAfter());
    java.time.ZonedDateTime deadline = disputes.replyDeadline(invoiceNumber).plusDays(1).atStartOfDay(clock.zone());
    int every = Math.max(1, properties.nudgeEvery().getDays());
    long repetitions = first.isBefore(deadline)
        ? java.time.temporal.ChronoUnit.DAYS.between(first, deadline.minusSeconds(1)) / every + 1 : 1;
    return "R" + repetitions + "/" + first.toInstant() + "/P" + every + "D";
  }
}
