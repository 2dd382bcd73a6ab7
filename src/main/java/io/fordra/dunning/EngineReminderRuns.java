package io.fordra.dunning;

import io.fordra.customer.Country;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** ReminderRuns from the latest deployed version of the decision reminder-runs. */
@Component
class EngineReminderRuns implements ReminderRuns {

  static final String DECISION = "reminder-runs";

  private final DecisionService decisions;

  public EngineReminderRuns(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public List<Run> of(Country country) {
    DmnDecisionResult result = withoutAuthorization(() -> decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables().putValue("country", country.name())).evaluate());
    List<Run> runs = new ArrayList<>();
    for (Map<String, Object> row : result.getResultList()) {
      runs.add(run(row));
    }
    return runs;
  }

  /** A row of the table as a run; a row the engine cannot use is named, so the incident says what to correct. */
  static Run run(Map<String, Object> row) {
    Object day = row.get("dayOfMonth");
    Object time = row.get("runTime");
    if (!(day instanceof Number number) || number.intValue() < 1 || number.intValue() > 31) {
      throw new IllegalStateException("Decision " + DECISION + ": dayOfMonth " + day + " is not a day of the month (1-31)");
    }
    try {
      return new Run(number.intValue(), LocalTime.parse(String.valueOf(time)));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("Decision " + DECISION + ": runTime " + time + " is not a time of day (HH:mm)");
    }
  }

  /**
   * The calendar is Fordra's to read, whoever's request moves the invoice on (a case handler completing a review in
   * Tasklist has no right to evaluate decisions).
   */
  private static <T> T withoutAuthorization(Supplier<T> read) {
    CommandContext context = Context.getCommandContext();
    return context == null ? read.get() : context.runWithoutAuthorization(read::get);
  }
}
