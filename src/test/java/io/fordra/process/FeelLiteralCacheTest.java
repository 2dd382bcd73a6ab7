package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;

/** The cached FEEL decides every row of Fordra's tables exactly as the FEEL engine alone does. */
class FeelLiteralCacheTest {

  private static final String[] KINDS = {"INVOICE", "REMINDER", "COLLECTION_NOTICE", "CREDIT_NOTE"};
  private static final String[] CHANNELS = {"EMAIL", "PRINT", "EINVOICE", "DIRECT_DEBIT", "NONE"};

  @Test
  void channelDecisionsAreTheSameWithAndWithoutTheCache() throws Exception {
    Both both = Both.of("distribution-channel.dmn", "distribution-channel");
    int compared = 0;
    for (String kind : KINDS) {
      for (String preferred : CHANNELS) {
        for (int flags = 0; flags < 1 << 6; flags++) {
          for (String excluded : new String[] {null, "EMAIL"}) {
            VariableMap facts = Variables.createVariables()
                .putValue("documentKind", kind).putValue("preferredChannel", preferred)
                .putValue("preferredActive", (flags & 1) != 0).putValue("defaultChannel", "EMAIL")
                .putValue("reserveChannel", (flags & 32) != 0 ? "PRINT" : "EMAIL")
                .putValue("afterDeviation", (flags & 2) != 0).putValue("excludedChannel", excluded)
                .putValue("hasEmail", (flags & 4) != 0).putValue("hasPostalAddress", (flags & 8) != 0)
                .putValue("hasElectronicAddress", (flags & 16) != 0)
                .putValue("hasDirectDebitMandate", (flags & 1) == 0);
            both.assertSameResult(facts);
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(KINDS.length * CHANNELS.length * 64 * 2);
  }

  @Test
  void dunningDecisionsAreTheSameWithAndWithoutTheCache() throws Exception {
    Both both = Both.of("dunning-policy.dmn", "dunning-policy");
    List<String> outcomes = new ArrayList<>();
    for (String country : new String[] {"SE", "NO"}) {
      for (String type : new String[] {"PRIVATE", "BUSINESS"}) {
        for (int flags = 0; flags < 4; flags++) {
          for (int level = 0; level <= 5; level++) {
            VariableMap facts = Variables.createVariables().putValue("country", country)
                .putValue("customerType", type).putValue("priority", (flags & 1) != 0)
                .putValue("reviewed", (flags & 2) != 0).putValue("dunningLevel", level);
            outcomes.add(both.assertSameResult(facts));
          }
        }
      }
    }
    // The comparison covers several different steps, not one answer for everything.
    assertThat(outcomes.stream().distinct().count()).isGreaterThan(3);
  }

  @Test
  void onlyLiteralCellsAreKept() {
    var feel = new FeelLiteralCache.CachingFeelEngine(new ScalaFeelEngineFactory().createInstance());
    assertThat(feel.isLiteral("\"REMINDER\",\"COLLECTION_NOTICE\"")).isTrue();
    assertThat(feel.isLiteral("-")).isTrue();
    assertThat(feel.isLiteral("not(\"INVOICE\")")).isTrue();
    assertThat(feel.isLiteral(">= 3")).isTrue();
    assertThat(feel.isLiteral("[1..5]")).isTrue();
    assertThat(feel.isLiteral("\"the customer's channel\"")).isTrue();
    assertThat(feel.isLiteral("preferredChannel")).isFalse();
    assertThat(feel.isLiteral("not(excludedChannel)")).isFalse();
    assertThat(feel.isLiteral("< date(\"2026-01-01\")")).isFalse();
    assertThat(feel.isLiteral("\"a\\\"b\"")).isFalse();
  }

  /** One decision on the stock engine and on the engine with the cache. */
  private record Both(DmnEngine stock, DmnDecision stockDecision, DmnEngine cached, DmnDecision cachedDecision) {

    static Both of(String file, String key) throws Exception {
      DmnEngine stock = engine(false);
      DmnEngine cached = engine(true);
      return new Both(stock, decision(stock, file, key), cached, decision(cached, file, key));
    }

    /** Returns the (same) result. */
    String assertSameResult(VariableMap facts) {
      String expected = result(stock, stockDecision, facts);
      assertThat(result(cached, cachedDecision, facts)).as("%s", facts).isEqualTo(expected);
      return expected;
    }
  }

  private static DmnEngine engine(boolean cached) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (cached) {
      configuration.setFeelEngineFactory(
          () -> new FeelLiteralCache.CachingFeelEngine(new ScalaFeelEngineFactory().createInstance()));
    }
    return configuration.buildEngine();
  }

  private static DmnDecision decision(DmnEngine engine, String file, String key) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
      return engine.parseDecision(key, in);
    }
  }

  private static String result(DmnEngine engine, DmnDecision decision, VariableMap facts) {
    List<Map<String, Object>> rows = engine.evaluateDecisionTable(decision, facts).getResultList();
    return rows.toString();
  }
}
