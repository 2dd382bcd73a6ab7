package io.fordra.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.customer.Country;
import io.fordra.invoice.InvoiceToCash;
import java.io.InputStream;
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

/**
 * The shipped dunning policy's rows for debtors abroad: no statutory fees, the fixed compensation from business
 * debtors where the law of the claim gives it, then a case handler; debtors at home keep their own rows.
 */
class DunningPolicyAbroadTest {

  private static DmnDecision policy;
  private static DmnEngine dmn;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = DunningPolicyAbroadTest.class.getResourceAsStream("/processes/dunning-policy.dmn")) {
      policy = dmn.parseDecision(InvoiceToCash.DUNNING_POLICY, in);
    }
  }

  @ParameterizedTest(name = "{0} {1} level={2} law={3} → {4} fee {5} {6} compensation={7}")
  @CsvSource({
      // debtor country, type, level, law of the claim, action, fee, time to pay, compensation
      "DE, BUSINESS, 0, SE, REMINDER,          0, P14D, true",
      "DE, BUSINESS, 1, SE, COLLECTION_NOTICE, 0, P14D, false",
      "DE, BUSINESS, 2, SE, MANUAL_REVIEW,     0, P0D,  false",
      "US, BUSINESS, 0, SE, REMINDER,          0, P14D, true",
      "DE, BUSINESS, 0, NO, REMINDER,          0, P14D, true",
      "US, BUSINESS, 0, NO, REMINDER,          0, P14D, false",
      "FI, PRIVATE,  0, SE, REMINDER,          0, P14D, false",
      "FI, PRIVATE,  1, SE, REMINDER,          0, P14D, false",
      "FI, PRIVATE,  2, SE, COLLECTION_NOTICE, 0, P14D, false",
      "FI, PRIVATE,  3, SE, MANUAL_REVIEW,     0, P0D,  false",
      "US, PRIVATE,  0, NO, REMINDER,          0, P14D, false",
      // at home nothing changed: the debtor's own law and fees
      "SE, PRIVATE,  0, SE, REMINDER,          60, P10D, false",
      "NO, BUSINESS, 0, NO, REMINDER,          35, P14D, false",
  })
  void decides(String country, String type, int level, String law, String action, double fee, String period,
               boolean compensation) {
    DunningStep step = DunningStep.from(evaluate(country, type, level, law).getEntryMap());

    assertThat(step.action()).isEqualTo(action);
    assertThat(step.fee().doubleValue()).isEqualTo(fee);
    assertThat(step.paymentPeriod().toString()).isEqualTo(period);
    assertThat(step.compensation()).isEqualTo(compensation);
  }

  @Test
  void debtorGroupsAndTheLawOfTheClaim() {
    assertThat(DebtorGroup.of(Country.SE)).isEqualTo(DebtorGroup.DOMESTIC);
    assertThat(DebtorGroup.of(Country.NO)).isEqualTo(DebtorGroup.DOMESTIC);
    assertThat(DebtorGroup.of(Country.DE)).isEqualTo(DebtorGroup.EU);
    assertThat(DebtorGroup.of(Country.IS)).isEqualTo(DebtorGroup.EU);
    assertThat(DebtorGroup.of(Country.US)).isEqualTo(DebtorGroup.OTHER);
    assertThat(DebtorGroup.of(Country.GB)).isEqualTo(DebtorGroup.OTHER);
    assertThat(DebtorGroup.lawOfClaim(Country.DE, Country.SE)).isEqualTo(Country.SE);
    assertThat(DebtorGroup.lawOfClaim(Country.US, Country.NO)).isEqualTo(Country.NO);
    assertThat(DebtorGroup.lawOfClaim(Country.NO, Country.SE)).isEqualTo(Country.NO);
  }

  private static DmnDecisionResultEntries evaluate(String country, String type, int level, String law) {
    Map<String, Object> inputs = Variables.createVariables()
        .putValue("country", country).putValue("customerType", type).putValue("priority", false)
        .putValue("reviewed", false).putValue("dunningLevel", level)
        .putValue("debtorGroup", DebtorGroup.of(Country.valueOf(country)).name()).putValue("lawOfClaim", law);
    return dmn.evaluateDecision(policy, inputs).getSingleResult();
  }
}
