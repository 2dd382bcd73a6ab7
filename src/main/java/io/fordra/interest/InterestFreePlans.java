package io.fordra.interest;

import java.time.LocalDate;
import java.util.List;

/**
 * The payment plans that waive late-payment interest on an invoice (issue 20: fordra.payment-plan.interest-during-plan
 * false, the plan's interest_runs false), as interest invoicing needs them. Implemented by the payment-plan capability,
 * so that interest depends on nothing of it.
 */
public interface InterestFreePlans {

  /**
   * The invoice's plans without interest that run or ended PAID, oldest approval first. A plan that ended BROKEN is
   * not one of them: its waiver lapsed with it, so its days earn interest as if there had been no plan.
   */
  List<Plan> of(long invoiceId);

  /**
   * @param planNumber "PP-" + the plan's id
   * @param approvedOn the day the plan was approved: the first day without interest
   * @param endedOn    the day it ended PAID (the last day without interest); null while it runs
   */
  record Plan(String planNumber, LocalDate approvedOn, LocalDate endedOn) {

    public boolean running() {
      return endedOn == null;
    }
  }
}
