package io.fordra.distribution;

import io.fordra.autogiro.FailedDebits;
import io.fordra.customer.Channel;
import org.springframework.stereotype.Component;

/** A failed direct debit from the bank's result file is the same bounce a person posts (BounceController). */
@Component
class DirectDebitFailures implements FailedDebits {

  private final DeviationService deviations;

  DirectDebitFailures(DeviationService deviations) {
    this.deviations = deviations;
  }

  @Override
  public void failed(String invoiceNumber, String reason) {
    deviations.bounce(invoiceNumber, new DeviationService.BounceRequest(Channel.DIRECT_DEBIT, null, reason));
  }
}
