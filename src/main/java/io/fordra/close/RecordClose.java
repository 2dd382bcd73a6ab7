package io.fordra.close;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** month-end-close "Record close": the close is finished (NO_DIFFERENCES, or REVIEWED with the decision). */
@Component
class RecordClose implements JavaDelegate {

  private final MonthEndCloses closes;

  public RecordClose(MonthEndCloses closes) {
    this.closes = closes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closes.close(MonthEndClose.CLOSE_ID.from(execution));
  }
}
