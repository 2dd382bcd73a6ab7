package io.fordra.interest;

import java.time.YearMonth;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link InterestInvoicingRuns} on Camunda: the start message RunInterestInvoicing, keyed by the month. */
@Component
class EngineInterestInvoicingRuns implements InterestInvoicingRuns {

  private final RuntimeService runtime;

  EngineInterestInvoicingRuns(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String startByHand(YearMonth month) {
    String period = month == null ? null : month.toString();
    return runtime.startProcessInstanceByMessage(InterestInvoicingProcess.RUN_BY_HAND,
            "interest-" + (period == null ? "previous-month" : period),
            Variables.createVariables().putValue(InterestInvoicingProcess.MONTH.name(), period))
        .getId();
  }
}
