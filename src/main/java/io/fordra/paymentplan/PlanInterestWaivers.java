package io.fordra.paymentplan;

import io.fordra.interest.InterestFreePlans;
import io.fordra.process.FordraClock;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link InterestFreePlans} from the plans' tables: the days a plan without interest (interest_runs false) waived. */
@Component
class PlanInterestWaivers implements InterestFreePlans {

  private final PlanLookupRepository plans;
  private final FordraClock clock;

  PlanInterestWaivers(PlanLookupRepository plans, FordraClock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public List<Plan> of(long invoiceId) {
    return plans.interestFree(invoiceId, clock.zone());
  }
}
