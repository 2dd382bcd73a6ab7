package io.fordra.distribution;

import io.fordra.process.FordraClock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When invoice-distribution may send (${distributionSchedule.undoWindowEnd(execution)}): documents wait the undo
 * window (fordra.distribution.undo-window, seed 003 "ångra sändning") so that an invoice credited in the meantime
 * never leaves.
 */
@Component("distributionSchedule")
public class DistributionSchedule {

  private final Duration undoWindow;
  private final FordraClock clock;

  public DistributionSchedule(@Value("${fordra.distribution.undo-window:PT5M}") Duration undoWindow,
                              FordraClock clock) {
    if (undoWindow.isNegative()) {
      throw new IllegalArgumentException("fordra.distribution.undo-window must not be negative");
    }
    this.undoWindow = undoWindow;
    this.clock = clock;
  }

  public Date undoWindowEnd(DelegateExecution execution) {
    return Date.from(clock.now().plus(undoWindow));
  }
}
