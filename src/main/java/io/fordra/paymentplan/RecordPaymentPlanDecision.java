package io.fordra.paymentplan;

import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violation;
import io.fordra.kernel.Violations;
import io.fordra.paymentplan.PaymentPlanProcess.Decision;
import io.fordra.paymentplan.PaymentPlanProcess.DecideForm;
import io.fordra.process.FordraClock;
import io.fordra.process.UserTasks;
import io.fordra.task.FormAnswerRefused;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Decide payment plan" completed: the answer checked, then the plan approved (with the terms as changed) or refused
 * in the completion's transaction. A bad answer, or terms the plan's rules refuse, stays in Tasklist with every reason
 * and nothing of it is stored.
 */
@Component
class RecordPaymentPlanDecision implements TaskListener {

  /** decidedBy when the completion names nobody (only the Java API completes without a user). */
  static final String UNKNOWN_CASE_HANDLER = "case-handlers";

  private final PlanLifecycle lifecycle;
  private final UserTasks tasks;
  private final FordraClock clock;

  RecordPaymentPlanDecision(PlanLifecycle lifecycle, UserTasks tasks, FordraClock clock) {
    this.lifecycle = lifecycle;
    this.tasks = tasks;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long planId = PaymentPlanProcess.PLAN_ID.from(task);
    PlanKind kind = PlanKind.valueOf(PaymentPlanProcess.KIND.from(task));
    String decision = DecideForm.DECISION.from(task);
    String user = user(task);
    Violations violations = new Violations();
    String comment;
    try {
      if (Decision.REFUSE.name().equals(decision)) {
        String reason = DecideForm.REFUSAL_REASON.from(task);
        if (reason == null || reason.isBlank()) {
          throw refused(List.of(new Violation(DecideForm.REFUSAL_REASON.name(),
              "is required to refuse: the debtor is told why")));
        }
        lifecycle.refuse(planId, user, reason.strip());
        comment = Decision.REFUSE + ": " + reason.strip();
      } else if (Decision.APPROVE.name().equals(decision)) {
        LifecycleTerms terms = terms(task, kind, violations);
        if (!violations.isEmpty()) {
          throw refused(violations.list());
        }
        String note = DecideForm.APPROVAL_NOTE.from(task);
        PaymentPlanView plan = lifecycle.approve(planId, terms.value(), user,
            note == null || note.isBlank() ? null : note.strip());
        PaymentPlanProcess.INSTALMENT_COUNT.set(task, PlanDecisions.instalmentCount(plan));
        comment = Decision.APPROVE + " " + terms.described() + (note == null || note.isBlank() ? "" : ": " + note.strip());
      } else {
        throw refused(List.of(new Violation(DecideForm.DECISION.name(), "must be APPROVE or REFUSE, but was "
            + decision)));
      }
    } catch (InvalidRequestException e) {
      // The plan's own rules (max instalments, minimum instalment, dates): the case handler corrects the terms.
      throw refused(e.violations());
    }
    tasks.comment(task.getId(), task.getProcessInstanceId(), comment);
  }

  private record LifecycleTerms(PlanLifecycle.Terms value, String described) {}

  /** The terms as the case handler left them (a field left empty: as asked). */
  private LifecycleTerms terms(DelegateTask task, PlanKind kind, Violations violations) {
    LocalDate today = clock.today();
    if (kind == PlanKind.DEFERRAL) {
      LocalDate deferTo = date(DecideForm.DEFER_TO.name(), DecideForm.DEFER_TO.from(task), violations);
      if (deferTo != null && !deferTo.isAfter(today)) {
        violations.add(DecideForm.DEFER_TO.name(), "must be after today (" + today + "), but was " + deferTo);
      }
      return new LifecycleTerms(new PlanLifecycle.Terms(null, null, deferTo),
          "pay by " + (deferTo == null ? "the date asked" : deferTo));
    }
    Integer instalments = null;
    Object given = DecideForm.INSTALMENTS.from(task);
    if (given != null && !given.toString().isBlank()) {
      try {
        BigDecimal number = new BigDecimal(given.toString().trim());
        if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.ONE) < 0) {
          violations.add(DecideForm.INSTALMENTS.name(), "must be a whole number of 1 or more, but was " + given);
        } else {
          instalments = number.intValueExact();
        }
      } catch (NumberFormatException | ArithmeticException e) {
        violations.add(DecideForm.INSTALMENTS.name(), "must be a whole number of 1 or more, but was " + given);
      }
    }
    LocalDate first = date(DecideForm.FIRST_DUE_DATE.name(), DecideForm.FIRST_DUE_DATE.from(task), violations);
    if (first != null && first.isBefore(today)) {
      violations.add(DecideForm.FIRST_DUE_DATE.name(), "must be today (" + today + ") or later, but was " + first);
    }
    return new LifecycleTerms(new PlanLifecycle.Terms(instalments, first, null),
        (instalments == null ? "the instalments asked" : instalments + " instalments") + ", the first due "
            + (first == null ? "as asked" : first));
  }

  private static LocalDate date(String field, String value, Violations violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(field, "must be a date (YYYY-MM-DD), but was " + value);
      return null;
    }
  }

  private static FormAnswerRefused refused(List<Violation> violations) {
    return new FormAnswerRefused(DecidePaymentPlanForm.ID, violations);
  }

  private static String user(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? UNKNOWN_CASE_HANDLER : auth.getUserId();
  }
}
