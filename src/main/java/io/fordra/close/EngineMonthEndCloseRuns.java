package io.fordra.close;

import java.time.YearMonth;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link MonthEndCloseRuns} on Camunda: the start message RunMonthEndClose, keyed by the month. */
@Component
class EngineMonthEndCloseRuns implements MonthEndCloseRuns {

  private final RuntimeService runtime;

  EngineMonthEndCloseRuns(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String startByHand(YearMonth month, long closeId) {
    return runtime.createMessageCorrelation(MonthEndClose.RUN_BY_HAND)
        .processInstanceBusinessKey(MonthEndClose.businessKey(month.toString()))
        .setVariables(Variables.createVariables()
            .putValue(MonthEndClose.PERIOD.name(), month.toString())
            .putValue(MonthEndClose.CLOSE_ID.name(), closeId))
        .correlateStartMessage()
        .getId();
  }
}
