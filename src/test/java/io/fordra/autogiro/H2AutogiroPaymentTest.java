package io.fordra.autogiro;

import io.fordra.FordraTestContext;
import org.springframework.test.context.TestPropertySource;

/** The Autogiro payment scenario on H2. */
@FordraTestContext
@TestPropertySource(properties = {AutogiroPaymentScenario.CUSTOMER_NUMBER, AutogiroPaymentScenario.BANKGIRO,
    AutogiroPaymentScenario.NO_SCHEDULE, "fordra.autogiro.outbox=" + H2AutogiroPaymentTest.OUTBOX,
    AutogiroPaymentScenario.AVTALEGIRO_SENDER, AutogiroPaymentScenario.AVTALEGIRO_ACCOUNT,
    AutogiroPaymentScenario.AVTALEGIRO_NO_SCHEDULE,
    "fordra.avtalegiro.outbox=" + H2AutogiroPaymentTest.OUTBOX + "-avtalegiro"})
class H2AutogiroPaymentTest extends AutogiroPaymentScenario {

  static final String OUTBOX = "target/autogiro-outbox-h2";

  @Override
  String outbox() {
    return OUTBOX;
  }
}
