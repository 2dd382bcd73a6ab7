package io.fordra.distribution.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.process.InvoiceDistribution;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped channel decision's DIGITAL_MAILBOX rows: invoices and reminders, and the reserve after no mailbox. */
class DigitalMailboxChannelRulesTest {

  private static DmnEngine dmn;
  private static DmnDecision channelDecision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = DigitalMailboxChannelRulesTest.class.getResourceAsStream(
        "/processes/distribution-channel.dmn")) {
      channelDecision = dmn.parseDecisions(in).stream()
          .filter(d -> d.getKey().equals(InvoiceDistribution.CHANNEL_DECISION)).findFirst().orElseThrow();
    }
  }

  @ParameterizedTest(name = "{0} preferred {1} (active {2}), reserve {3}, deviation {4} after {5}, email {6} "
      + "post {7} → {8}")
  @CsvSource({
      // kind, preferred, active, reserve, deviation, failed, email, post, channel
      "INVOICE, DIGITAL_MAILBOX, true, PRINT, false, NONE, false, false, DIGITAL_MAILBOX",
      "REMINDER, DIGITAL_MAILBOX, true, PRINT, false, NONE, true, true, DIGITAL_MAILBOX",
      "COLLECTION_NOTICE, DIGITAL_MAILBOX, true, PRINT, false, NONE, true, true, DIGITAL_MAILBOX",
      "CREDIT_NOTE, DIGITAL_MAILBOX, true, PRINT, false, NONE, true, true, DIGITAL_MAILBOX",
      // the seller has not switched the channel on: the default (e-mail), reminders too
      "INVOICE, DIGITAL_MAILBOX, false, PRINT, false, NONE, true, true, EMAIL",
      "REMINDER, DIGITAL_MAILBOX, false, PRINT, false, NONE, true, true, EMAIL",
      // no mailbox: the reserve channel, never the mailbox again
      "INVOICE, DIGITAL_MAILBOX, true, PRINT, true, DIGITAL_MAILBOX, true, true, PRINT",
      "REMINDER, DIGITAL_MAILBOX, true, EMAIL, true, DIGITAL_MAILBOX, true, true, EMAIL",
      "INVOICE, DIGITAL_MAILBOX, true, PRINT, true, DIGITAL_MAILBOX, false, false, NONE",
  })
  void decides(String kind, String preferred, boolean active, String reserve, boolean deviation, String failed,
               boolean email, boolean post, String channel) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(channelDecision, Variables.createVariables()
        .putValue(InvoiceDistribution.Facts.DOCUMENT_KIND.name(), kind)
        .putValue(InvoiceDistribution.Facts.PREFERRED_CHANNEL.name(), preferred)
        .putValue(InvoiceDistribution.Facts.PREFERRED_ACTIVE.name(), active)
        .putValue(InvoiceDistribution.Facts.DEFAULT_CHANNEL.name(), "EMAIL")
        .putValue(InvoiceDistribution.Facts.RESERVE_CHANNEL.name(), reserve)
        .putValue(InvoiceDistribution.Facts.AFTER_DEVIATION.name(), deviation)
        .putValue(InvoiceDistribution.Facts.EXCLUDED_CHANNEL.name(), failed)
        .putValue(InvoiceDistribution.Facts.HAS_EMAIL.name(), email)
        .putValue(InvoiceDistribution.Facts.HAS_POSTAL_ADDRESS.name(), post)
        .putValue(InvoiceDistribution.Facts.HAS_ELECTRONIC_ADDRESS.name(), false)
        .putValue(InvoiceDistribution.Facts.HAS_DIRECT_DEBIT_MANDATE.name(), false)).getSingleResult();
    assertThat((String) result.get("channel")).isEqualTo(channel);
    assertThat((String) result.get("reason")).isNotBlank();
  }
}
