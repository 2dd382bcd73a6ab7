package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped payment plan policy (processes/payment-plan-policy.dmn), row by row. */
class PaymentPlanPolicyTableTest {

  private static DmnEngine dmn;
  private static DmnDecision policy;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = PaymentPlanPolicyTableTest.class.getResourceAsStream("/processes/payment-plan-policy.dmn")) {
      policy = dmn.parseDecision(PaymentPlanPolicy.DECISION, in);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} open {4} in {5} first in {6}d deferred {7}d → {8}")
  @CsvSource({
      // kind, type, country, step, open, instalments, first due in days, deferral days, decision
      // the example: a Swedish private debtor, 3 instalments on a reminded 9 000 SEK invoice
      "INSTALMENTS, PRIVATE,  SE, REMINDED,               9000,     3, 14, 0,  AUTO_APPROVE",
      "INSTALMENTS, PRIVATE,  NO, OVERDUE,                20000,    1, 0,  0,  AUTO_APPROVE",
      "INSTALMENTS, PRIVATE,  SE, COLLECTION_NOTICE_SENT, 20000,    3, 30, 0,  AUTO_APPROVE",
      "INSTALMENTS, PRIVATE,  SE, REMINDED,               9000,     3, 31, 0,  AUTO_APPROVE",   // a month ahead
      // just outside the small plan
      "INSTALMENTS, PRIVATE,  SE, REMINDED,               20000.01, 3, 14, 0,  DECIDE_BY_HAND",
      "INSTALMENTS, PRIVATE,  SE, REMINDED,               9000,     4, 14, 0,  DECIDE_BY_HAND",
      "INSTALMENTS, PRIVATE,  SE, REMINDED,               9000,     3, 32, 0,  DECIDE_BY_HAND",
      "INSTALMENTS, BUSINESS, SE, REMINDED,               9000,     3, 14, 0,  DECIDE_BY_HAND",
      "INSTALMENTS, PRIVATE,  DE, REMINDED,               9000,     3, 14, 0,  DECIDE_BY_HAND",
      // deferrals
      "DEFERRAL,    BUSINESS, NO, SENT,                   50000,    0, 0,  14, AUTO_APPROVE",
      "DEFERRAL,    PRIVATE,  SE, REMINDED,               900,      0, 0,  1,  AUTO_APPROVE",
      "DEFERRAL,    PRIVATE,  SE, REMINDED,               900,      0, 0,  15, DECIDE_BY_HAND",
      // with the agency: refused whatever else
      "INSTALMENTS, PRIVATE,  SE, IN_COLLECTION,          9000,     3, 14, 0,  REFUSE",
      "DEFERRAL,    PRIVATE,  NO, IN_COLLECTION,          900,      0, 0,  7,  REFUSE",
  })
  void decides(String kind, String type, String country, String step, BigDecimal open, int instalments,
               int firstDueInDays, int deferralDays, String decision) {
    DmnDecisionResultEntries row = dmn.evaluateDecision(policy, Variables.createVariables()
        .putValue("requestKind", kind).putValue("customerType", type).putValue("country", country)
        .putValue("dunningStep", step).putValue("openAmount", open.doubleValue())
        .putValue("instalments", instalments).putValue("firstDueInDays", firstDueInDays)
        .putValue("deferralDays", deferralDays)).getSingleResult();
    PaymentPlanPolicy.Decision result = PaymentPlanPolicy.Decision.from(row.getEntryMap());
    assertThat(result.outcome()).hasToString(decision);
    assertThat(result.reason()).isNotBlank();
    if (decision.equals("REFUSE")) {
      assertThat(result.reason()).contains("agency decides");
    }
  }

  @Test
  void aMistypedOutcomeGoesToACaseHandler() {
    assertThat(PaymentPlanPolicy.Decision.from(Map.of("decision", "APPROVE", "reason", "x")).outcome())
        .isEqualTo(PaymentPlanPolicy.Outcome.DECIDE_BY_HAND);
    assertThat(PaymentPlanPolicy.Decision.from(null).outcome()).isEqualTo(PaymentPlanPolicy.Outcome.DECIDE_BY_HAND);
  }
}
