package io.fordra.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.invoice.InvoiceToCash;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped dunning policy (processes/dunning-policy.dmn), row by row: what the law and our defaults say. */
class DunningPolicyTest {

  private static DmnEngine dmn;
  private static DmnDecision policy;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = DunningPolicyTest.class.getResourceAsStream("/processes/dunning-policy.dmn")) {
      policy = dmn.parseDecision(InvoiceToCash.DUNNING_POLICY, in);
    }
  }

  @ParameterizedTest(name = "{0} {1} priority={2} reviewed={3} level={4} → {5} fee {6} {7} ≥{8}d")
  @CsvSource({
      // country, type, priority, reviewed, level, action, fee, time to pay, earliest days after due
      "SE, PRIVATE,  false, false, 0, REMINDER,          60,  P10D, 0",
      "SE, PRIVATE,  false, false, 1, REMINDER,          0,   P10D, 0",
      "SE, PRIVATE,  false, false, 2, COLLECTION_NOTICE, 180, P10D, 0",
      "SE, PRIVATE,  false, false, 3, HAND_OFF,          0,   P0D,  0",
      "SE, BUSINESS, false, false, 0, REMINDER,          60,  P10D, 0",
      "SE, BUSINESS, false, false, 1, COLLECTION_NOTICE, 0,   P10D, 0",
      "SE, BUSINESS, false, false, 2, HAND_OFF,          0,   P0D,  0",
      "NO, PRIVATE,  false, false, 0, REMINDER,          35,  P14D, 14",
      "NO, PRIVATE,  false, false, 1, REMINDER,          35,  P14D, 14",
      "NO, PRIVATE,  false, false, 2, COLLECTION_NOTICE, 0,   P14D, 0",
      "NO, PRIVATE,  false, false, 3, HAND_OFF,          0,   P0D,  0",
      "NO, BUSINESS, false, false, 0, REMINDER,          35,  P14D, 14",
      "NO, BUSINESS, false, false, 1, COLLECTION_NOTICE, 0,   P14D, 0",
      "NO, BUSINESS, false, false, 2, HAND_OFF,          0,   P0D,  0",
      // priority customers: the first reminder as anyone, then a person decides each step
      "SE, PRIVATE,  true,  false, 0, REMINDER,          60,  P10D, 0",
      "SE, PRIVATE,  true,  false, 1, MANUAL_REVIEW,     0,   P0D,  0",
      "NO, BUSINESS, true,  false, 2, MANUAL_REVIEW,     0,   P0D,  0",
      "SE, PRIVATE,  true,  true,  1, REMINDER,          0,   P10D, 0",
      "NO, BUSINESS, true,  true,  1, COLLECTION_NOTICE, 0,   P14D, 0",
  })
  void decides(String country, String type, boolean priority, boolean reviewed, int level, String action,
               double fee, String period, int earliest) {
    DmnDecisionResultEntries result = evaluate(country, type, priority, reviewed, level);
    DunningStep step = DunningStep.from(result.getEntryMap());
    assertThat(step.action()).isEqualTo(action);
    assertThat(step.fee().doubleValue()).isEqualTo(fee);
    assertThat(step.paymentPeriod().toString()).isEqualTo(period);
    assertThat(step.earliestDaysAfterDue()).isEqualTo(earliest);
  }

  @ParameterizedTest
  @CsvSource({"DK, PRIVATE", "SE, GOVERNMENT"})
  void anythingUnforeseenGoesToACaseHandler(String country, String type) {
    assertThat(evaluate(country, type, false, false, 0).<String>getEntry("action")).isEqualTo("MANUAL_REVIEW");
  }

  private static DmnDecisionResultEntries evaluate(String country, String type, boolean priority, boolean reviewed,
                                                   int level) {
    Map<String, Object> inputs = Variables.createVariables()
        .putValue("country", country).putValue("customerType", type).putValue("priority", priority)
        .putValue("reviewed", reviewed).putValue("dunningLevel", level);
    return dmn.evaluateDecision(policy, inputs).getSingleResult();
  }
}
