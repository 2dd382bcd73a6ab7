package io.fordra.paymentplan;

import io.fordra.payment.PlanInstalments;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link PlanInstalments} from the plans' tables: a payment by an instalment's OCR/KID pays its plan's invoices. */
@Component
class PlanInstalmentReferences implements PlanInstalments {

  private final PlanLookupRepository plans;

  PlanInstalmentReferences(PlanLookupRepository plans) {
    this.plans = plans;
  }

  @Override
  public Optional<Instalment> byReference(String reference) {
    return reference == null || reference.isBlank() ? Optional.empty() : plans.instalment(reference);
  }
}
