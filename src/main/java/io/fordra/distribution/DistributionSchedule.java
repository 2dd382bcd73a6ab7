package io.fordra.distribution;

import io.fordra.deployment.ModelFunctions;
import io.fordra.process.FordraClock;
import io.fordra.process.InvoiceDistribution;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When invoice-distribution may send (${distributionSchedule.sendsAtOnce(execution)},
 * ${distributionSchedule.undoWindowEnd(execution)}): documents wait the undo window (fordra.distribution.undo-window,
 * seed 003 "ångra sändning") so that an invoice credited in the meantime never leaves.
 */
@Component("distributionSchedule")
@ModelFunctions
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

  /** A sending after a deviation, and a credit note (skipUndoWindow), do not wait: nothing can undo them. */
  public boolean sendsAtOnce(DelegateExecution execution) {
    return InvoiceDistribution.DEVIATION.from(execution, false)
        || InvoiceDistribution.SKIP_UNDO_WINDOW.from(execution, false);
  }
}
