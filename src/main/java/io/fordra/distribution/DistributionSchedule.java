package io.fordra.distribution;

import io.fordra.process.FordraClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When invoice-distribution may send (${distributionSchedule.undoWindowEnd(execution)}): documents wait the undo
 * window (fordra.distribution.undo-window, seed 003 "ångra sändning") so that an invoice credited in the meantime
 * never leaves.
 */
@Component("distributionSchedule")
public class DistributionSchedule {

  private final DistributionProperties properties;
  private final FordraClock clock;

  public DistributionSchedule(DistributionProperties properties, FordraClock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  public Date undoWindowEnd(DelegateExecution execution) {
    return Date.from(clock.now().plus(properties.undoWindow()));
  }
}
